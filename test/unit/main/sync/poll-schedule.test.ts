// §7.6 poll schedule: 30 s for 5 min, then 1, 2, 4, 8 min, then every 10 min; ±10 % jitter; 48 h deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPollAt, nextPollAt, nominalPollIntervalMs } from '../../../../main/sync/poll-schedule';
import { defaultSyncParams as p } from '../../../../main/sync/sync-params';

const S = 1000;
const MIN = 60 * S;

describe('result poll schedule', () => {
  it('without jitter, polls at 30 s steps to 5 min, then after 1, 2, 4 and 8 min, then every 10 min', () => {
    const times: number[] = [];
    let t = firstPollAt(0, () => 0.5, p);
    while (t < 60 * MIN) {
      times.push(t);
      t = nextPollAt(0, t, () => 0.5, p);
    }
    const gaps = times.slice(1).map((x, i) => x - times[i]!);
    expect(times[0]).toBe(30 * S);
    expect(gaps.slice(0, 9)).toEqual(Array(9).fill(30 * S));
    expect(gaps.slice(9, 13)).toEqual([1 * MIN, 2 * MIN, 4 * MIN, 8 * MIN]);
    expect(gaps.slice(13)).toEqual(Array(gaps.length - 13).fill(10 * MIN));
  });

  it('keeps every interval within ±10 % of the nominal one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47 * 3600 * S }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (elapsed, r) => {
        const gap = nextPollAt(0, elapsed, () => r, p) - elapsed;
        const nominal = nominalPollIntervalMs(elapsed);
        const room = p.resultDeadlineMs - elapsed;
        expect(gap).toBeLessThanOrEqual(Math.min(nominal * 1.1, room) + 1e-6);
        if (room > nominal * 1.1) expect(gap).toBeGreaterThanOrEqual(nominal * 0.9 - 1e-6);
      }),
    );
  });

  it('never schedules past the 48 h deadline, so the last poll happens at it', () => {
    expect(nextPollAt(0, p.resultDeadlineMs - 1 * MIN, () => 0.99, p)).toBe(p.resultDeadlineMs);
  });

  it('lets a Retry-After or not_before postpone a poll but never bring it forward', () => {
    expect(nextPollAt(0, 10 * MIN, () => 0.5, p, 30 * MIN)).toBe(30 * MIN);
    expect(nextPollAt(0, 10 * MIN, () => 0.5, p, 10 * MIN + 1)).toBe(14 * MIN);
  });
});
