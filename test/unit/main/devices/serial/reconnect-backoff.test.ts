import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../../../main/devices/serial/reconnect-backoff';

const options = { baseMs: 250, maxMs: 5000, jitter: 0.2 };

describe('reconnect backoff', () => {
  it('doubles from the base delay up to the cap without jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelay(n, () => 0.5, options));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('stays within the jitter band and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const plain = Math.min(5000, 250 * 2 ** Math.min(attempt, 30));
        const d = reconnectDelay(attempt, () => r, options);
        expect(d).toBeGreaterThanOrEqual(Math.floor(plain * 0.8));
        expect(d).toBeLessThanOrEqual(5000);
      }),
    );
  });
});
