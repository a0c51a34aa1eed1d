// Growing delays per source, by an injected clock (issue 12 §1).
import { describe, expect, it } from 'vitest';
import { createSourceThrottle, delayAfter, SOURCE_POLICY, type ThrottlePolicy } from '../../../../main/session/source-throttle';

const policy: ThrottlePolicy = { freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 60_000 };

describe('source throttle', () => {
  it('lets the free tries through, then doubles the delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => delayAfter(n, policy))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(delayAfter(4, SOURCE_POLICY)).toBe(2_000);
  });

  it('makes one source wait, not another, and a right PIN starts it afresh', () => {
    let clock = 0;
    const t = createSourceThrottle(policy, () => clock);
    t.failure('a');
    t.failure('a');
    expect(t.waitMs('a')).toBe(0);
    expect(t.failure('a')).toBe(1_000);
    expect(t.waitMs('a')).toBe(1_000);
    expect(t.waitMs('b')).toBe(0);
    clock += 400;
    expect(t.waitMs('a')).toBe(600);
    clock += 600;
    expect(t.waitMs('a')).toBe(0);
    expect(t.failure('a')).toBe(2_000);
    t.success('a');
    expect(t.waitMs('a')).toBe(0);
    expect(t.failure('a')).toBe(0);
  });

  it('forgets a source that has been quiet long enough', () => {
    let clock = 0;
    const t = createSourceThrottle(policy, () => clock);
    for (let i = 0; i < 5; i++) t.failure('a');
    clock += 60_000;
    expect(t.waitMs('a')).toBe(0);
    expect(t.failure('a')).toBe(0);
  });

  it('remembers a bounded number of sources', () => {
    const t = createSourceThrottle(policy, () => 0);
    for (let i = 0; i < 5_000; i++) t.failure(`s${i}`);
    t.failure('s4999');
    t.failure('s4999');
    expect(t.waitMs('s4999')).toBe(1_000);
    expect(t.waitMs('s0')).toBe(0);
  });
});
