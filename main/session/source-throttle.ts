// Growing delays for wrong PINs per source (a window or socket), so guessing is slow without any
// lockout a stranger could impose on someone else (issue 12 §1). Pure over an injected clock;
// state in memory (a restart gives no more than the few free tries). Runs in main (plain Node).

export type ThrottlePolicy = {
  /** Wrong tries allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further wrong try doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A source quiet this long starts afresh. */
  forgetAfterMs: number;
};

/** One screen: 3 free tries, then 2 s, 4 s, 8 s … up to 5 minutes. */
export const SOURCE_POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, forgetAfterMs: 15 * 60_000 };

/**
 * Every source together, against a client that reconnects to become a new source: generous (a desk
 * of staff mistyping never meets it) and capped low, so it slows a guesser without locking anyone out.
 */
export const ALL_SOURCES_POLICY: ThrottlePolicy = { freeFailures: 30, baseDelayMs: 1_000, maxDelayMs: 30_000, forgetAfterMs: 15 * 60_000 };

type Entry = { failures: number; lastFailure: number; notBefore: number };

export type SourceThrottle = {
  /** Milliseconds this source must still wait before its next try (0: go ahead). */
  waitMs(source: string): number;
  /** Counts a wrong try; returns the delay it imposes (0 while tries are free). */
  failure(source: string): number;
  /** A right PIN: the source starts afresh. */
  success(source: string): void;
};

/** Upper bound on remembered sources; the oldest are forgotten first. */
const MAX_SOURCES = 1_000;

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - policy.freeFailures - 1));
}

export function createSourceThrottle(policy: ThrottlePolicy, now: () => number): SourceThrottle {
  const entries = new Map<string, Entry>();

  function live(source: string): Entry | null {
    const entry = entries.get(source);
    if (!entry) return null;
    if (now() - entry.lastFailure >= Math.max(policy.forgetAfterMs, entry.notBefore - entry.lastFailure)) {
      entries.delete(source);
      return null;
    }
    return entry;
  }

  return {
    waitMs(source) {
      const entry = live(source);
      return entry ? Math.max(0, entry.notBefore - now()) : 0;
    },
    failure(source) {
      const at = now();
      const failures = (live(source)?.failures ?? 0) + 1;
      const delay = delayAfter(failures, policy);
      entries.delete(source); // re-inserted last: Map order is then oldest-first for trimming
      entries.set(source, { failures, lastFailure: at, notBefore: at + delay });
      if (entries.size > MAX_SOURCES) entries.delete(entries.keys().next().value!);
      return delay;
    },
    success(source) {
      entries.delete(source);
    },
  };
}
