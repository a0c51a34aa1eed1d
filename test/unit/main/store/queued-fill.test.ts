// Store side of completing a queued application (SUBMISSION-PROTOCOL §13.2, migration 7): W0 commits
// the app at CHECK_QUEUED with its one queued container attempt; the queued container is never
// abandoned (I11); evidence flags only ever go up; the display label is sealed and purged.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import { openTestStore, sampleCapture } from './store-fixture';

const C = 'q0000000-0000-4000-8000-00000000000a';

describe('queued applications in the store', () => {
  it('W0 commits origin queued, CHECK_QUEUED, the fixed container and its one container attempt together', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(1), queuedContainer: { containerId: C, label: 'Visitor: Ada Lovelace' } });
    const rec = store.submissions.load(appId)!;
    expect(rec.app).toMatchObject({ origin: 'queued', step: 'CHECK_QUEUED', phase: 'PENDING', currentContainerId: C, reconcile: null, foreignDocuments: [] });
    expect(rec.containers).toEqual([expect.objectContaining({ containerId: C, origin: 'queued', abandonedAt: null })]);
  });

  it('refuses a second local fill of the same queued container', async () => {
    const { store } = openTestStore();
    await store.capture.saveCapture({ ...sampleCapture(1), queuedContainer: { containerId: C, label: 'x' } });
    await expect(store.capture.saveCapture({ ...sampleCapture(2), queuedContainer: { containerId: C, label: 'x' } })).rejects.toMatchObject({ code: 'store.invalid-capture' });
  });

  it('round-trips the reconcile target, foreign documents and markers', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(1), queuedContainer: { containerId: C, label: 'x' } });
    const rec = store.submissions.load(appId)!;
    store.submissions.save(
      {
        app: { ...rec.app, step: 'RECONCILE', reconcile: { step: 'UPLOAD_IMAGE', cause: 'ambiguous' }, foreignDocuments: ['theirs'] },
        containers: rec.containers,
        remoteDocuments: [{ containerId: C, docIndex: 0, documentId: 'D0', marker: `${appId}:0` }],
        remoteImages: [],
      },
      { expectRevision: rec.revision },
    );
    const back = store.submissions.load(appId)!;
    expect(back.app).toMatchObject({ step: 'RECONCILE', reconcile: { step: 'UPLOAD_IMAGE', cause: 'ambiguous' }, foreignDocuments: ['theirs'] });
    expect(back.remoteDocuments).toEqual([{ containerId: C, docIndex: 0, documentId: 'D0', marker: `${appId}:0` }]);
  });

  it('the database refuses to abandon a queued container, except for "Submit as a new application" (I11)', async () => {
    const { store, dir } = openTestStore();
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(1), queuedContainer: { containerId: C, label: 'x' } });
    const rec = store.submissions.load(appId)!;
    const abandon = (reason: string) =>
      store.submissions.save(
        { app: { ...rec.app }, containers: [{ ...rec.containers[0]!, abandonedAt: 5, abandonReason: reason }], remoteDocuments: [], remoteImages: [] },
        { expectRevision: store.submissions.load(appId)!.revision },
      );
    expect(() => abandon('ambiguous_document')).toThrow(/I11/);
    abandon('staff_submitted_new');
    store.close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT abandon_reason FROM containers WHERE container_id = ?').pluck().get(C)).toBe('staff_submitted_new');
    db.close();
  });

  it('account evidence flags start false, are raised, and are never cleared', () => {
    const { store } = openTestStore();
    expect(store.accountEvidence.get('kiosk')).toEqual({ queuedReadsShowDocuments: false, markersEchoed: false, queryListsQueued: false });
    store.accountEvidence.raise('kiosk', { markersEchoed: true });
    store.accountEvidence.markQueryListsQueued('kiosk');
    store.accountEvidence.raise('kiosk', { markersEchoed: false, queuedReadsShowDocuments: false });
    expect(store.accountEvidence.get('kiosk')).toEqual({ queuedReadsShowDocuments: false, markersEchoed: true, queryListsQueued: true });
  });

  it('an edit is refused once the first document has gone into the queued container (§13.7)', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(1, { images: 1 }), queuedContainer: { containerId: C, label: 'x' } });
    const rec = store.submissions.load(appId)!;
    store.submissions.save(
      { app: { ...rec.app, step: 'UPLOAD_IMAGE' }, containers: rec.containers, remoteDocuments: [{ containerId: C, docIndex: 0, documentId: 'D0', marker: null }], remoteImages: [] },
      { expectRevision: rec.revision },
    );
    expect(() => store.capture.discard({ appId, actor: 'staff-1', reason: 'other' })).toThrow(/already gone to TrustID/);
  });

  it('purging clears the sealed display label with the rest', async () => {
    const { store, dir } = openTestStore();
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(1), queuedContainer: { containerId: C, label: 'Visitor: Ada Lovelace' } });
    store.retention.purgeNow(appId, 'test');
    store.close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT queued_label_sealed FROM applications WHERE id = ?').pluck().get(appId)).toBeNull();
    db.close();
  });
});
