// Retry timing of SUBMISSION-PROTOCOL §5: full-jitter backoff, Retry-After in both forms with its
// clamp, and the probe's backoff of §8. Pure functions; randomness is injected. Runs in main.
import type { SyncParams } from './sync-params';

/**
 * §5: `delay = random_uniform(0, min(cap, base × 2^n))`, never below the floor, where `n` is the
 * app's `failures` before this failure. The floor keeps a run of unlucky draws near 0 from
 * hammering the server; the cap is also what I9 promises.
 */
export function fullJitterDelay(failuresBefore: number, random: () => number, base: number, cap: number, floor: number): number {
  // 2^n overflows to Infinity for large n; min() with the cap keeps the window finite.
  const window = Math.min(cap, base * 2 ** Math.max(0, failuresBefore));
  // Whole milliseconds: times are stored in INTEGER columns.
  return Math.round(Math.min(cap, Math.max(floor, random() * window)));
}

export function appRetryDelay(failuresBefore: number, random: () => number, p: SyncParams): number {
  return fullJitterDelay(failuresBefore, random, p.backoffBaseMs, p.backoffCapMs, p.backoffFloorMs);
}

/** §8: the offline probe's backoff (base 5 s, cap 2 min); the floor is the app floor. */
export function probeDelay(level: number, random: () => number, p: SyncParams): number {
  return fullJitterDelay(level, random, p.probeBaseMs, p.probeCapMs, p.backoffFloorMs);
}

/** §5: Retry-After values above 60 min are clamped to 60 min. */
export function clampRetryAfter(ms: number | null | undefined, p: SyncParams): number | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  return Math.min(ms, p.retryAfterClampMs);
}

/** §5: `next_attempt_at = max(now + delay, now + retry_after)`. */
export function nextAttemptAfterFailure(now: number, delayMs: number, retryAfterMs: number | null): number {
  return now + Math.max(delayMs, retryAfterMs ?? 0);
}
