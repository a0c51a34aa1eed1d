// Puts the sync engine's view of the queue into the contract's words (preload/contract/queue.ts):
// the state staff see, a plain-English line, the §10 message and actions for a stopped application,
// and the queue summary with what staff must do, if anything. Pure. Runs in main.
import type { QueueItem as ContractQueueItem, QueueSummary as ContractQueueSummary, StaffAction as ContractStaffAction } from '../../preload/contract/queue';
import type { DisplayState, QueuedAttentionReason } from './submission-types';
import type { QueueItem, SyncSummary } from './sync-events';
import type { WorkerStaffAction } from './submission-worker';

const STATE: Record<DisplayState, ContractQueueItem['state']> = {
  queued: 'saved',
  sending: 'uploading',
  verifying: 'uploading',
  processing: 'awaiting-result',
  referred: 'referred',
  completed: 'result-ready',
  needs_attention: 'needs-attention',
  result_overdue: 'result-overdue',
  cancelled: 'cancelled',
  closed_by_staff: 'closed',
};

/** A short reference staff can read out: the random tail of the app id (UUID v7 starts with the time). */
export function localReference(appId: string): string {
  return appId.replace(/-/g, '').slice(-8).toUpperCase();
}

/** The kiosk's local date and time, as staff read it: 2026-11-02 09:30. */
export function localTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** §10: the reasons only queued applications reach (§13). */
const QUEUED_ATTENTION: Record<QueuedAttentionReason, { message: string; actions: ContractStaffAction[] }> = {
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

/** §10: what staff see and may do, per reason. */
function attentionOf(item: QueueItem): ContractQueueItem['attention'] {
  const last = item.lastMessage ? ` TrustID said: ${item.lastMessage}` : '';
  switch (item.attentionReason) {
    case 'rejected':
      return { reason: 'rejected', message: `TrustID refused this application three times.${last}`, actions: ['retry', 'cancel'] };
    case 'restarts':
      return { reason: 'restarts', message: 'Could not complete the upload. Try again, or cancel and scan the document again.', actions: ['retry', 'cancel'] };
    case 'retry_budget':
      return {
        reason: 'retry_budget',
        message: 'Could not reach TrustID for 24 hours of online time. Check the connection, then try again.',
        actions: item.step === 'VERIFY_PUBLISH' || item.step === 'PUBLISH' ? ['retry'] : ['retry', 'cancel'],
      };
    case 'publish_unresolved':
      return {
        reason: 'publish_unresolved',
        message: `TrustID could not confirm whether this application arrived. Search TrustID for the visitor's name, captured ${localTime(item.capturedAt)} (reference ${localReference(item.appId)}), then say whether you found it.`,
        actions: ['found-in-trustid', 'send-again'],
      };
    case 'local_image_corrupt':
      return { reason: 'local_image_corrupt', message: 'A stored image is damaged and cannot be sent. Scan it again, or cancel the application.', actions: ['retake', 'cancel'] };
    case 'queued_in_use':
    case 'queued_conflict':
    case 'completed_elsewhere':
    case 'queued_withdrawn':
    case 'queued_no_access':
    case 'queued_unresolved':
      return { reason: item.attentionReason, ...QUEUED_ATTENTION[item.attentionReason] };
    case null:
      return item.state === 'result_overdue'
        ? { reason: 'result_overdue', message: 'No result from TrustID after 48 hours. Check now, or look the application up in TrustID.', actions: ['check-now'] }
        : null;
  }
}

function detailOf(item: QueueItem): string {
  switch (item.state) {
    case 'queued':
      return item.failures > 0 ? 'Saved — TrustID could not be reached yet; trying again' : 'Saved — waiting to be sent';
    case 'sending':
      if (item.progress && item.progress.totalBytes > 0) return `Uploading ${Math.floor((100 * item.progress.sentBytes) / item.progress.totalBytes)} %`;
      return item.failures > 0 ? 'Sending — retrying after a failed attempt' : 'Sending to TrustID';
    case 'verifying':
      return 'Checking that TrustID received it';
    case 'processing':
      return 'Sent — waiting for the TrustID result';
    case 'referred':
      // §7.6: referral is a normal outcome, not an error.
      return 'Referred – awaiting TrustID expert';
    case 'completed':
      return 'Result ready';
    case 'needs_attention':
      return 'Needs attention';
    case 'result_overdue':
      return 'No result after 48 hours';
    case 'cancelled':
      return 'Cancelled';
    case 'closed_by_staff':
      return 'Closed — found in TrustID';
  }
}

export function presentQueueItem(item: QueueItem): ContractQueueItem {
  return {
    id: item.appId,
    localReference: localReference(item.appId),
    capturedAt: item.capturedAt,
    state: STATE[item.state],
    detail: detailOf(item),
    progress: item.progress ? { sentBytes: item.progress.sentBytes, totalBytes: item.progress.totalBytes } : null,
    attention: attentionOf(item),
  };
}

export function presentQueueSummary(s: SyncSummary): ContractQueueSummary {
  const pending = s.counts.queued + s.counts.sending + s.counts.verifying;
  const active = s.counts.sending + s.counts.verifying;
  const connection: ContractQueueSummary['connection'] =
    s.queueState === 'OFFLINE' ? 'offline' : s.queueState === 'PAUSED_AUTH' || s.queueState === 'PAUSED_CONFIG' ? 'paused' : active > 0 ? 'syncing' : 'online';
  let actionNeeded: string | null = null;
  if (s.blocking?.kind === 'paused-auth') {
    actionNeeded = 'TrustID refused the sign-in. An administrator must check the TrustID user name and password, then press Try again. Captures are still saved.';
  } else if (s.blocking?.kind === 'paused-config') {
    actionNeeded = "TrustID refused this kiosk's set-up (API key or permissions). An administrator must correct it in Settings, then press Try again. Captures are still saved.";
  }
  return {
    connection,
    pending,
    oldestPendingSeconds: s.oldestUnsentAgeMs === null ? null : Math.floor(s.oldestUnsentAgeMs / 1000),
    syncing: connection === 'syncing' ? { current: active, total: pending } : null,
    actionNeeded,
    lastSyncAt: s.lastSuccessfulSyncAt,
  };
}

/**
 * The contract's action names → the worker's. `retake` is not the worker's: the screen takes the
 * new image through the store (store.capture.retakeImage), which restarts the upload (§7.8).
 */
export function workerActionOf(action: ContractStaffAction): WorkerStaffAction | 'retake' {
  switch (action) {
    case 'retry':
      return { kind: 'retry' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'found-in-trustid':
      return { kind: 'found_in_trustid' };
    case 'send-again':
      return { kind: 'send_again' };
    case 'check-now':
      return { kind: 'check_now' };
    case 'retake':
      return 'retake';
    case 'submit-new':
      return { kind: 'submit_new' };
    case 'close':
      return { kind: 'close' };
    case 'continue-anyway':
      return { kind: 'continue_anyway' };
  }
}
