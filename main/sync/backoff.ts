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

/**
 * A Retry-After header value in milliseconds from `now`, or null when absent or unreadable.
 * Both forms of RFC 9110 §10.2.3: delta-seconds ("120") and an HTTP-date. A date in the past
 * means "now" (0). Values are not clamped here; `clampRetryAfter` does that.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Only the HTTP-date form (IMF-fixdate and the two obsolete forms) is accepted: Date.parse alone
  // would also take "1" or "2025" and read them as dates.
  if (!/[A-Za-z]{3}/.test(text) || !/\d{1,2}:\d{2}:\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
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
