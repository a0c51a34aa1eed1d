// The sync engine's state in the contract's words: the queue summary behind the sync pill and one
// row per application, in plain English for staff. Pure.
import type { QueueItem, QueueSummary, StaffAction } from '../../../preload/contract';
import { localReference } from '../../capture/local-reference';
import type { SyncItem, SyncSummary } from '../../sync/sync-events';

const attentionText: Record<string, { message: string; actions: StaffAction[] }> = {
  rejected: { message: 'TrustID refused this application three times.', actions: ['retry', 'cancel'] },
  restarts: { message: 'The upload could not be completed.', actions: ['retry', 'cancel'] },
  retry_budget: { message: 'TrustID could not be reached for 24 hours of online time.', actions: ['retry', 'cancel'] },
  publish_unresolved: {
    message: 'TrustID could not confirm whether this application arrived. Search TrustID for it before deciding.',
    actions: ['found-in-trustid', 'send-again'],
  },
  local_image_corrupt: { message: 'A stored image is damaged. Retake it, or cancel the application.', actions: ['retake', 'cancel'] },
  // SUBMISSION-PROTOCOL §10: reasons only a queued application (filled at the desk) can reach.
  queued_in_use: { message: 'Someone else has already started this queued application.', actions: ['submit-new', 'cancel'] },
  queued_conflict: { message: 'This queued application now also holds documents that were not captured here.', actions: ['submit-new', 'close'] },
  completed_elsewhere: { message: 'Someone else sent this queued application to TrustID before this kiosk finished.', actions: ['submit-new', 'close'] },
  queued_withdrawn: { message: 'This queued application no longer exists in TrustID.', actions: ['submit-new', 'cancel'] },
  queued_no_access: { message: "This kiosk's TrustID account is not allowed to work on this queued application.", actions: ['submit-new', 'cancel'] },
  queued_unresolved: {
    message: 'TrustID did not confirm whether part of this application arrived, and the kiosk cannot check.',
    actions: ['continue-anyway', 'submit-new', 'close'],
  },
};

export function queueItemView(item: SyncItem, progress: { sentBytes: number; totalBytes: number } | null): QueueItem {
  const base = { id: item.appId, localReference: localReference(item.appId), capturedAt: item.capturedAt, progress: null, attention: null };
  switch (item.state) {
    case 'queued':
      return { ...base, state: 'saved', detail: item.failures > 0 ? 'Saved on this kiosk — will try again shortly' : 'Saved on this kiosk — waiting to send' };
    case 'sending': {
      const pct = progress && progress.totalBytes > 0 ? Math.floor((progress.sentBytes / progress.totalBytes) * 100) : null;
      return { ...base, state: 'uploading', detail: pct === null ? 'Sending to TrustID' : `Uploading ${pct} %`, progress };
    }
    case 'verifying':
      return { ...base, state: 'uploading', detail: 'Checking that TrustID received it' };
    case 'processing':
      return { ...base, state: 'awaiting-result', detail: 'Sent — awaiting result' };
    case 'referred':
      return { ...base, state: 'referred', detail: 'Referred to TrustID experts — awaiting their review' };
    case 'completed':
      return { ...base, state: 'result-ready', detail: 'Result ready' };
    case 'needs_attention': {
      const known = attentionText[item.attentionReason ?? ''] ?? { message: 'This application needs attention.', actions: ['cancel'] };
      return {
        ...base,
        state: 'needs-attention',
        detail: `Needs attention: ${known.message}`,
        attention: { reason: item.attentionReason ?? 'unknown', message: known.message, actions: [...known.actions] },
      };
    }
    case 'result_overdue':
      return {
        ...base,
        state: 'result-overdue',
        detail: 'No result after 48 hours',
        attention: { reason: 'result_overdue', message: 'TrustID has not returned a result after 48 hours.', actions: ['check-now'] },
      };
    case 'cancelled':
      return { ...base, state: 'cancelled', detail: 'Cancelled' };
    case 'closed_by_staff':
      return { ...base, state: 'closed', detail: 'Closed by staff (found in TrustID)' };
  }
}

/** Tracks the "Syncing 2 of 5" batch between summaries. */
export type SyncBatch = { total: number; startedRemaining: number } | null;

export function queueSummaryView(s: SyncSummary, batch: SyncBatch): { summary: QueueSummary; batch: SyncBatch } {
  const c = s.counts;
  const unsent = c.queued + c.sending + c.verifying;
  const attention = c.needs_attention + c.result_overdue;
  const busy = s.queueState === 'RUNNING' && c.sending + c.verifying > 0;
  const nextBatch: SyncBatch = busy ? (batch ?? { total: unsent, startedRemaining: unsent }) : null;
  const summary: QueueSummary = {
    connection: s.queueState === 'OFFLINE' ? 'offline' : s.queueState.startsWith('PAUSED') ? 'paused' : busy ? 'syncing' : 'online',
    pending: unsent,
    oldestPendingSeconds: s.oldestUnsentAgeMs === null ? null : Math.max(0, Math.floor(s.oldestUnsentAgeMs / 1000)),
    syncing: nextBatch ? { current: Math.min(nextBatch.total, nextBatch.total - unsent + 1), total: Math.max(nextBatch.total, 1) } : null,
    actionNeeded: blockingText(s, attention),
    lastSyncAt: s.lastSuccessfulSyncAt,
  };
  return { summary, batch: nextBatch };
}

function blockingText(s: SyncSummary, attention: number): string | null {
  const b = s.blocking;
  if (b?.kind === 'paused-auth') return `TrustID refused the sign-in${b.message ? ` (${b.message})` : ''}. An administrator must check the account in Settings, then press Try again.`;
  if (b?.kind === 'paused-config') return `TrustID refused this kiosk's configuration${b.message ? ` (${b.message})` : ''}. An administrator must check the API key and address in Settings.`;
  if (attention > 0) return attention === 1 ? 'One application needs attention in the queue.' : `${attention} applications need attention in the queue.`;
  return null;
}
