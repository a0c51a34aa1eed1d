// Personal account mode (issue 6 §1): each staff member signs in with their own TrustID account.
// This links a TrustID user name to a staff row (so applications and the audit log name a staff id
// and the store can keep the sealed credentials under it), and keeps the offline PIN: a scrypt
// verifier in the sealed session state that works for a limited time after the last online
// sign-in. Runs in main (plain Node).
import crypto from 'node:crypto';
import type { Store } from '../store/open-store';
import { checkPin, createPinVerifier, DEFAULT_SCRYPT, type ScryptParams } from '../store/pin-verifier';
import type { StaffRecord } from '../store/staff-repo';
import type { PinCheck } from './admin-pin';
import { activeLockUntil, afterFailure, noAttempts, type LockoutPolicy } from './pin-attempts';
import { lockedOutError, wrongPinError } from './session-errors';
import type { PersonalRecord, SessionStateFile } from './session-state-file';

/** Issue 6 §1 leaves the length open; two weeks covers a holiday without leaving a PIN alive for ever. */
export const DEFAULT_OFFLINE_PIN_DAYS = 14;

const DAY_MS = 24 * 60 * 60_000;
const NAME_PREFIX = 'TrustID: ';
const MAX_NAME = 80;

/** TrustID user names ignore case (the emulator follows the service), so one key per person. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The staff row's name for a TrustID user: marked so an administrator reading the staff list sees
 * which rows are personal accounts, and so it cannot clash with a local account's name. Kept
 * within the store's 80 characters; a longer user name keeps a hash so two stay apart.
 */
