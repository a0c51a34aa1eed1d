// How a queue item's state reads to staff: the words' key, the badge's tone, what staff may do.
// Renderer process; pure.
import type { QueueItem, QueueItemState, StaffAction } from '../../../../preload/contract';
import type { StatusTone } from '../../components/StatusBadge';

export const STATE_TONE: Record<QueueItemState, StatusTone> = {
  saved: 'neutral',
  uploading: 'busy',
  'awaiting-result': 'info',
  referred: 'info',
  'result-ready': 'ok',
  'needs-attention': 'bad',
  'result-overdue': 'warn',
  cancelled: 'neutral',
  closed: 'neutral',
};

/** Actions that change what TrustID receives (or that nothing is sent) get a second "yes". */
export const CONFIRMED_ACTIONS = new Set<StaffAction>(['cancel', 'found-in-trustid', 'send-again', 'submit-new', 'close', 'continue-anyway']);

/** SUBMISSION-PROTOCOL §10 reasons that have their own words in both languages (queue.reason.*). */
export const WORDED_REASONS = new Set(['queued_in_use', 'queued_conflict', 'completed_elsewhere', 'queued_withdrawn', 'queued_no_access', 'queued_unresolved']);

/** An application not yet held by TrustID: the only kind an admin may discard (contract: queue.discard). */
export function isUnsent(item: QueueItem): boolean {
  return item.state === 'saved' || (item.state === 'needs-attention' && item.progress === null);
}

/** Whole percent uploaded, or null when the size is not known yet. */
export function uploadPercent(item: QueueItem): number | null {
  if (!item.progress || item.progress.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((item.progress.sentBytes / item.progress.totalBytes) * 100));
}
