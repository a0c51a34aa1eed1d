// session/testConnection, session/login (every outcome of RAW-API §2.2, failure counting and
// locking, change-password-and-login) and session/logout (§2.3). Runs wherever the emulator runs.
import type { ApiCall, Reply } from '../api-call';
import { envelopeReply } from '../api-call';
import type { EnvelopeFlag } from '../envelope';
import { ApiFailure, MESSAGES, envelope, okEnvelope } from '../envelope';
import type { SessionRecord } from '../state';
import type { Account } from '../users';
import { isAdmin } from '../users';
import type { WireObject } from '../wire-json';
import { wireUser } from '../wire-models';

type LoginFlag = 'DesktopClientDenied' | 'IncompatibleServiceVersion' | 'LockedUserAccount';

export const SERVER_API_VERSION = 'emulator-1';

function loginFields(call: ApiCall, account: Account | null, session: SessionRecord | null, flags: Partial<Record<LoginFlag, boolean>> = {}): WireObject {
  const signedIn = account !== null && session !== null;
  return {
    Branch: signedIn ? { Id: account.branch.id, Name: account.branch.name } : null,
    Configuration: [],
    DesktopClientDenied: flags.DesktopClientDenied ?? false,
    IncompatibleServiceVersion: flags.IncompatibleServiceVersion ?? false,
    LockedUserAccount: flags.LockedUserAccount ?? false,
    Organisation: signedIn ? { Id: account.organisation.id, Name: account.organisation.name } : null,
    RemainingCredits: null,
    ServerApiVersion: SERVER_API_VERSION,
    SessionId: session?.id ?? null,
    User: signedIn ? wireUser(account, call.engine.userState(account)) : null,
    VpeName: call.engine.config.vpeName,
  };
}

function loginFailure(call: ApiCall, message: string, flags: Partial<Record<EnvelopeFlag, boolean>> = {}, loginFlags: Partial<Record<LoginFlag, boolean>> = {}): ApiFailure {
  return new ApiFailure(message, flags, 200, loginFields(call, null, null, loginFlags));
}

export function testConnection(): Reply {
  return envelopeReply(okEnvelope());
}

export function login(call: ApiCall): Reply {
  const { engine, body } = call;
  const username = body.string('Username', true);
  const password = body.string('Password', true);
  const account = engine.accountByUsername(username);
  if (!account) throw loginFailure(call, MESSAGES.badCredentials);
  const state = engine.userState(account);
  if (state.locked) throw loginFailure(call, MESSAGES.accountLocked, {}, { LockedUserAccount: true });
  if (password !== engine.passwordOf(account)) {
    state.failures += 1;
    engine.markDirty();
    // §2.2: the 5th consecutive failure locks the account, and that answer already says so.
    if (state.failures >= engine.config.login.lockAfterFailures) {
      state.locked = true;
      throw loginFailure(call, MESSAGES.accountLocked, {}, { LockedUserAccount: true });
    }
    throw loginFailure(call, MESSAGES.badCredentials);
  }
  if (state.failures !== 0) {
    state.failures = 0;
    engine.markDirty();
  }
  if (body.bool('RequireAdmin') === true && !isAdmin(account)) throw loginFailure(call, MESSAGES.accessDenied, { AccessDenied: true });
  if (body.bool('DesktopClient') === true && !account.desktopClient) throw loginFailure(call, MESSAGES.desktopClientDenied, {}, { DesktopClientDenied: true });
  const version = body.numberish('ApiVersionNumber');
  const minimum = engine.config.login.minApiVersion;
  if (minimum !== null && (version === null || version < minimum)) throw loginFailure(call, MESSAGES.incompatibleVersion, {}, { IncompatibleServiceVersion: true });

  if (body.bool('ChangePassword') === true) {
    // §2.2: only allowed when the account is flagged; applied after the old password was checked.
    if (!state.passwordExpired) throw loginFailure(call, MESSAGES.passwordChangeNotAllowed);
    const next = body.string('NewPassword', true);
    state.password = next;
    state.passwordExpired = false;
    engine.markDirty();
  } else if (state.passwordExpired) {
    throw loginFailure(call, MESSAGES.passwordChange, { NewPasswordRequired: true });
  }
  if (state.mfa) throw loginFailure(call, MESSAGES.mfaRequired, { MfaCodeRequired: true });

  const session = engine.openSession(account, call.deviceId);
  return envelopeReply(envelope(true, MESSAGES.ok, {}, loginFields(call, account, session)));
}

/** §2.3: idempotent; an unknown, expired or foreign session still answers Success:true. */
export function logout(call: ApiCall): Reply {
  const sessionId = call.body.string('SessionId');
  if (sessionId) {
    const session = call.engine.state.sessions[sessionId.toLowerCase()];
    if (session && session.deviceId === call.deviceId) call.engine.endSession(sessionId);
  }
  return envelopeReply(okEnvelope());
}
