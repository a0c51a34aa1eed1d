import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeLockUntil, afterFailure, noAttempts, type Attempts } from '../../../../main/session/pin-attempts';

const policy = { maxAttempts: 5, lockoutMinutes: 5 };

describe('PIN attempts', () => {
  it('counts down the attempts left and locks on the last one for the lockout time', () => {
    let a: Attempts = noAttempts;
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const o = afterFailure(a, 1000, policy);
      left.push(o.attemptsLeft);
      expect(o.lockedUntil).toBeNull();
      a = o.attempts;
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const last = afterFailure(a, 1000, policy);
    expect(last.lockedUntil).toBe(1000 + 5 * 60_000);
    expect(activeLockUntil(last.attempts, 1000 + 5 * 60_000 - 1)).toBe(last.lockedUntil);
    expect(activeLockUntil(last.attempts, 1000 + 5 * 60_000)).toBeNull();
  });

  it('starts a fresh count once a lock has run out', () => {
    const locked: Attempts = { failures: 5, lockedUntil: 2000 };
    const o = afterFailure(locked, 2000, policy);
    expect(o.attempts).toEqual({ failures: 1, lockedUntil: null });
    expect(o.attemptsLeft).toBe(4);
  });

  it('never allows more than the maximum wrong PINs inside one lockout window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (gaps, max) => {
        const p = { maxAttempts: max, lockoutMinutes: 5 };
        let a: Attempts = noAttempts;
        let now = 0;
        const accepted: number[] = []; // times a guess was actually checked
        for (const gap of gaps) {
          now += gap;
          if (activeLockUntil(a, now) !== null) continue; // refused unchecked
          accepted.push(now);
          a = afterFailure(a, now, p).attempts;
        }
        // Any max+1 consecutive checked guesses span at least the lockout.
        for (let i = max; i < accepted.length; i++) expect(accepted[i]! - accepted[i - max]!).toBeGreaterThanOrEqual(5 * 60_000);
      }),
    );
  });
});
