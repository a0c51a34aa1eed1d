// Which contract channels a caller may use in each session state (issue 6 §1, §8, §9): the pure
// table behind the dispatcher's access guard. Runs in main (plain Node).
//
// Every channel of the contract is classified below; a channel added to the contract without a
// class here fails the typecheck, so nothing new is reachable by accident.
import type { InvokeChannel } from '../../preload/contract';

/**
 * - `open`: every state. Reading the frame and session, and the two calls that only take rights
 *   away (sign out, lock: a lock main already holds must not fail the renderer's retry).
 * - `sign-in`: signed out or signed in, not on a locked screen (the lock screen shows no data).
 * - `unlock`: the locked screen's way back; harmless when signed in.
 * - `admin-pin-setup`: setting the admin PIN. Signed out only at first run or while elevated.
 * - `admin`: admin rights; also open to the admin PIN while signed out (first-run setup, or the
 *   TrustID settings a personal-mode kiosk needs before anyone can sign in).
 * - `admin-signed-in`: admin rights of a signed-in person (acts on the queue or the hardware).
 * - `staff`: a signed-in, unlocked session.
 */
export type ChannelAccess = 'open' | 'sign-in' | 'unlock' | 'admin-pin-setup' | 'admin' | 'admin-signed-in' | 'staff';

export const channelAccess: Record<InvokeChannel, ChannelAccess> = {
  'app.info': 'open',
  'health.get': 'open',
  'session.get': 'open',
  'session.signOut': 'open',
  'session.lock': 'open',

  'session.signIn': 'sign-in',
  'session.elevate': 'sign-in',
  'staff.directory': 'sign-in',

  'session.unlock': 'unlock',
  'session.setAdminPin': 'admin-pin-setup',

  // Paths and which secrets are set are for administrators; other roles get the public part with
  // 'settings.changed' and app.info (issue 12 §1).
  'settings.get': 'admin',
  'settings.update': 'admin',
  'settings.setSecret': 'admin',
  'settings.clearSecret': 'admin',
  'staff.list': 'admin',
  'staff.save': 'admin',
  // Admin PIN works signed out: the way back when nobody can sign in after a bad switch (issue 11 §3).
  'trustid.testConnection': 'admin',
  'trustid.previous': 'admin',
  'trustid.revert': 'admin',

  'queue.discard': 'admin-signed-in',
  'devices.detect': 'admin-signed-in',
  'devices.test': 'admin-signed-in',
  // Demo rehearsal: an administrator at the desk; the handler refuses outside demo mode.
  'demo.get': 'admin-signed-in',
  'demo.set': 'admin-signed-in',

  'session.setOfflinePin': 'staff',
  'devices.list': 'staff',
  'devices.trigger': 'staff',
  'camera.submitStill': 'staff',
  'camera.reportState': 'staff',
  'capture.start': 'staff',
  'capture.get': 'staff',
  'capture.addDocument': 'staff',
  'capture.removeDocument': 'staff',
  'capture.retake': 'staff',
  'capture.adjustImage': 'staff',
  'capture.image': 'staff',
  'capture.acceptCorrections': 'staff',
  'capture.fieldDefinitions': 'staff',
  'capture.setFields': 'staff',
  'capture.documentFieldDefinitions': 'staff',
  'capture.setDocumentFields': 'staff',
  'capture.confirmPerson': 'staff',
  'capture.submit': 'staff',
  'capture.finish': 'staff',
  'capture.confirmSamePerson': 'staff',
  'capture.discard': 'staff',
  'capture.submission': 'staff',
  'capture.recovered': 'staff',
  'queue.list': 'staff',
  'queue.summary': 'staff',
  'queue.syncNow': 'staff',
  'queue.tryAgain': 'staff',
  'queue.act': 'staff',
  'results.list': 'staff',
  'results.get': 'staff',
  'results.image': 'staff',
  'results.pdf': 'staff',
  'guest.create': 'staff',
  'guest.list': 'staff',
  'guest.revoke': 'staff',
  'guest.resolve': 'staff',
  'guest.completeAsGuest': 'staff',
  'queued.prepare': 'staff',
  'queued.listPrepared': 'staff',
  'queued.resolvePrepared': 'staff',
  'queued.list': 'staff',
};

export type SessionPhase = 'signed-out' | 'signed-in' | 'locked';

export type AccessState = {
  phase: SessionPhase;
  /** Admin rights now: an admin account or the admin PIN (signed in), or the admin PIN (signed out). */
  admin: boolean;
  /** No admin PIN and no active admin account: whoever sets the admin PIN becomes the administrator. */
  firstRun: boolean;
};

export type Refusal = 'session.signed-out' | 'session.locked' | 'session.admin-required';

export const refusalMessages: Record<Refusal, string> = {
  'session.signed-out': 'Nobody is signed in on this kiosk. Sign in first.',
  'session.locked': 'The screen is locked. Unlock it with your PIN or password, or sign out.',
  'session.admin-required': 'This needs administrator rights. Sign in with an administrator account, or open Settings and enter the admin PIN.',
};

/** The refusal for a call in this state, or null to let it through. */
export function decideAccess(channel: InvokeChannel, state: AccessState): Refusal | null {
  const access = channelAccess[channel];
  if (access === 'open') return null;
  if (state.phase === 'locked') return access === 'unlock' ? null : 'session.locked';
  const signedIn = state.phase === 'signed-in';
  switch (access) {
    case 'sign-in':
      return null;
    case 'unlock':
      return signedIn ? null : 'session.signed-out';
    case 'admin-pin-setup':
      return signedIn || state.firstRun || state.admin ? null : 'session.admin-required';
    case 'admin':
      return state.admin ? null : 'session.admin-required';
    case 'admin-signed-in':
      if (!signedIn) return 'session.signed-out';
      return state.admin ? null : 'session.admin-required';
    case 'staff':
      return signedIn ? null : 'session.signed-out';
  }
}
