// §5 backoff: full jitter with injected randomness, floor and cap; Retry-After in both forms and its clamp.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRetryDelay, clampRetryAfter, fullJitterDelay, probeDelay } from '../../../../main/sync/backoff';
import { defaultSyncParams as p } from '../../../../main/sync/sync-params';


describe('full-jitter backoff', () => {
  it('draws uniformly from 0 to base × 2^n, never below the 1 s floor', () => {
    expect(appRetryDelay(0, () => 0, p)).toBe(1_000);
    expect(appRetryDelay(0, () => 0.999, p)).toBeCloseTo(1_998, 0);
    expect(appRetryDelay(3, () => 0.5, p)).toBe(8_000);
  });

  it('never exceeds the 15 min cap, even after very long streaks (I9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const d = appRetryDelay(n, () => r, p);
        expect(d).toBeGreaterThanOrEqual(p.backoffFloorMs);
        expect(d).toBeLessThanOrEqual(Math.min(p.backoffCapMs, Math.max(p.backoffFloorMs, p.backoffBaseMs * 2 ** n)));
      }),
    );
  });

  it('reaches the cap window by the tenth failure', () => {
    expect(fullJitterDelay(9, () => 0.999999, 2_000, 900_000, 1_000)).toBeGreaterThan(899_000);
  });

  it('gives the offline probe its own base of 5 s and cap of 2 min', () => {
    expect(probeDelay(0, () => 0.999999, p)).toBeLessThanOrEqual(5_000);
    expect(probeDelay(20, () => 0.999999, p)).toBeLessThanOrEqual(120_000);
    expect(probeDelay(20, () => 0.999999, p)).toBeGreaterThan(119_000);
  });
});

// Reading the header is the client's (main/trustid/retry-after.ts, tested beside it).
describe('Retry-After', () => {
  it('clamps values above 60 min to 60 min', () => {
    expect(clampRetryAfter(4 * 3600_000, p)).toBe(3600_000);
    expect(clampRetryAfter(30_000, p)).toBe(30_000);
    expect(clampRetryAfter(null, p)).toBeNull();
    expect(clampRetryAfter(-1, p)).toBeNull();
  });
});
