// How long the device manager waits before reconnecting a reader, attempt by attempt: exponential
// with jitter (so a desk of readers on one hub do not all retry at once), capped; the serial reader
// uses the same curve for its own reconnects after an unplug. Pure given
// `random`. Runs in main.

/** Delay in ms before reconnect attempt `attempt` (1 = the first retry). */
export type Backoff = (attempt: number) => number;

export type BackoffOptions = {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Fraction of the delay randomly added or taken away (0.2 = ±20 %). */
  jitter?: number;
  random?: () => number;
};

export function exponentialBackoff(opts: BackoffOptions = {}): Backoff {
  const { initialMs = 1000, maxMs = 30_000, factor = 2, jitter = 0.2, random = Math.random } = opts;
  return (attempt) => {
    const base = Math.min(maxMs, initialMs * factor ** Math.max(0, attempt - 1));
    const spread = 1 - jitter + 2 * jitter * random();
    return Math.round(Math.min(maxMs, Math.max(0, base * spread)));
  };
}
