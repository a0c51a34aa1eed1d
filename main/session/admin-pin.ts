// The kiosk's admin PIN (issue 6 §8): a scrypt verifier in the sealed session state, with its own
// failure counter and lockout that survive a restart (so restarting is no way round the lockout).
// Runs in main (plain Node).
import type { AppError } from '../app-error';
import { checkPin, createPinVerifier, DEFAULT_SCRYPT, type ScryptParams } from '../store/pin-verifier';
import { activeLockUntil, afterFailure, noAttempts, type LockoutPolicy } from './pin-attempts';
import { adminPinLockedError, wrongPinError } from './session-errors';
import type { SessionStateFile } from './session-state-file';

/** `locked-now`: this failure started the lockout; `locked`: a lockout already in force refused the try. */
export type PinCheck = { ok: true } | { ok: false; reason: 'wrong' | 'locked-now' | 'locked'; failures: number; error: AppError };

export type AdminPin = {
  isSet(): boolean;
  /** Checks a PIN against the admin PIN (which must be set), counting failures. */
  check(pin: string): Promise<PinCheck>;
  /**
   * Checks a PIN without counting a wrong one (a lock in force still refuses): the signed-out
   * elevation counts per source instead (issue 12 §1). A wrong PIN answers `reason: 'wrong'`.
   */
  verify(pin: string): Promise<{ ok: true } | { ok: false; reason: 'wrong' } | (PinCheck & { reason: 'locked' })>;
  /** Locks the admin PIN until `until`. */
  lockOut(until: number, failures: number): void;
  /** Replaces the verifier and clears the failure count. The caller has decided it is allowed. */
  set(newPin: string): Promise<void>;
};

export function createAdminPin(deps: { state: SessionStateFile; now: () => number; policy: () => LockoutPolicy; scrypt?: ScryptParams }): AdminPin {
  const scrypt = deps.scrypt ?? DEFAULT_SCRYPT;
  return {
    isSet: () => deps.state.read().adminPin !== null,

    async check(pin) {
      const before = deps.state.read();
      const verifier = before.adminPin?.verifier;
      if (!verifier) throw new Error('admin PIN checked before one was set');
      const locked = activeLockUntil(before.adminAttempts, deps.now());
      if (locked !== null) return { ok: false, reason: 'locked', failures: before.adminAttempts.failures, error: adminPinLockedError(locked, deps.now()) };
      const good = await checkPin(pin, verifier);
      if (good) {
        if (deps.state.read().adminAttempts.failures > 0) deps.state.update((s) => ({ ...s, adminAttempts: { ...noAttempts } }));
        return { ok: true };
      }
      // Counted on the state as it is now, not as it was before the slow check.
      const policy = deps.policy();
      const now = deps.now();
      const outcome = afterFailure(deps.state.read().adminAttempts, now, policy);
      deps.state.update((s) => ({ ...s, adminAttempts: outcome.attempts }));
      return outcome.lockedUntil !== null
        ? { ok: false, reason: 'locked-now', failures: outcome.attempts.failures, error: adminPinLockedError(outcome.lockedUntil, now) }
        : { ok: false, reason: 'wrong', failures: outcome.attempts.failures, error: wrongPinError(outcome.attemptsLeft, policy.lockoutMinutes, 'admin PIN') };
    },

    async verify(pin) {
      const before = deps.state.read();
      const verifier = before.adminPin?.verifier;
      if (!verifier) throw new Error('admin PIN checked before one was set');
      const locked = activeLockUntil(before.adminAttempts, deps.now());
      if (locked !== null) return { ok: false, reason: 'locked', failures: before.adminAttempts.failures, error: adminPinLockedError(locked, deps.now()) };
      if (!(await checkPin(pin, verifier))) return { ok: false, reason: 'wrong' };
      if (deps.state.read().adminAttempts.failures > 0) deps.state.update((s) => ({ ...s, adminAttempts: { ...noAttempts } }));
      return { ok: true };
    },

    lockOut(until, failures) {
      deps.state.update((s) => ({ ...s, adminAttempts: { failures, lockedUntil: until } }));
    },

    async set(newPin) {
      const verifier = await createPinVerifier(newPin, scrypt);
      deps.state.update((s) => ({ ...s, adminPin: { verifier, setAt: deps.now() }, adminAttempts: { ...noAttempts } }));
    },
  };
}
