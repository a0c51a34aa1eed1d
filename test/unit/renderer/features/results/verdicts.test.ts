import { describe, expect, it } from 'vitest';
import { formatWhen, rowBadge } from '../../../../../renderer/src/features/results/verdicts';

describe('result words', () => {
  it('writes dates day first with a 24-hour time, in Welsh with Welsh month names', () => {
    const at = new Date(2026, 11, 4, 17, 42).getTime();
    expect(formatWhen(at, 'en')).toBe('4 Dec 2026, 17:42');
    expect(formatWhen(at, 'cy')).toMatch(/^4 Rhag 2026.*17:42$/);
  });

  it('shows the verdict once the result is ready, and the state in words before', () => {
    expect(rowBadge({ state: 'result_ready', verdict: 'failed' })).toEqual({ tone: 'bad', key: 'results.verdicts.failed' });
    expect(rowBadge({ state: 'waiting_guest', verdict: 'processing' })).toEqual({ tone: 'neutral', key: 'results.states.waiting_guest' });
    expect(rowBadge({ state: 'referred', verdict: 'referred' }).key).toBe('results.states.referred');
  });
});
