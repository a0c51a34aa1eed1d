// The session service (issue 6 §1 Sign in, §8 admin PIN, §9 Idle lock): who is signed in, in
// which account mode, under which TrustID account their captures sync (issue 5), whether the
// screen is locked, and who has admin rights; plus the dispatcher's access guard. Runs in main
// (plain Node). Sessions live in memory only: a restart signs everyone out.
import crypto from 'node:crypto';
import type { AccountMode, InvokeChannel, SessionView, SignInRequest, StaffMember as StaffView } from '../../preload/contract';
import { AppError } from '../app-error';
import type { KeyCustody } from '../store/key-custody';
import type { Logger } from '../logging/logger';
import type { Store } from '../store/open-store';
import type { ScryptParams } from '../store/pin-verifier';
import { KIOSK_ACCOUNT_ID } from '../store/trustid-accounts';
import { decideAccess, refusalMessages, type AccessState, type SessionPhase } from './access-policy';
import { createAdminPin } from './admin-pin';
import { createGuessCounter } from './guess-counter';
import { ALL_SOURCES_POLICY, createSourceThrottle, SOURCE_POLICY } from './source-throttle';
import { isTrustIdError } from '../trustid';
import { createPersonalAccounts } from './personal-accounts';
import { assertPinAllowed } from './pin-rules';
import {
  alreadySignedInError,
  changedMeanwhileError,
  isUnreachable,
  lockedOutError,
  noCredentialsError,
  noOfflinePinError,
  adminPinLockedError,
  offlinePinExpiredError,
  signInErrorFromTrustId,
  slowDownError,
  unknownStaffError,
  wrongModeError,
  wrongPinError,
} from './session-errors';
import { openSessionStateFile } from './session-state-file';
import { createStaffAdmin, type StaffSaveRequest } from './staff-admin';

export type SessionDeps = {
  store: Store;
  /** To seal what this service persists (offline PIN verifiers, the admin PIN). */
  custody: () => KeyCustody;
  /** A folder for the service's own sealed file. */
  stateDir: string;
  /** A login check against TrustID with these credentials; resolves, or throws TrustIdError. */
  verifyTrustIdLogin(req: { username: string; password: string; newPassword?: string }): Promise<void>;
  /** Can TrustID be reached now (the sync queue knows). */
  online(): boolean;
  idle(): { timeoutSeconds: number; warningSeconds: number };
  /** Demo mode: seed the demo staff accounts. */
  demo: boolean;
  now(): number;
  log: Logger;
  /** Called after every change of the view; the app emits 'session.changed'. */
  onChange(view: SessionView): void;
  /** Days an offline PIN works after the last online sign-in (default 14). */
  offlinePinDays?: number;
  /** Tests use cheaper scrypt parameters for the admin and offline PINs. */
  scrypt?: ScryptParams;
};

export type SignedIn = { staffId: string | null; displayName: string; accountId: string; admin: boolean };

export type SessionService = {
  view(): SessionView;
  /** Who is at the desk: null when signed out or locked. */
  current(): SignedIn | null;
  /**
   * `source` names the window or socket the attempt came from (the transport's client id): wrong
   * PINs slow that source down and lock a person out only when guessed from one source.
   */
  signIn(req: SignInRequest, source?: string): Promise<SessionView>;
  signOut(): SessionView;
  lock(): SessionView;
  unlock(req: { pin?: string; password?: string }): Promise<SessionView>;
  setOfflinePin(pin: string): Promise<SessionView>;
  elevate(pin: string, source?: string): Promise<SessionView>;
  setAdminPin(req: { currentPin?: string; newPin: string }): Promise<SessionView>;
  /** Names for the sign-in picker with opaque per-run handles, not staff ids (signed-out clients see it). */
  staffDirectory(): Array<{ id: string; displayName: string }>;
  staffList(): StaffView[];
  staffSave(req: StaffSaveRequest): Promise<StaffView>;
  /** The dispatcher guard: which channels need a sign-in, an unlocked screen, or admin rights. */
  authorize(channel: InvokeChannel): AppError | null;
  /** Resolves once start-up work (demo accounts) is done; await it before serving the contract. */
  ready(): Promise<void>;
  /** Sends the view again after something outside changed it (online state, account mode, idle settings). */
  refresh(): void;
};

