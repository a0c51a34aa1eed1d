// How long to wait before reconnecting to a reader that vanished or failed to open: exponential, capped,
// with jitter so several stations on one USB hub do not retry in step. Pure (randomness injected).

export type BackoffOptions = {
  /** First delay (ms). */
  baseMs: number;
  /** Longest delay (ms): an unplugged reader is noticed within this after it is plugged back in. */
  maxMs: number;
  /** Fraction of the delay randomised either way (0.2 → ±20 %). */
  jitter: number;
};

export const defaultBackoff: BackoffOptions = { baseMs: 250, maxMs: 5000, jitter: 0.2 };

/** Delay before attempt `attempt` (0 = the first retry), `random()` in [0, 1). */
export function reconnectDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const spread = exponential * options.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(options.maxMs, exponential + spread)));
}
