// Wrong guesses counted per (source, target) (issue 12 §1).
import { describe, expect, it } from 'vitest';
import { createGuessCounter } from '../../../../main/session/guess-counter';

describe('guess counter', () => {
  const policy = () => ({ maxAttempts: 3, lockoutMinutes: 10 });

  it('locks a target only after the limit from one source, and counts sources apart', () => {
    const g = createGuessCounter(() => 0, policy);
    expect(g.fail('a', 'ada').attemptsLeft).toBe(2);
    expect(g.fail('b', 'ada').attemptsLeft).toBe(2);
    expect(g.fail('a', 'bea').attemptsLeft).toBe(2);
    expect(g.fail('a', 'ada').attemptsLeft).toBe(1);
    expect(g.fail('a', 'ada').lockedUntil).toBe(10 * 60_000);
    // The lock is the caller's to keep; the count starts afresh.
    expect(g.fail('a', 'ada').attemptsLeft).toBe(2);
  });

  it('starts afresh after a right PIN', () => {
    const g = createGuessCounter(() => 0, policy);
    g.fail('a', 'ada');
    g.fail('a', 'ada');
    g.clear('a', 'ada');
    expect(g.fail('a', 'ada').attemptsLeft).toBe(2);
  });
});
