// What the sync engine tells the UI (issue 5 "Events for the UI"): the queue summary (counts per
// state, oldest unsent age, last successful sync, the blocking reason), per-application state, and
// upload progress in bytes. main/app/services/queue-view.ts maps these onto contract events. Runs in
// main; pure builders.
import type { EffectiveQueueState, QueueRecord } from './queue-machine';
import type { StateCountRow } from './sync-ports';
import type { AttentionReason, DisplayState, OutcomeClass, ResultStatus, Step, SubmissionApp } from './submission-types';
import { DISPLAY_STATES, displayStateOf } from './submission-types';

export type BlockingReason =
  | { kind: 'offline'; nextProbeAt: number }
  | { kind: 'paused-auth' | 'paused-config'; accountIds: string[]; message: string | null }
  | { kind: 'rate-limited'; until: number };

export type SyncSummary = {
  queueState: EffectiveQueueState;
  counts: Record<DisplayState, number>;
  /** Age of the oldest capture not yet published (and not finished), or null. */
  oldestUnsentAgeMs: number | null;
  lastSuccessfulSyncAt: number | null;
  blocking: BlockingReason | null;
};

/** One row of the queue screen. No personal data: names and MRZs stay in the store. */
export type SyncItem = {
  appId: string;
  accountId: string;
  capturedAt: number;
  state: DisplayState;
  step: Step;
  attentionReason: AttentionReason | null;
  resultStatus: ResultStatus | null;
  publishedAt: number | null;
  nextAttemptAt: number;
  failures: number;
  lastOutcomeClass: OutcomeClass | null;
  /** TrustID's last message or the transport error, for the details view. */
  lastMessage: string | null;
  /** The image being uploaded right now, in bytes; null otherwise. */
  progress: { docIndex: number; imgIndex: number; sentBytes: number; totalBytes: number } | null;
};

export type SyncEvent =
  | { type: 'summary'; summary: SyncSummary }
  | { type: 'app'; item: SyncItem }
  | { type: 'upload-progress'; appId: string; docIndex: number; imgIndex: number; sentBytes: number; totalBytes: number };

export function syncItemOf(app: SubmissionApp, progress: SyncItem['progress'] = null): SyncItem {
  return {
    appId: app.id,
    accountId: app.accountId,
    capturedAt: app.capturedAt,
    state: displayStateOf(app),
    step: app.step,
    attentionReason: app.attentionReason,
    resultStatus: app.resultStatus,
    publishedAt: app.publishedAt,
    nextAttemptAt: app.nextAttemptAt,
    failures: app.failures,
    lastOutcomeClass: app.lastOutcomeClass,
    lastMessage: app.lastMessage,
    progress,
  };
}

export function countsByDisplayState(rows: readonly StateCountRow[]): Record<DisplayState, number> {
  const counts = Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])) as Record<DisplayState, number>;
  for (const r of rows) {
    const state = displayStateOf({ step: r.step, phase: r.phase, attentionReason: r.attentionReason as AttentionReason | null, resultStatus: r.resultStatus as ResultStatus | null });
    counts[state] += r.count;
  }
  return counts;
}

/**
 * The one reason nothing is being sent right now, most fundamental first. Only paused accounts in
 * `accountsWithWork` count; without the list, every paused account does.
 */
export function blockingReasonOf(q: QueueRecord, now: number, accountsWithWork?: readonly string[]): BlockingReason | null {
  if (q.network === 'OFFLINE') return { kind: 'offline', nextProbeAt: q.nextProbeAt };
  const paused = Object.entries(q.accounts).filter(([id, a]) => a.pause !== null && (accountsWithWork === undefined || accountsWithWork.includes(id)));
  if (paused.length > 0) {
    const config = paused.filter(([, a]) => a.pause?.kind === 'PAUSED_CONFIG');
    const chosen = config.length > 0 ? config : paused;
    return {
      kind: config.length > 0 ? 'paused-config' : 'paused-auth',
      accountIds: chosen.map(([id]) => id),
      message: chosen[0]?.[1].pause?.message ?? null,
    };
  }
  if (q.notBefore !== null && q.notBefore > now) return { kind: 'rate-limited', until: q.notBefore };
  return null;
}