export function personalStaffName(username: string): string {
  const name = `${NAME_PREFIX}${username.trim()}`;
  if (name.length <= MAX_NAME) return name;
  const tag = crypto.createHash('sha256').update(usernameKey(username)).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_NAME - 10)}… ${tag}`;
}

export type PersonalAccounts = {
  record(username: string): PersonalRecord | null;
  /** The staff row a user name signs in as, if it exists yet. */
  staffFor(username: string): StaffRecord | null;
  /**
   * After TrustID accepted the credentials: the staff row (created on the first sign-in on this
   * kiosk), the credentials saved sealed as the personal account, the online time recorded and the
   * offline PIN's failure count cleared.
   */
  recordOnlineSignIn(username: string, password: string): Promise<{ staff: StaffRecord; accountId: string }>;
  /** Replaces the stored password after an unlock proved a newer one with TrustID. */
  updatePassword(staffId: string, username: string, password: string): void;
  offlinePinUsable(record: PersonalRecord): 'ok' | 'none' | 'expired';
  checkOfflinePin(username: string, pin: string): Promise<PinCheck>;
  /**
   * Checks the offline PIN without counting a wrong one (a lock in force still refuses): sign-in
   * from the signed-out screen counts per source instead (issue 12 §1).
   */
  verifyOfflinePin(username: string, pin: string): Promise<{ ok: true } | { ok: false; reason: 'wrong' } | (PinCheck & { reason: 'locked' })>;
  /** Locks the offline PIN (and the password unlock) until `until`. */
  lockOfflinePin(username: string, until: number, failures: number): void;
  /** A failed password at the lock screen counts against the same lockout as the offline PIN. */
  countFailure(username: string, what: 'offline PIN' | 'password'): PinCheck & { ok: false };
  lockedUntil(username: string): number | null;
  clearFailures(username: string): void;
  setOfflinePin(username: string, pin: string): Promise<void>;
  /** Constant-time comparison with the password kept for sync (an unlock while TrustID is unreachable). */
  matchesStoredPassword(accountId: string, password: string): boolean;
  isPinless(staffId: string): boolean;
  markPinSet(staffId: string): void;
  offlinePinDays: number;
};

export function createPersonalAccounts(deps: {
  store: Store;
  state: SessionStateFile;
  now: () => number;
  policy: () => LockoutPolicy;
  offlinePinDays?: number;
  scrypt?: ScryptParams;
}): PersonalAccounts {
  const { store, state } = deps;
  const scrypt = deps.scrypt ?? DEFAULT_SCRYPT;
  const offlinePinDays = deps.offlinePinDays ?? DEFAULT_OFFLINE_PIN_DAYS;

  const record = (username: string) => state.read().personal[usernameKey(username)] ?? null;

  function staffFor(username: string): StaffRecord | null {
    const known = record(username);
    const byId = known ? store.staff.get(known.staffId) : null;
    if (byId) return byId;
    // The sealed state may have been lost (a new data key); the row's name still finds the person.
    const name = personalStaffName(username).toLowerCase();
    return store.staff.list().find((s) => s.name.toLowerCase() === name) ?? null;
  }

  function updateRecord(username: string, change: (r: PersonalRecord) => PersonalRecord): void {
    const key = usernameKey(username);
    state.update((s) => {
      const current = s.personal[key];
      return current ? { ...s, personal: { ...s.personal, [key]: change(current) } } : s;
    });
  }

  function failure(username: string, what: 'offline PIN' | 'password'): PinCheck & { ok: false } {
    const policy = deps.policy();
    const now = deps.now();
    const current = record(username);
    const outcome = afterFailure(current?.attempts ?? noAttempts, now, policy);
    updateRecord(username, (r) => ({ ...r, attempts: outcome.attempts }));
    return outcome.lockedUntil !== null
      ? { ok: false, reason: 'locked-now', failures: outcome.attempts.failures, error: lockedOutError(outcome.lockedUntil, now, 'offline-pin') }
      : { ok: false, reason: 'wrong', failures: outcome.attempts.failures, error: wrongPinError(outcome.attemptsLeft, policy.lockoutMinutes, what) };
  }

  return {
    record,
    staffFor,
    offlinePinDays,

    async recordOnlineSignIn(username, password) {
      let staff = staffFor(username);
      let created = false;
      if (!staff) {
        // The store asks every staff row for a PIN; this one is random and never shown, so the row
        // cannot be used for a shared-mode sign-in until an administrator sets a PIN for it.
        const randomPin = String(crypto.randomInt(100_000_000_000, 1_000_000_000_000));
        staff = await store.staff.create({ name: personalStaffName(username), pin: randomPin, role: 'staff' }, 'system');
        created = true;
      }
      const account = store.accounts.savePersonal({ staffId: staff.id, username: username.trim(), password }, staff.id);
      const key = usernameKey(username);
      const staffId = staff.id;
      state.update((s) => {
        const previous = s.personal[key];
        const next: PersonalRecord = {
          staffId,
          username: username.trim(),
          lastOnlineAt: deps.now(),
          // An offline PIN belongs to the person, not to one staff row: kept if the row is the same.
          offlinePin: previous && previous.staffId === staffId ? previous.offlinePin : null,
          attempts: { ...noAttempts },
        };
        const pinless = created ? [...s.pinlessStaff, staffId] : s.pinlessStaff;
        return { ...s, personal: { ...s.personal, [key]: next }, pinlessStaff: pinless };
      });
      return { staff, accountId: account.id };
    },

    updatePassword(staffId, username, password) {
      store.accounts.savePersonal({ staffId, username: username.trim(), password }, staffId);
      updateRecord(username, (r) => ({ ...r, lastOnlineAt: deps.now() }));
    },

    offlinePinUsable(r) {
      if (!r.offlinePin) return 'none';
      return deps.now() - r.lastOnlineAt > offlinePinDays * DAY_MS ? 'expired' : 'ok';
    },

    async checkOfflinePin(username, pin) {
      const before = record(username);
      const verifier = before?.offlinePin?.verifier;
      if (!before || !verifier) throw new Error('offline PIN checked for a user name without one');
      const locked = activeLockUntil(before.attempts, deps.now());
      if (locked !== null) return { ok: false, reason: 'locked', failures: before.attempts.failures, error: lockedOutError(locked, deps.now(), 'offline-pin') };
      if (await checkPin(pin, verifier)) {
        if ((record(username)?.attempts.failures ?? 0) > 0) updateRecord(username, (r) => ({ ...r, attempts: { ...noAttempts } }));
        return { ok: true };
      }
      return failure(username, 'offline PIN');
    },

    async verifyOfflinePin(username, pin) {
      const before = record(username);
      const verifier = before?.offlinePin?.verifier;
      if (!before || !verifier) throw new Error('offline PIN checked for a user name without one');
      const locked = activeLockUntil(before.attempts, deps.now());
      if (locked !== null) return { ok: false, reason: 'locked', failures: before.attempts.failures, error: lockedOutError(locked, deps.now(), 'offline-pin') };
      if (!(await checkPin(pin, verifier))) return { ok: false, reason: 'wrong' };
      if ((record(username)?.attempts.failures ?? 0) > 0) updateRecord(username, (r) => ({ ...r, attempts: { ...noAttempts } }));
      return { ok: true };
    },

    lockOfflinePin(username, until, failures) {
      updateRecord(username, (r) => ({ ...r, attempts: { failures, lockedUntil: until } }));
    },

    countFailure: failure,

    clearFailures(username) {
      const r = record(username);
      if (r && (r.attempts.failures > 0 || r.attempts.lockedUntil !== null)) updateRecord(username, (x) => ({ ...x, attempts: { ...noAttempts } }));
    },

    lockedUntil(username) {
      const r = record(username);
      return r ? activeLockUntil(r.attempts, deps.now()) : null;
    },

    async setOfflinePin(username, pin) {
      const verifier = await createPinVerifier(pin, scrypt);
      updateRecord(username, (r) => ({ ...r, offlinePin: { verifier, setAt: deps.now() }, attempts: { ...noAttempts } }));
    },

    matchesStoredPassword(accountId, password) {
      const stored = store.accounts.credentials(accountId);
      if (!stored) return false;
      const a = crypto.createHash('sha256').update(stored.password, 'utf8').digest();
      const b = crypto.createHash('sha256').update(password, 'utf8').digest();
      return crypto.timingSafeEqual(a, b);
    },

    isPinless: (staffId) => state.read().pinlessStaff.includes(staffId),

    markPinSet(staffId) {
      if (!state.read().pinlessStaff.includes(staffId)) return;
      state.update((s) => ({ ...s, pinlessStaff: s.pinlessStaff.filter((id) => id !== staffId) }));
    },
  };
}
