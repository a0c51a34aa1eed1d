import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import type { Store } from '../../../../main/store/open-store';
import { listFiles, openTestStore, sampleCapture } from './store-fixture';

const MIN = 60_000;
const DAY = 86_400_000;

/** Drives an app to COMPLETED with a final result, as the sync engine would. */
function complete(store: Store, appId: string, at: number) {
  const rec = store.submissions.load(appId)!;
  store.submissions.save(
    { ...rec, app: { ...rec.app, step: 'COMPLETED', publishedAt: at - 1000, resultStatus: 'final', resultSnapshot: '{"Result":"pass"}', resultCheckedAt: at } },
    { expectRevision: rec.revision },
  );
  store.results.recordOutcome(appId, 'pass', at);
}

describe('retention', () => {
  it('purges a completed app once its final result is older than the delay, keeping the summary', async () => {
    const { store, clock } = openTestStore();
    store.settings.update({ retention: { purgeDelayMinutes: 10 } }, 'admin');
    const { appId } = await store.capture.saveCapture(sampleCapture(1, { photo: true }));
    complete(store, appId, clock.now());

    clock.advance(9 * MIN);
    expect(store.retention.runDue()).toEqual({ purged: 0, expired: 0, imagesRemoved: 0 });
    expect(listFiles(store.imagesDir)).toHaveLength(3);

    clock.advance(MIN);
    expect(store.retention.runDue()).toEqual({ purged: 1, expired: 0, imagesRemoved: 3 });
    expect(listFiles(store.imagesDir)).toEqual([]);
    const detail = store.results.detail(appId, 'staff-1');
    expect(detail).toMatchObject({ images: [], resultSnapshot: null, documents: [{ docIndex: 0, personal: null }] });
    expect(detail.summary).toMatchObject({ purged: true, outcome: 'pass', resultStatus: 'final', documents: 1 });
    // Still findable by surname until retention ends (the HMAC is not the name).
    expect(store.results.search({ surname: sampleCapture(1).documents[0]!.personal.surname }).map((s) => s.appId)).toEqual([appId]);
    expect(store.audit.list({ appId }).map((r) => r.action)).toContain('store.purged');
  });

  it('never purges an app that is not published with a final result', async () => {
    const { store, clock } = openTestStore();
    const { appId: queued } = await store.capture.saveCapture(sampleCapture(1));
    const { appId: processing } = await store.capture.saveCapture(sampleCapture(2));
    const rec = store.submissions.load(processing)!;
    store.submissions.save({ ...rec, app: { ...rec.app, step: 'AWAIT_RESULT', publishedAt: 1, resultStatus: 'referred' } }, { expectRevision: rec.revision });
    clock.advance(365 * DAY);
    expect(store.retention.runDue().purged).toBe(0);
    expect(store.images.verify(queued)).toEqual([]);
    expect(store.images.verify(processing)).toEqual([]);
  });

  it('purges cancelled and staff-closed apps at once', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(1));
    const rec = store.submissions.load(appId)!;
    store.submissions.save({ ...rec, app: { ...rec.app, step: 'CLOSED_BY_STAFF' } }, { expectRevision: rec.revision });
    expect(store.retention.runDue().purged).toBe(1);
    expect(listFiles(store.imagesDir)).toEqual([]);
  });

  it('deletes the remaining metadata the configured number of days after the purge', async () => {
    const { store, clock } = openTestStore();
    store.settings.update({ retention: { resultDays: 7 } }, 'admin');
    const { appId } = await store.capture.saveCapture(sampleCapture(1));
    complete(store, appId, clock.now());
    store.retention.runDue();
    clock.advance(7 * DAY - 1);
    expect(store.retention.runDue().expired).toBe(0);
    clock.advance(1);
    expect(store.retention.runDue().expired).toBe(1);
    expect(store.results.summary(appId)).toBeNull();
    expect(store.submissions.load(appId)).toBeNull();
    // The audit trail outlives the application.
    expect(store.audit.list({ appId }).length).toBeGreaterThan(0);
    expect(store.audit.list().at(-1)).toMatchObject({ action: 'store.retention-expired', detail: { applications: 1, resultDays: 7 } });
    expect(store.audit.verify().ok).toBe(true);
  });

  it('finishes a purge that a crash interrupted after the intent mark', async () => {
    const { store, dir, clock } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(1));
    complete(store, appId, clock.now());
    // The crash: intent committed, one file already gone, rows untouched.
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.prepare("UPDATE applications SET purge_state = 'purging', purge_started_at = 1 WHERE id = ?").run(appId);
    raw.close();
    const first = store.images.list(appId)[0]!;
    (await import('node:fs')).rmSync(path.join(store.imagesDir, first.fileName));
    store.close();

    const reopened = openTestStore({ dir, clock });
    const report = reopened.store.recover();
    expect(report.purgesFinished).toBe(1);
    expect(report.files).toMatchObject({ present: 0, missing: 0, orphansRemoved: 0 });
    expect(listFiles(reopened.store.imagesDir)).toEqual([]);
    expect(reopened.store.results.summary(appId)).toMatchObject({ purged: true });
    // A purge in progress blocks edits and saves from the worker.
    const rec = reopened.store.submissions.load(appId)!;
    expect(() => reopened.store.submissions.save(rec, { expectRevision: rec.revision })).toThrow(expect.objectContaining({ code: 'store.conflict' }));
  });

  it('raises an admin alert for apps unsent past the ceiling, and only for those', async () => {
    const { store, clock } = openTestStore();
    const { appId: old } = await store.capture.saveCapture(sampleCapture(1));
    clock.advance(2 * 3_600_000);
    const { appId: published } = await store.capture.saveCapture(sampleCapture(2));
    const rec = store.submissions.load(published)!;
    store.submissions.save({ ...rec, app: { ...rec.app, step: 'AWAIT_RESULT', publishedAt: clock.now() } }, { expectRevision: rec.revision });
    await store.capture.saveCapture(sampleCapture(3));
    clock.advance(69 * 3_600_000);
    expect(store.retention.unsentAlerts()).toEqual([]);
    clock.advance(3_600_000);
    const alerts = store.retention.unsentAlerts();
    expect(alerts).toEqual([{ appId: old, accountId: 'kiosk', capturedAt: expect.any(Number), ageMs: 72 * 3_600_000, step: 'CREATE_CONTAINER', attentionReason: null }]);
    store.settings.update({ retention: { unsentAlertHours: 1 } }, 'admin');
    expect(store.retention.unsentAlerts()).toHaveLength(2);
  });

  it('purges a guest link’s personal values once it is final (after the delay) and drops the row after the retention days', () => {
    const { store, clock } = openTestStore();
    store.settings.update({ retention: { purgeDelayMinutes: 10, resultDays: 30 } }, 'admin');
    const at = clock.now();
    const base = { kind: 'guest_link' as const, accountId: 'kiosk', branchId: null, createdBy: null, sendEmail: false, phase: 'PENDING' as const, sentAt: at, attentionReason: null, failures: 0, nextAttemptAt: null, message: null, guestId: 'g', expiresAt: at, replacedBy: null, submittedAt: null, lastCheckedAt: at, nextCheckAt: null, checkFailures: 0, revokePhase: null, revokeDueAt: null, revokeFailures: 0, outcome: null, purgedAt: null, createdAt: at, updatedAt: at };
    const request = { name: 'Ada', email: 'ada@example.org', fields: [] };
    store.remoteCreates.insert({ ...base, reference: 'final', state: 'created', request, containerId: 'c-1', linkUrl: 'http://x/g', remoteState: 'expired', result: null, finalAt: at });
    store.remoteCreates.insert({ ...base, reference: 'waiting', state: 'created', request, containerId: 'c-2', linkUrl: 'http://x/h', remoteState: 'waiting', result: null, finalAt: null });

    clock.advance(9 * MIN);
    store.retention.runDue();
    expect(store.remoteCreates.get('final')!.request).toEqual(request);

    clock.advance(MIN);
    store.retention.runDue();
    expect(store.remoteCreates.get('final')).toMatchObject({ request: null, linkUrl: null, remoteState: 'expired', purgedAt: clock.now() });
    expect(store.remoteCreates.get('waiting')!.request).toEqual(request);

    clock.advance(30 * DAY);
    store.retention.runDue();
    expect(store.remoteCreates.get('final')).toBeNull();
    expect(store.remoteCreates.get('waiting')).not.toBeNull();
  });
});
