// The offline queue for the UI: sync engine events turned into `queue.changed` and
// `queue.itemChanged`, and the queue.* commands. Runs in main (plain Node).
import type { DiscardReason, QueueItem, QueueSummary, StaffAction } from '../../../preload/contract';
import { AppError } from '../../app-error';
import type { SubmissionWorker, WorkerStaffCommand } from '../../sync/submission-worker';
import type { SyncItem, SyncEvent } from '../../sync/sync-events';
import { queueItemView, queueSummaryView, type SyncBatch } from './queue-view';

export type QueueService = {
  /** Feed every sync event here (the worker's onEvent). */
  onSyncEvent(event: SyncEvent): void;
  summary(): QueueSummary;
  list(): QueueItem[];
  syncNow(): void;
  /** One login for each paused account (§6 "Try again"); says why when it is refused again. */
  tryAgain(): Promise<void>;
  act(id: string, action: StaffAction, actor: { userId: string; admin: boolean }): Promise<void>;
  discard(id: string, reason: DiscardReason, actor: { userId: string; admin: boolean }): Promise<void>;
};

/** Rows asked of the store per call when listing the whole queue. */
const LIST_PAGE = 200;

const workerAction: Record<Exclude<StaffAction, 'retake'>, WorkerStaffCommand> = {
  retry: { kind: 'retry' },
  cancel: { kind: 'cancel' },
  'found-in-trustid': { kind: 'found_in_trustid' },
  'send-again': { kind: 'send_again' },
  'check-now': { kind: 'check_now' },
  'submit-new': { kind: 'submit_new' },
  close: { kind: 'close' },
  'continue-anyway': { kind: 'continue_anyway' },
};

export function createQueueService(opts: {
  worker: () => SubmissionWorker;
  emitSummary(summary: QueueSummary): void;
  emitItem(item: QueueItem): void;
  /** A final result arrived for an application (results keep its outcome label). */
  onCompleted(appId: string): void;
}): QueueService {
  let batch: SyncBatch = null;
  const progress = new Map<string, { sentBytes: number; totalBytes: number }>();

  function summarise(): QueueSummary {
    const next = queueSummaryView(opts.worker().summary(), batch);
    batch = next.batch;
    return next.summary;
  }

  async function command(run: () => Promise<{ ok: true } | { ok: false; code: string; message: string }>) {
    const result = await run();
    if (!result.ok) throw new AppError(result.code, result.message);
    opts.emitSummary(summarise());
  }

  return {
    onSyncEvent(event) {
      if (event.type === 'summary') {
        const next = queueSummaryView(event.summary, batch);
        batch = next.batch;
        opts.emitSummary(next.summary);
      } else if (event.type === 'app') {
        if (event.item.state !== 'sending') progress.delete(event.item.appId);
        opts.emitItem(queueItemView(event.item, progress.get(event.item.appId) ?? null));
        if (event.item.state === 'completed') opts.onCompleted(event.item.appId);
      } else {
        // Progress is per image; the row shows the image in flight.
        const p = { sentBytes: event.sentBytes, totalBytes: event.totalBytes };
        progress.set(event.appId, p);
        const item = opts.worker().item(event.appId);
        if (item) opts.emitItem(queueItemView(item, p));
      }
    },
    summary: summarise,
    list() {
      // Every application, page by page: the store answers at most LIST_PAGE rows a call, and the
      // queue screen once showed only the oldest 200 (issue 11 §4).
      const all: SyncItem[] = [];
      for (let offset = 0; ; offset += LIST_PAGE) {
        const page = opts.worker().list({ limit: LIST_PAGE, offset });
        all.push(...page);
        if (page.length < LIST_PAGE) break;
      }
      return all.filter((i) => i.state !== 'cancelled' && i.state !== 'closed_by_staff').map((i) => queueItemView(i, progress.get(i.appId) ?? null));
    },
    syncNow() {
      opts.worker().syncNow();
    },
    async tryAgain() {
      const blocking = opts.worker().summary().blocking;
      const paused = blocking?.kind === 'paused-auth' || blocking?.kind === 'paused-config' ? blocking.accountIds : [];
      for (const accountId of paused) await command(() => opts.worker().tryAgain(accountId));
    },
    async act(id, action, actor) {
      if (action === 'retake') {
        throw new AppError('queue.retake-at-desk', 'A damaged image can only be retaken with the visitor at the desk. Cancel this application and start a new check.');
      }
      await command(() => opts.worker().staffAction(id, workerAction[action], actor));
    },
    async discard(id, reason, actor) {
      if (!actor.admin) throw new AppError('session.admin-required', 'Only an administrator can discard an application.');
      await command(() => opts.worker().staffAction(id, { kind: 'discard', reason }, actor));
    },
  };
}
