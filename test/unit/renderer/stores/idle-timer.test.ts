// The idle lock's timing, as a pure function of the clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_WARNING_MS, idleConfigFrom, idlePhaseAt } from '../../../../renderer/src/stores/idle-timer';

describe('idle timing', () => {
  const config = idleConfigFrom({ idleTimeoutSeconds: 180, idleWarningSeconds: 30 });

  it('is active until the timeout, warns for the warning time, then expires', () => {
    expect(idlePhaseAt(179_999, 0, config)).toEqual({ phase: 'active', nextChangeAt: 180_000 });
    expect(idlePhaseAt(180_000, 0, config)).toEqual({ phase: 'warning', nextChangeAt: 210_000, secondsLeft: 30 });
    expect(idlePhaseAt(209_001, 0, config)).toMatchObject({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhaseAt(210_000, 0, config)).toEqual({ phase: 'expired' });
  });

  it('never gives less than 20 s to answer, whatever it is told', () => {
    expect(idleConfigFrom({ idleTimeoutSeconds: 60, idleWarningSeconds: 5 }).warningMs).toBe(MIN_WARNING_MS);
  });

  it('counts down from the warning time to 1 and is never expired before timeout + warning', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 20, max: 120 }), fc.integer({ min: 0, max: 4e6 }), (last, timeout, warning, elapsed) => {
        const c = idleConfigFrom({ idleTimeoutSeconds: timeout, idleWarningSeconds: warning });
        const phase = idlePhaseAt(last + elapsed, last, c);
        if (elapsed < c.timeoutMs) return phase.phase === 'active';
        if (elapsed < c.timeoutMs + c.warningMs) return phase.phase === 'warning' && phase.secondsLeft >= 1 && phase.secondsLeft <= warning;
        return phase.phase === 'expired';
      }),
    );
  });
});
