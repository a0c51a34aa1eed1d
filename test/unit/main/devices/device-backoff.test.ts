import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../../main/devices/device-backoff';

describe('reconnect backoff (device manager and serial reader)', () => {
  it('doubles from the initial delay up to the cap when there is no jitter', () => {
    const delay = exponentialBackoff({ initialMs: 500, maxMs: 8000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 10, 5000].map(delay)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('spreads each delay by the jitter fraction, never past the cap or below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempt, r) => {
        const base = exponentialBackoff({ initialMs: 1000, maxMs: 30_000, jitter: 0 })(attempt);
        const d = exponentialBackoff({ initialMs: 1000, maxMs: 30_000, jitter: 0.2, random: () => r })(attempt);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
        expect(d).toBeLessThanOrEqual(30_000);
      }),
    );
  });
});