/** The audit actor for acts done with the admin PIN while nobody is signed in. */
export const ADMIN_PIN_ACTOR = 'admin-pin';

type Active = {
  staffId: string;
  displayName: string;
  /** The mode signed in under; a change of the setting applies from the next sign-in. */
  mode: AccountMode;
  accountId: string;
  method: SignInRequest['method'];
  /** Personal mode: the TrustID user name (for unlocking); never logged or audited. */
  username: string | null;
  /** The admin PIN was given during this sign-in (ends at lock and sign-out). */
  elevated: boolean;
  locked: boolean;
};

export function createSessionService(deps: SessionDeps): SessionService {
  const { store } = deps;
  const log = deps.log.child({ module: 'session' });
  const policy = () => {
    const s = store.settings.get().staff;
    return { maxAttempts: s.maxPinAttempts, lockoutMinutes: s.lockoutMinutes };
  };
  const stateFile = openSessionStateFile({ dir: deps.stateDir, custody: deps.custody, log, now: deps.now });
  const adminPin = createAdminPin({ state: stateFile, now: deps.now, policy, ...(deps.scrypt ? { scrypt: deps.scrypt } : {}) });
  const personal = createPersonalAccounts({
    store,
    state: stateFile,
    now: deps.now,
    policy,
    ...(deps.offlinePinDays !== undefined ? { offlinePinDays: deps.offlinePinDays } : {}),
    ...(deps.scrypt ? { scrypt: deps.scrypt } : {}),
  });
  const staffAdmin = createStaffAdmin({ store, personal, log });

  // Wrong PINs (issue 12 §1): every source is slowed down by growing delays, all of them together
  // more gently; a person is locked out only after `maxAttempts` wrong PINs for them from one source.
  const sourceThrottle = createSourceThrottle(SOURCE_POLICY, deps.now);
  const allSources = createSourceThrottle(ALL_SOURCES_POLICY, deps.now);
  const ALL = '*';
  const guesses = createGuessCounter(deps.now, policy);
  const ADMIN_PIN = 'admin-pin';
  /** Keys the directory's handles: they name nobody outside this run. */
  const handleKey = crypto.randomBytes(32);
  const handleOf = (staffId: string) => crypto.createHmac('sha256', handleKey).update(staffId).digest('base64url').slice(0, 22);

  function throttleCheck(source: string): void {
    const wait = Math.max(sourceThrottle.waitMs(source), allSources.waitMs(ALL));
    if (wait > 0) throw slowDownError(wait);
  }
  function throttleFailure(source: string): void {
    sourceThrottle.failure(source);
    allSources.failure(ALL);
  }
  function throttleSuccess(source: string): void {
    sourceThrottle.success(source);
  }

  /** A directory handle, or (callers inside main) a staff id. */
  function staffIdFrom(handleOrId: string): string {
    return store.staff.list().find((s) => handleOf(s.id) === handleOrId)?.id ?? handleOrId;
  }

  let active: Active | null = null;
  /** Admin PIN given while signed out: until this time, extended by each admin call (idle timeout). */
  let signedOutAdminUntil: number | null = null;
  /** Bumped by every change of who is signed in or of the lock, so a slow check can tell it went stale. */
  let epoch = 0;
  /** One slow operation at a time (PIN hashing, TrustID): counters and sign-ins never interleave. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const storeMode = (): AccountMode => store.settings.get().staff.accountMode;
  const idleMs = () => deps.idle().timeoutSeconds * 1000;

  function phase(): SessionPhase {
    if (!active) return 'signed-out';
    return active.locked ? 'locked' : 'signed-in';
  }

  function roleOf(staffId: string): 'staff' | 'admin' {
    return store.staff.get(staffId)?.role ?? 'staff';
  }

  function isAdmin(): boolean {
    if (active) return !active.locked && (active.elevated || roleOf(active.staffId) === 'admin');
    return signedOutAdminUntil !== null && deps.now() < signedOutAdminUntil;
  }

  function firstRun(): boolean {
    return !adminPin.isSet() && !staffAdmin.hasActiveAdmin();
  }

  function view(): SessionView {
    const idle = deps.idle();
    const record = active?.username ? personal.record(active.username) : null;
    return {
      state: phase(),
      accountMode: active?.mode ?? storeMode(),
      staff: active ? { id: active.staffId, displayName: active.displayName, role: roleOf(active.staffId) } : null,
      admin: isAdmin(),
      adminPinSet: adminPin.isSet(),
      idleTimeoutSeconds: idle.timeoutSeconds,
      // The contract (and issue 6 §9) want at least 20 s to answer "I'm still here".
      idleWarningSeconds: Math.max(20, idle.warningSeconds),
      offlinePinSet: record !== null && personal.offlinePinUsable(record) === 'ok',
      online: deps.online(),
    };
  }

  function changed(): SessionView {
    const v = view();
    deps.onChange(v);
    return v;
  }

  function begin(next: Omit<Active, 'elevated' | 'locked'>): SessionView {
    epoch++;
    active = { ...next, elevated: false, locked: false };
    signedOutAdminUntil = null;
    log.info({ staffId: next.staffId, method: next.method, mode: next.mode }, 'signed in');
    return changed();
  }

  /** The guard already refuses these calls; the service checks again for callers inside main. */
  function requireAdmin(): void {
    if (!isAdmin()) throw new AppError('session.admin-required', refusalMessages['session.admin-required']);
  }

  function actor(): string {
    return active?.staffId ?? ADMIN_PIN_ACTOR;
  }

  // ---- sign-in paths ------------------------------------------------------------------------

  async function signInLocal(handle: string, pin: string, source: string): Promise<SessionView> {
    throttleCheck(source);
    const staffId = staffIdFrom(handle);
    if (personal.isPinless(staffId)) {
      throttleFailure(source);
      throw unknownStaffError();
    }
    const result = await store.staff.verifyPin(staffId, pin);
    if (!result.ok) {
      if (result.reason === 'locked') throw lockedOutError(result.lockedUntil, deps.now(), 'account');
      throttleFailure(source);
      if (result.reason !== 'wrong-pin') throw unknownStaffError();
      const outcome = guesses.fail(source, staffId);
      if (outcome.lockedUntil !== null) {
        store.staff.lockOut(staffId, outcome.lockedUntil, outcome.attempts.failures);
        log.warn({ staffId, failures: outcome.attempts.failures }, 'staff PIN locked after repeated wrong PINs from one source');
        throw lockedOutError(outcome.lockedUntil, deps.now(), 'account');
      }
      throw wrongPinError(outcome.attemptsLeft, policy().lockoutMinutes, 'PIN');
    }
    throttleSuccess(source);
    guesses.clear(source, staffId);
    if (active) throw alreadySignedInError();
    return begin({ staffId, displayName: result.staff.name, mode: 'shared', accountId: KIOSK_ACCOUNT_ID, method: 'local', username: null });
  }

  async function signInTrustId(username: string, password: string, newPassword: string | undefined): Promise<SessionView> {
    const known = personal.staffFor(username);
    if (known?.disabled) throw unknownStaffError();
    const method = newPassword ? 'trustid-change-password' : 'trustid';
    try {
      await deps.verifyTrustIdLogin(newPassword ? { username, password, newPassword } : { username, password });
    } catch (error) {
      const mapped = signInErrorFromTrustId(error);
      store.audit.append({ action: 'staff.sign-in-failed', actor: known?.id ?? 'system', detail: { method, reason: mapped.code } });
      log.info({ method, code: mapped.code, cause: isUnreachable(error) ? 'unreachable' : undefined }, 'TrustID sign-in refused');
      throw mapped;
    }
    if (active) throw alreadySignedInError();
    const { staff, accountId } = await personal.recordOnlineSignIn(username, newPassword ?? password);
    store.audit.append({ action: 'staff.sign-in', actor: staff.id, detail: { method, accountId } });
    return begin({ staffId: staff.id, displayName: username, mode: 'personal', accountId, method, username });
  }

  async function signInOfflinePin(username: string, pin: string, source: string): Promise<SessionView> {
    throttleCheck(source);
    const record = personal.record(username);
    if (!record) throw noOfflinePinError();
    const usable = personal.offlinePinUsable(record);
    if (usable === 'none') throw noOfflinePinError();
    if (usable === 'expired') throw offlinePinExpiredError(personal.offlinePinDays);
    const staff = store.staff.get(record.staffId);
    if (!staff || staff.disabled) throw unknownStaffError();
    const check = await personal.verifyOfflinePin(username, pin);
    if (!check.ok && check.reason === 'locked') {
      store.audit.append({ action: 'staff.sign-in-failed', actor: staff.id, detail: { method: 'offline-pin', reason: 'locked', failures: check.failures } });
      throw check.error;
    }
    const target = `offline-pin\u0000${record.username.toLowerCase()}`;
    if (!check.ok) {
      throttleFailure(source);
      // Counted per source, so a stranger who knows a user name cannot lock the offline PIN.
      const outcome = guesses.fail(source, target);
      if (outcome.lockedUntil !== null) {
        personal.lockOfflinePin(username, outcome.lockedUntil, outcome.attempts.failures);
        store.audit.append({ action: 'staff.locked-out', actor: staff.id, detail: { method: 'offline-pin', reason: 'locked-now', failures: outcome.attempts.failures } });
        throw lockedOutError(outcome.lockedUntil, deps.now(), 'offline-pin');
      }
      store.audit.append({ action: 'staff.sign-in-failed', actor: staff.id, detail: { method: 'offline-pin', reason: 'wrong', failures: outcome.attempts.failures } });
      throw wrongPinError(outcome.attemptsLeft, policy().lockoutMinutes, 'offline PIN');
    }
    throttleSuccess(source);
    guesses.clear(source, target);
    const account = store.accounts.forStaff(staff.id);
    if (!account) throw noCredentialsError();
    if (active) throw alreadySignedInError();
    store.audit.append({ action: 'staff.sign-in', actor: staff.id, detail: { method: 'offline-pin', accountId: account.id } });
    return begin({ staffId: staff.id, displayName: record.username, mode: 'personal', accountId: account.id, method: 'offline-pin', username: record.username });
  }

  // ---- unlocking ----------------------------------------------------------------------------

  async function unlockShared(who: Active, pin: string): Promise<void> {
    const result = await store.staff.signIn(who.staffId, pin);
    if (result.ok) return;
    if (result.reason === 'wrong-pin') throw wrongPinError(result.attemptsLeft, policy().lockoutMinutes, 'PIN');
    if (result.reason === 'locked') throw lockedOutError(result.lockedUntil, deps.now(), 'account');
    throw unknownStaffError();
  }

  async function unlockPersonal(who: Active, req: { pin?: string; password?: string }): Promise<void> {
    const username = who.username!;
    const lockedOut = () => {
      const until = personal.lockedUntil(username);
      if (until !== null) throw lockedOutError(until, deps.now(), 'offline-pin');
    };
    if (req.pin !== undefined) {
      lockedOut();
      const record = personal.record(username);
      const usable = record ? personal.offlinePinUsable(record) : 'none';
      if (usable === 'none') throw noOfflinePinError();
      if (usable === 'expired') throw offlinePinExpiredError(personal.offlinePinDays);
      const check = await personal.checkOfflinePin(username, req.pin);
      if (!check.ok) {
        store.audit.append({ action: 'kiosk.unlock-failed', actor: who.staffId, detail: { method: 'offline-pin', reason: check.reason, failures: check.failures } });
        throw check.error;
      }
      return;
    }
    const password = req.password!;
    let verdict: 'ok' | 'wrong' | 'unknown' = 'unknown';
    if (deps.online()) {
      // TrustID's own answer is not subject to the kiosk's lockout (TrustID counts its failures
      // itself); the lockout message points locked-out staff here.
      try {
        await deps.verifyTrustIdLogin({ username, password });
        verdict = 'ok';
        // TrustID proved this password: the copy kept for sync follows it.
        if (!personal.matchesStoredPassword(who.accountId, password)) personal.updatePassword(who.staffId, username, password);
        personal.clearFailures(username);
      } catch (error) {
        if (isTrustIdError(error) && error.kind === 'invalid-credentials') verdict = 'wrong';
        else if (!isUnreachable(error)) throw signInErrorFromTrustId(error);
      }
    }
    if (verdict === 'unknown') {
      // TrustID could not be asked: the password kept (sealed) for sync is the reference, and
      // guessing it is subject to the same lockout as the offline PIN.
      lockedOut();
      verdict = personal.matchesStoredPassword(who.accountId, password) ? 'ok' : 'wrong';
    }
    if (verdict === 'ok') return;
    const failed = personal.countFailure(username, 'password');
    store.audit.append({ action: 'kiosk.unlock-failed', actor: who.staffId, detail: { method: 'password', reason: failed.reason, failures: failed.failures } });
    throw failed.error;
  }

  // ---- the service --------------------------------------------------------------------------

  const service: SessionService = {
    view,

    current() {
      if (!active || active.locked) return null;
      return { staffId: active.staffId, displayName: active.displayName, accountId: active.accountId, admin: isAdmin() };
    },

    signIn(req, source = 'main') {
      return serial(async () => {
        if (active) throw alreadySignedInError();
        const mode = storeMode();
        if (req.method === 'local') {
          if (mode !== 'shared') throw wrongModeError('personal');
          return signInLocal(req.staffId, req.pin, source);
        }
        if (mode !== 'personal') throw wrongModeError('shared');
        // The contract trims it too; callers inside main may not have gone through the contract.
        const username = req.username.trim();
        if (req.method === 'offline-pin') return signInOfflinePin(username, req.pin, source);
        return signInTrustId(username, req.password, req.method === 'trustid-change-password' ? req.newPassword : undefined);
      });
    },

    signOut() {
      if (!active) {
        if (signedOutAdminUntil === null) return view();
        signedOutAdminUntil = null;
        return changed();
      }
      const who = active;
      store.audit.append({ action: 'staff.sign-out', actor: who.staffId, detail: { fromLock: who.locked } });
      log.info({ staffId: who.staffId, fromLock: who.locked }, 'signed out');
      active = null;
      epoch++;
      return changed();
    },

    lock() {
      if (!active) {
        // A lock on a signed-out screen still closes an admin PIN session left open.
        if (signedOutAdminUntil === null) return view();
        signedOutAdminUntil = null;
        return changed();
      }
      if (active.locked) return view();
      active.locked = true;
      active.elevated = false;
      epoch++;
      store.audit.append({ action: 'kiosk.locked', actor: active.staffId });
      log.info({ staffId: active.staffId }, 'screen locked');
      return changed();
    },

    unlock(req) {
      return serial(async () => {
        const who = active;
        if (!who) throw new AppError('session.signed-out', refusalMessages['session.signed-out']);
        if (!who.locked) return view();
        if (req.pin === undefined && req.password === undefined) {
          throw new AppError('session.unlock-needs-secret', who.mode === 'shared' ? 'Enter your PIN to unlock.' : 'Enter your offline PIN or your TrustID password to unlock.', { params: { context: who.mode } });
        }
        const started = epoch;
        if (who.mode === 'shared') {
          if (req.pin === undefined) throw new AppError('session.unlock-needs-secret', 'Enter your PIN to unlock.', { params: { context: 'shared' } });
          await unlockShared(who, req.pin);
        } else {
          await unlockPersonal(who, req);
        }
        // Someone signed the locked session out while the check ran: nothing to unlock any more.
        if (epoch !== started || active !== who) throw changedMeanwhileError();
        who.locked = false;
        epoch++;
        store.audit.append({ action: 'kiosk.unlocked', actor: who.staffId });
        log.info({ staffId: who.staffId }, 'screen unlocked');
        return changed();
      });
    },

    setOfflinePin(pin) {
      return serial(async () => {
        const who = active;
        if (!who || who.locked) throw new AppError('session.signed-out', refusalMessages['session.signed-out']);
        if (who.mode !== 'personal' || !who.username) {
          throw new AppError('session.offline-pin-personal-only', 'An offline PIN is only for personal TrustID accounts. In shared mode your PIN already works offline.');
        }
        if (!personal.record(who.username)) throw noOfflinePinError();
        assertPinAllowed(pin, deps.demo);
        await personal.setOfflinePin(who.username, pin);
        store.audit.append({ action: 'session.offline-pin-set', actor: who.staffId });
        log.info({ staffId: who.staffId }, 'offline PIN set');
        return changed();
      });
    },

    elevate(pin, source = 'main') {
      return serial(async () => {
        if (active?.locked) throw new AppError('session.locked', refusalMessages['session.locked']);
        if (!adminPin.isSet()) throw new AppError('session.no-admin-pin', 'No admin PIN is set on this kiosk yet. Set one in Settings first.');
        throttleCheck(source);
        const who = active;
        const started = epoch;
        const actorId = who?.staffId ?? ADMIN_PIN_ACTOR;
        const check = await adminPin.verify(pin);
        if (!check.ok && check.reason === 'locked') {
          store.audit.append({ action: 'session.elevate-failed', actor: actorId, detail: { failures: check.failures } });
          throw check.error;
        }
        if (!check.ok) {
          throttleFailure(source);
          const outcome = guesses.fail(source, ADMIN_PIN);
          if (outcome.lockedUntil !== null) {
            adminPin.lockOut(outcome.lockedUntil, outcome.attempts.failures);
            store.audit.append({ action: 'session.admin-pin-locked-out', actor: actorId, detail: { failures: outcome.attempts.failures } });
            throw adminPinLockedError(outcome.lockedUntil, deps.now());
          }
          store.audit.append({ action: 'session.elevate-failed', actor: actorId, detail: { failures: outcome.attempts.failures } });
          throw wrongPinError(outcome.attemptsLeft, policy().lockoutMinutes, 'admin PIN');
        }
        throttleSuccess(source);
        guesses.clear(source, ADMIN_PIN);
        if (epoch !== started || active !== who) throw changedMeanwhileError();
        if (who) who.elevated = true;
        else signedOutAdminUntil = deps.now() + idleMs();
        store.audit.append({ action: 'session.elevated', actor: who?.staffId ?? ADMIN_PIN_ACTOR, detail: { signedIn: who !== null } });
        log.info({ staffId: who?.staffId, signedIn: who !== null }, 'admin rights granted by admin PIN');
        return changed();
      });
    },

    setAdminPin(req) {
      return serial(async () => {
        if (active?.locked) throw new AppError('session.locked', refusalMessages['session.locked']);
        assertPinAllowed(req.newPin, deps.demo);
        const roleAdmin = active !== null && roleOf(active.staffId) === 'admin';
        const first = !adminPin.isSet();
        if (adminPin.isSet()) {
          if (req.currentPin !== undefined) {
            const check = await adminPin.check(req.currentPin);
            if (!check.ok) {
              store.audit.append({ action: check.reason === 'locked-now' ? 'session.admin-pin-locked-out' : 'session.admin-pin-change-failed', actor: actor(), detail: { failures: check.failures } });
              throw check.error;
            }
          } else if (!roleAdmin) {
            // An administrator's own account may reset a forgotten admin PIN; anyone else proves the old one.
            throw new AppError('session.current-pin-required', 'Enter the current admin PIN to change it.');
          }
        } else if (!firstRun() && !roleAdmin) {
          throw new AppError('session.admin-required', 'Only an administrator can set the admin PIN. Sign in with an administrator account.');
        }
        await adminPin.set(req.newPin);
        store.audit.append({ action: 'session.admin-pin-set', actor: actor(), detail: { first } });
        log.info({ first }, 'admin PIN set');
        return changed();
      });
    },

    staffDirectory: () => staffAdmin.directory(storeMode()).map((s) => ({ id: handleOf(s.id), displayName: s.displayName })),
    staffList() {
      requireAdmin();
      return staffAdmin.list();
    },

    staffSave(req) {
      return serial(async () => {
        requireAdmin();
        if (req.pin) assertPinAllowed(req.pin, deps.demo);
        const saved = await staffAdmin.save(req, actor(), adminPin.isSet());
        // A role change of the person signed in changes what they may do now.
        if (active?.staffId === saved.id) changed();
        return saved;
      });
    },

    authorize(channel) {
      const state: AccessState = { phase: phase(), admin: isAdmin(), firstRun: false };
      // Only one channel depends on first run, and working it out reads the staff table.
      if (channel === 'session.setAdminPin' && state.phase === 'signed-out') state.firstRun = firstRun();
      const refusal = decideAccess(channel, state);
      if (refusal) return new AppError(refusal, refusalMessages[refusal]);
      // An admin PIN session on a signed-out screen lasts while it is used (idle timeout).
      if (!active && signedOutAdminUntil !== null && state.admin) signedOutAdminUntil = deps.now() + idleMs();
      return null;
    },

    ready: () => readyPromise,

    refresh() {
      changed();
    },
  };

  const readyPromise: Promise<void> = deps.demo
    ? serial(() => staffAdmin.seedDemo()).catch((error: unknown) => {
        log.error({ err: (error as Error).message }, 'demo staff accounts could not be created');
      })
    : Promise.resolve();

  return service;
}
