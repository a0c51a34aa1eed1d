// When to ask TrustID for a published application's result (SUBMISSION-PROTOCOL §7.6). Pure.
// Runs in main.
import type { SyncParams } from './sync-params';

const S = 1000;
const MIN = 60 * S;

/**
 * The nominal interval after a retrieve made `elapsedMs` after publishing. §7.6: every 30 s during
 * the first 5 min; then 1, 2, 4 and 8 min; then every 10 min. Expressed as a function of elapsed
 * time rather than of a poll counter, so a kiosk that was offline for an hour does not start the
 * ladder again from 30 s. The ladder's steps sit at 5, 6, 8, 12 and 20 min after publishing —
 * where 30 s polling followed by the 1, 2, 4, 8 min intervals lands.
 */
export function nominalPollIntervalMs(elapsedMs: number): number {
  if (elapsedMs < 5 * MIN) return 30 * S;
  if (elapsedMs < 6 * MIN) return 1 * MIN;
  if (elapsedMs < 8 * MIN) return 2 * MIN;
  if (elapsedMs < 12 * MIN) return 4 * MIN;
  if (elapsedMs < 20 * MIN) return 8 * MIN;
  return 10 * MIN;
}

/** ±10 % jitter so that kiosks do not poll in step (§7.6). `random` is uniform in [0, 1). */
export function jitter(ms: number, fraction: number, random: () => number): number {
  // Whole milliseconds: times are stored in INTEGER columns.
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}

/**
 * The time of the next poll after one made at `now`. Never later than the 48 h deadline, so the
 * last poll happens at the deadline; never earlier than a Retry-After or the queue's `not_before`
 * (§7.6: they postpone a poll, never bring it forward).
 */
export function nextPollAt(publishedAt: number, now: number, random: () => number, p: SyncParams, notEarlierThan: number | null = null): number {
  const elapsed = Math.max(0, now - publishedAt);
  const at = Math.min(now + jitter(nominalPollIntervalMs(elapsed), p.pollJitter, random), publishedAt + p.resultDeadlineMs);
  return Math.max(at, notEarlierThan ?? 0);
}

/** §7.6: the first poll comes 30 s (jittered) after publishing. */
export function firstPollAt(publishedAt: number, random: () => number, p: SyncParams): number {
  return nextPollAt(publishedAt, publishedAt, random, p);
}

export function resultDeadlinePassed(publishedAt: number, now: number, p: SyncParams): boolean {
  return now - publishedAt >= p.resultDeadlineMs;
}
