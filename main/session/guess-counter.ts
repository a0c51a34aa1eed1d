// Wrong PINs counted per (source, target), in memory: a person's PIN (or the admin PIN) is locked
// only after `maxAttempts` wrong guesses for it from one window or socket, so a stranger spreading
// guesses over many connections cannot lock anyone out (issue 12 §1); the source throttle slows
// those down instead. Runs in main (plain Node).
import { afterFailure, noAttempts, type Attempts, type FailureOutcome, type LockoutPolicy } from './pin-attempts';

export type GuessCounter = {
  /** Counts a wrong guess; when it reaches the limit the count is dropped and the outcome says until when to lock. */
  fail(source: string, target: string): FailureOutcome;
  clear(source: string, target: string): void;
};

/** Upper bound on remembered (source, target) pairs; the oldest go first. */
const MAX_ENTRIES = 1_000;

export function createGuessCounter(now: () => number, policy: () => LockoutPolicy): GuessCounter {
  const counts = new Map<string, Attempts>();
  const key = (source: string, target: string) => `${source}\u0000${target}`;
  return {
    fail(source, target) {
      const k = key(source, target);
      const outcome = afterFailure(counts.get(k) ?? noAttempts, now(), policy());
      counts.delete(k);
      if (outcome.lockedUntil === null) {
        counts.set(k, outcome.attempts);
        if (counts.size > MAX_ENTRIES) counts.delete(counts.keys().next().value!);
      }
      return outcome;
    },
    clear(source, target) {
      counts.delete(key(source, target));
    },
  };
}
