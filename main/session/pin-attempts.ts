// Failure counting and lockout for the PINs the session service keeps itself (the admin PIN and
// offline PINs): pure functions over a small record. Runs in main (plain Node).
//
// Same rule as local staff PINs (main/store/staff-repo.ts): after `maxAttempts` wrong PINs in a
// row the PIN is refused for `lockoutMinutes`; an expired lock starts a fresh count. A 4-digit
// PIN has 10,000 values, so the lockout, not the slow hash, is what stops guessing at the desk.

export type Attempts = { failures: number; lockedUntil: number | null };
export type LockoutPolicy = { maxAttempts: number; lockoutMinutes: number };

export const noAttempts: Attempts = Object.freeze({ failures: 0, lockedUntil: null });

/** When the lock ends, if one is in force at `now`. */
export function activeLockUntil(attempts: Attempts, now: number): number | null {
  return attempts.lockedUntil !== null && attempts.lockedUntil > now ? attempts.lockedUntil : null;
}

export type FailureOutcome = { attempts: Attempts; lockedUntil: number | null; attemptsLeft: number };

export function afterFailure(attempts: Attempts, now: number, policy: LockoutPolicy): FailureOutcome {
  const expired = attempts.lockedUntil !== null && attempts.lockedUntil <= now;
  const failures = (expired ? 0 : attempts.failures) + 1;
  if (failures >= policy.maxAttempts) {
    const until = now + policy.lockoutMinutes * 60_000;
    return { attempts: { failures, lockedUntil: until }, lockedUntil: until, attemptsLeft: 0 };
  }
  return { attempts: { failures, lockedUntil: null }, lockedUntil: null, attemptsLeft: policy.maxAttempts - failures };
}
