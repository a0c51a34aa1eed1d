// Follows the kiosk's submitted applications for the submitted screen (issue 10 §1): turns the
// sync worker's events into `capture.submissionChanged` views, and announces each final result
// (`results.arrived`). Runs in main (plain Node).
import type { SubmissionView, Verdict } from '../../preload/contract';
import { AppError } from '../app-error';
import type { SyncEvent } from '../sync/sync-events';
import { localReference } from './local-reference';
import type { UploadProgress } from '../trustid';
import { submissionViewOf, type FollowedRecord } from './submission-view';

export type SubmissionFollow = {
  view(appId: string): SubmissionView;
  /** Feed every sync event here, after the queue service has seen it (it records the outcome). */
  onSyncEvent(event: SyncEvent): void;
  /**
   * Checks saved before this start that TrustID has not yet got (issue 11 §2: a crash in the middle
   * of Submit), so staff see each one and what will happen instead of scanning the visitor again.
   */
  recovered(): SubmissionView[];
};

export function createSubmissionFollow(deps: {
  load(appId: string): FollowedRecord | null;
  verdict(appId: string): Verdict | null;
  offline(): boolean;
  emit(view: SubmissionView): void;
  /** results.arrived, through main/results/result-notices.ts. */
  announce(arrival: { id: string; reference: string; origin: 'kiosk' }): void;
  /** Ids of applications captured before `startedAt`, oldest first, not yet published or finished. */
  unsentBefore?(startedAt: number): string[];
  startedAt?: number;
}): SubmissionFollow {
  const progress = new Map<string, UploadProgress>();
  /** Applications a screen is following: told again when the connection comes or goes. */
  const followed = new Set<string>();
  let wasOffline: boolean | null = null;

  function build(appId: string): SubmissionView | null {
    const record = deps.load(appId);
    if (!record) return null;
    return submissionViewOf(record, { progress: progress.get(appId) ?? null, offline: deps.offline(), verdict: deps.verdict(appId) });
  }

  function send(appId: string): void {
    const view = build(appId);
    if (view) deps.emit(view);
  }

  return {
    view(appId) {
      const view = build(appId);
      if (!view) throw new AppError('capture.submission-not-found', 'This check is no longer on this kiosk.');
      followed.add(appId);
      return view;
    },
    recovered() {
      const ids = deps.unsentBefore?.(deps.startedAt ?? 0) ?? [];
      return ids.flatMap((appId) => {
        const view = build(appId);
        if (!view || view.stage === 'checking' || view.stage === 'result' || view.stage === 'closed') return [];
        followed.add(appId);
        return [view];
      });
    },
    onSyncEvent(event) {
      if (event.type === 'upload-progress') {
        progress.set(event.appId, { sentBytes: event.sentBytes, totalBytes: event.totalBytes });
        send(event.appId);
      } else if (event.type === 'app') {
        if (event.item.state !== 'sending') progress.delete(event.item.appId);
        send(event.item.appId);
        if (event.item.state === 'completed') {
          followed.delete(event.item.appId);
          deps.announce({ id: event.item.appId, reference: localReference(event.item.appId), origin: 'kiosk' });
        }
      } else {
        const offline = deps.offline();
        if (offline !== wasOffline) for (const appId of followed) send(appId);
        wasOffline = offline;
      }
    },
  };
}
