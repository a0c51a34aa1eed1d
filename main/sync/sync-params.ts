// The tunable numbers of SUBMISSION-PROTOCOL §11, with their defaults. Runs in main (plain Node).
// All are "our choice"; they live in configuration so tests can shrink them.

export type SyncParams = {
  /** §5 full-jitter backoff for app retries. */
  backoffBaseMs: number;
  backoffCapMs: number;
  backoffFloorMs: number;
  /** §5: Retry-After values above this are clamped. */
  retryAfterClampMs: number;
  /** §5: a failure streak may last this much online-clock time. */
  streakBudgetS: number;
  /** §5: the 3rd rejection stops the app; the 11th restart stops it. */
  rejectionCap: number;
  restartCap: number;
  /** §5: consecutive transport failures that take the queue OFFLINE. */
  offlineGate: number;
  /** §8: the probe's own backoff. */
  probeBaseMs: number;
  probeCapMs: number;
  /** §7.4 step 1. */
  settleDelayMs: number;
  /** §7.4 step 4: re-check rounds, measured from entering re-check mode. */
  recheckOffsetsMs: number[];
  /** §7.5: proactive restart of an unpublished container older than this. */
  containerAgeLimitMs: number;
  /** §7.6 poll ladder and deadline. */
  pollJitter: number;
  resultDeadlineMs: number;
  /** §6: consecutive renewals allowed per step; the next SESSION counts as NOT_APPLIED. */
  sessionRenewalGuard: number;
  /** §6 / API §2.4: renew before an upload after this much idleness. */
  proactiveRenewalIdleMs: number;
  /**
   * Applications the submission lane works on at once (issue 13). Each still runs its own steps in
   * §7.1 order with W1 before every request; the oldest due apps are taken first (§5 "Ordering").
   */
  submissionConcurrency: number;
  /**
   * Image and photo uploads in flight at once. One: parallel uploads share the kiosk's uplink, so
   * they finish no sooner and each risks the 120 s upload timeout (§4) that makes it AMBIGUOUS.
   */
  uploadConcurrency: number;
};

const MIN = 60_000;

export const defaultSyncParams: SyncParams = {
  backoffBaseMs: 2_000,
  backoffCapMs: 15 * MIN,
  backoffFloorMs: 1_000,
  retryAfterClampMs: 60 * MIN,
  streakBudgetS: 24 * 3600,
  rejectionCap: 3,
  restartCap: 10,
  offlineGate: 3,
  probeBaseMs: 5_000,
  probeCapMs: 2 * MIN,
  settleDelayMs: 2 * MIN,
  recheckOffsetsMs: [2 * MIN, 5 * MIN, 10 * MIN, 20 * MIN, 30 * MIN],
  containerAgeLimitMs: 12 * 3600_000,
  pollJitter: 0.1,
  resultDeadlineMs: 48 * 3600_000,
  sessionRenewalGuard: 2,
  proactiveRenewalIdleMs: 10 * MIN,
  submissionConcurrency: 4,
  uploadConcurrency: 1,
};
