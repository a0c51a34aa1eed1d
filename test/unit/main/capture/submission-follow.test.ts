// Following submissions: sync events become views for the submitted screen; a final result is
// announced once, with the kiosk reference and nothing personal.
import { describe, expect, it } from 'vitest';
import type { SubmissionView } from '../../../../preload/contract';
import { createSubmissionFollow } from '../../../../main/capture/submission-follow';
import type { FollowedRecord } from '../../../../main/capture/submission-view';
import { localReference } from '../../../../main/capture/local-reference';
import { createResultNotices } from '../../../../main/results/result-notices';
import type { SyncItem } from '../../../../main/sync/sync-events';
import type { Step } from '../../../../main/sync/submission-types';

function rig(unsent: string[] = []) {
  const records = new Map<string, FollowedRecord>();
  const views: SubmissionView[] = [];
  const arrivals: unknown[] = [];
  let offline = false;
  const notices = createResultNotices({ emit: (a) => arrivals.push(a), now: () => 42 });
  const follow = createSubmissionFollow({
    load: (id) => records.get(id) ?? null,
    verdict: () => 'accepted',
    offline: () => offline,
    emit: (v) => views.push(v),
    announce: (a) => notices.announce(a),
    startedAt: 500,
    unsentBefore: (startedAt) => (startedAt === 500 ? unsent : []),
  });
  const set = (step: Step) =>
    records.set('app-1', {
      app: { id: 'app-1', capturedAt: 1, step, phase: 'PENDING', attentionReason: null, resultStatus: null, publishedAt: null, currentContainerId: 'c1' },
      shape: { documents: [{ imageTypes: [2] }], hasApplicantPhoto: false },
      remoteImages: [],
    });
  const item = (state: SyncItem['state']) => ({ type: 'app' as const, item: { appId: 'app-1', state } as SyncItem });
  return { follow, views, arrivals, records, set, item, goOffline: () => (offline = true) };
}

describe('submission follow', () => {
  it('refuses an application the kiosk does not hold', () => {
    expect(() => rig().follow.view('nope')).toThrow(expect.objectContaining({ code: 'capture.submission-not-found' }));
  });

  it('turns upload progress and state changes into views', () => {
    const r = rig();
    r.set('UPLOAD_IMAGE');
    r.follow.onSyncEvent({ type: 'upload-progress', appId: 'app-1', docIndex: 0, imgIndex: 0, sentBytes: 50, totalBytes: 100 });
    expect(r.views.at(-1)?.images.current).toEqual({ number: 1, percent: 50 });
    r.set('AWAIT_RESULT');
    r.follow.onSyncEvent(r.item('processing'));
    expect(r.views.at(-1)).toMatchObject({ stage: 'checking', images: { current: null } });
  });

  it('tells a followed application when the connection goes', () => {
    const r = rig();
    r.set('CREATE_CONTAINER');
    r.follow.view('app-1');
    r.follow.onSyncEvent({ type: 'summary', summary: {} as never });
    const before = r.views.length;
    r.goOffline();
    r.follow.onSyncEvent({ type: 'summary', summary: {} as never });
    expect(r.views.slice(before)).toEqual([expect.objectContaining({ stage: 'saved', offline: true })]);
  });

  it('announces a final result once, with only the id and the kiosk reference', () => {
    const r = rig();
    r.set('COMPLETED');
    r.follow.onSyncEvent(r.item('completed'));
    r.follow.onSyncEvent(r.item('completed'));
    expect(r.views.at(-1)).toMatchObject({ stage: 'result', verdict: 'accepted' });
    expect(r.arrivals).toEqual([{ id: 'app-1', reference: localReference('app-1'), origin: 'kiosk', at: 42 }]);
  });
});

describe('checks saved before a restart', () => {
  it('lists those TrustID has not got, with their state, and follows them from then on', () => {
    const r = rig(['app-1', 'gone']);
    r.set('UPLOAD_IMAGE');
    expect(r.follow.recovered()).toEqual([expect.objectContaining({ applicationId: 'app-1', stage: 'sending' })]);
    r.goOffline();
    r.follow.onSyncEvent({ type: 'summary', summary: {} as never });
    expect(r.views.at(-1)).toMatchObject({ applicationId: 'app-1', offline: true });
  });

  it('leaves out one that reached TrustID meanwhile', () => {
    const r = rig(['app-1']);
    r.set('AWAIT_RESULT');
    expect(r.follow.recovered()).toEqual([]);
  });
});
