import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import { StoreConflictError } from '../../../../main/store/store-errors';
import type { ContainerRecord, SubmissionRecord } from '../../../../main/store/submission-records';
import { openTestStore, sampleCapture } from './store-fixture';

function container(appId: string, containerId: string, over: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    containerId,
    appId,
    origin: 'kiosk',
    createdAt: 1,
    publishAttempted: false,
    publishAmbiguous: false,
    publishLastOutcome: 'none',
    publishedConfirmedAt: null,
    abandonedAt: null,
    abandonReason: null,
    ...over,
  };
}

async function captured(n = 1) {
  const t = openTestStore();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await t.store.capture.saveCapture(sampleCapture(i + 1, { images: 2, photo: i === 0 }))).appId);
    t.clock.advance(1000);
  }
  return { ...t, ids };
}

function save(store: ReturnType<typeof openTestStore>['store'], rec: SubmissionRecord, change: (r: SubmissionRecord) => Partial<SubmissionRecord>): number {
  const next = { ...rec, ...change(rec) };
  return store.submissions.save(next, { expectRevision: rec.revision });
}

describe('submission repository', () => {
  it('round-trips every scheduling field, containers and remote items (W2 in one save)', async () => {
    const { store, ids } = await captured();
    const appId = ids[0]!;
    const rec = store.submissions.load(appId)!;
    const app = {
      ...rec.app,
      step: 'UPLOAD_APPLICANT_PHOTO' as const,
      stepDocIndex: 0,
      stepImgIndex: 1,
      phase: 'SENT' as const,
      sentAt: 111,
      currentContainerId: 'c-1',
      failures: 3,
      streakStartedOnlineS: 42,
      sessionRenewals: 1,
      rejections: 2,
      restarts: 4,
      nextAttemptAt: 222,
      retryAfterUntil: 333,
      lastOutcomeClass: 'AMBIGUOUS',
      lastHttpStatus: 503,
      lastMessage: 'Service Unavailable for QUIXWORTH',
      publishedAt: null,
      resultStatus: 'processing' as const,
      resultSnapshot: '{"Container":{"Surname":"QUIXWORTH"}}',
      resultCheckedAt: 444,
      attentionReason: null,
      verifyRound: 2,
      verifyStartedAt: 555,
    };
    const revision = store.submissions.save(
      {
        app,
        containers: [container(appId, 'c-1', { publishAttempted: true, publishLastOutcome: 'not_applied' })],
        remoteDocuments: [{ containerId: 'c-1', docIndex: 0, documentId: 'D-0' }],
        remoteImages: [
          { containerId: 'c-1', docIndex: 0, imgIndex: 0, imageType: 2, imageId: 'I-0' },
          { containerId: 'c-1', docIndex: -1, imgIndex: -1, imageType: 1, imageId: 'P-0' },
        ],
      },
      { expectRevision: rec.revision },
    );
    expect(revision).toBe(rec.revision + 1);
    const back = store.submissions.load(appId)!;
    expect(back.app).toEqual(app);
    expect(back.revision).toBe(revision);
    expect(back.containers).toEqual([container(appId, 'c-1', { publishAttempted: true, publishLastOutcome: 'not_applied' })]);
    expect(back.remoteDocuments).toEqual([{ containerId: 'c-1', docIndex: 0, documentId: 'D-0', marker: null }]);
    expect(back.remoteImages.map((i) => i.imageId).sort()).toEqual(['I-0', 'P-0']);
    expect(back.shape).toEqual({ documents: [{ imageTypes: [2, 3] }], hasApplicantPhoto: true });
  });

  it('keeps the TrustID message and result snapshot sealed in the row', async () => {
    const { store, ids, dir } = await captured();
    const rec = store.submissions.load(ids[0]!)!;
    save(store, rec, (r) => ({ app: { ...r.app, lastMessage: 'Rejected: QUIXWORTH', resultSnapshot: '{"n":"QUIXWORTH"}' } }));
    const raw = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const row = raw.prepare('SELECT last_message_sealed, result_snapshot_sealed FROM applications').get() as Record<string, Buffer>;
    raw.close();
    expect(row.last_message_sealed!.includes(Buffer.from('QUIXWORTH'))).toBe(false);
    expect(row.result_snapshot_sealed!.includes(Buffer.from('QUIXWORTH'))).toBe(false);
  });

  it('refuses a save against a stale revision with store.conflict and changes nothing', async () => {
    const { store, ids } = await captured();
    const rec = store.submissions.load(ids[0]!)!;
    save(store, rec, (r) => ({ app: { ...r.app, failures: 1 } }));
    expect(() => save(store, rec, (r) => ({ app: { ...r.app, failures: 9 }, containers: [container(r.app.id, 'c-9')] }))).toThrow(StoreConflictError);
    const back = store.submissions.load(ids[0]!)!;
    expect(back.app.failures).toBe(1);
    expect(back.containers).toEqual([]);
  });

  it('never changes identity, account or capture time through save', async () => {
    const { store, ids } = await captured();
    const rec = store.submissions.load(ids[0]!)!;
    save(store, rec, (r) => ({ app: { ...r.app, accountId: 'someone-else', capturedAt: 1 } }));
    expect(store.submissions.load(ids[0]!)!.app).toMatchObject({ accountId: 'kiosk', capturedAt: rec.app.capturedAt });
  });

  it('enforces I1 in the database: no second container while one may be published', async () => {
    const { store, ids } = await captured();
    const appId = ids[0]!;
    let rec = store.submissions.load(appId)!;
    save(store, rec, () => ({ containers: [container(appId, 'c-1', { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' })] }));
    rec = store.submissions.load(appId)!;
    expect(() => save(store, rec, () => ({ containers: [...rec.containers, container(appId, 'c-2')] }))).toThrow(/I1/);
    // The §7.3 guard: the ambiguous container cannot be abandoned for an ordinary reason ...
    expect(() => save(store, rec, () => ({ containers: [{ ...rec.containers[0]!, abandonedAt: 5, abandonReason: 'rejected' }] }))).toThrow(/abandon guard/);
    // ... only by the audited staff override of §10, after which a new container is allowed.
    save(store, rec, () => ({ containers: [{ ...rec.containers[0]!, abandonedAt: 5, abandonReason: 'staff_declared_unpublished' }] }));
    rec = store.submissions.load(appId)!;
    save(store, rec, () => ({ containers: [...rec.containers, container(appId, 'c-2')] }));
    expect(store.submissions.load(appId)!.containers.map((c) => c.containerId)).toEqual(['c-1', 'c-2']);
  });

  it('allows the VERIFY_PUBLISH restart that clears publish_ambiguous in the same write (§7.2)', async () => {
    const { store, ids } = await captured();
    const appId = ids[0]!;
    let rec = store.submissions.load(appId)!;
    save(store, rec, () => ({ containers: [container(appId, 'c-1', { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'rejected' })] }));
    rec = store.submissions.load(appId)!;
    save(store, rec, () => ({ containers: [{ ...rec.containers[0]!, publishAmbiguous: false, abandonedAt: 9, abandonReason: 'rejected' }] }));
    rec = store.submissions.load(appId)!;
    save(store, rec, () => ({ containers: [...rec.containers, container(appId, 'c-2')] }));
    expect(store.submissions.load(appId)!.containers).toHaveLength(2);
  });

  it('refuses a remote id that contradicts one already stored, and a container of another app', async () => {
    const { store, ids } = await captured(2);
    const [a, b] = ids as [string, string];
    let rec = store.submissions.load(a)!;
    save(store, rec, () => ({ containers: [container(a, 'c-1')], remoteDocuments: [{ containerId: 'c-1', docIndex: 0, documentId: 'D-1' }] }));
    rec = store.submissions.load(a)!;
    // Repeating the same facts is fine; changing them is a bug.
    save(store, rec, (r) => ({ remoteDocuments: r.remoteDocuments }));
    rec = store.submissions.load(a)!;
    expect(() => save(store, rec, () => ({ remoteDocuments: [{ containerId: 'c-1', docIndex: 0, documentId: 'D-other' }] }))).toThrow(/another id/);
    const recB = store.submissions.load(b)!;
    expect(() => save(store, recB, () => ({ containers: [container(b, 'c-1')] }))).toThrow(/another application/);
  });

  it('lists due apps oldest capture first, skipping backoff, attention and other steps', async () => {
    const { store, ids, clock } = await captured(4);
    const [a, b, c, d] = ids as [string, string, string, string];
    const now = clock.now();
    save(store, store.submissions.load(a)!, (r) => ({ app: { ...r.app, nextAttemptAt: now + 60_000 } }));
    save(store, store.submissions.load(b)!, (r) => ({ app: { ...r.app, attentionReason: 'rejected' } }));
    save(store, store.submissions.load(d)!, (r) => ({ app: { ...r.app, step: 'AWAIT_RESULT' } }));
    const submitSteps = ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH', 'VERIFY_PUBLISH'] as const;
    expect(store.submissions.listDue({ now, steps: submitSteps }).map((x) => x.id)).toEqual([c]);
    expect(store.submissions.listDue({ now: now + 60_000, steps: submitSteps }).map((x) => x.id)).toEqual([a, c]);
    expect(store.submissions.listDue({ now, steps: ['AWAIT_RESULT'] }).map((x) => x.id)).toEqual([d]);
    expect(store.submissions.listDue({ now, steps: submitSteps, accountIds: ['nobody'] })).toEqual([]);
    expect(store.submissions.nextDueAt({ steps: ['CREATE_CONTAINER'] })).toBe(store.submissions.load(c)!.app.nextAttemptAt);
    expect(store.submissions.list({ attentionOnly: true }).map((x) => x.id)).toEqual([b]);
  });

  it('finds SENT apps for crash recovery and summarises the queue', async () => {
    const { store, ids } = await captured(3);
    save(store, store.submissions.load(ids[1]!)!, (r) => ({ app: { ...r.app, phase: 'SENT', sentAt: 5 } }));
    save(store, store.submissions.load(ids[2]!)!, (r) => ({ app: { ...r.app, step: 'COMPLETED', publishedAt: 9, resultStatus: 'final' } }));
    expect(store.submissions.listSent()).toEqual([ids[1]]);
    const summary = store.submissions.summary();
    expect(summary.oldestUnsentCapturedAt).toBe(store.submissions.load(ids[0]!)!.app.capturedAt);
    expect(summary.counts.map((c) => [c.step, c.phase, c.count])).toEqual([
      ['COMPLETED', 'PENDING', 1],
      ['CREATE_CONTAINER', 'PENDING', 1],
      ['CREATE_CONTAINER', 'SENT', 1],
    ]);
  });

  it('creates the kiosk row once with a stable device id, and updates queue fields', async () => {
    const { store, dir, clock } = await captured(0);
    expect(store.submissions.getKiosk()).toBeNull();
    const first = store.submissions.ensureKiosk();
    expect(first.deviceId).toMatch(/^kiosk-[0-9a-f-]{36}$/);
    expect(store.submissions.ensureKiosk('kiosk-other').deviceId).toBe(first.deviceId);
    clock.advance(5);
    const k = store.submissions.updateKiosk({ queueState: 'OFFLINE', onlineClockS: 99, notBefore: 7, transportFailures: 3 });
    expect(k).toMatchObject({ deviceId: first.deviceId, queueState: 'OFFLINE', onlineClockS: 99, notBefore: 7, transportFailures: 3, updatedAt: clock.now() });
    expect(() => store.submissions.updateKiosk({ deviceId: 'x' } as never)).toThrow(/no field deviceId/);
    store.close();
    const again = openTestStore({ dir });
    expect(again.store.submissions.getKiosk()!.deviceId).toBe(first.deviceId);
  });

  it('keeps fractional online-clock seconds exactly, so frequent writes never lose time', async () => {
    const { store, ids } = await captured(1);
    store.submissions.ensureKiosk();
    expect(store.submissions.updateKiosk({ onlineClockS: 12.375 }).onlineClockS).toBe(12.375);
    save(store, store.submissions.load(ids[0]!)!, (r) => ({ app: { ...r.app, streakStartedOnlineS: 3.5 } }));
    expect(store.submissions.load(ids[0]!)!.app.streakStartedOnlineS).toBe(3.5);
  });

  it('gives sync the MRZs createDocument sends, and nothing else of the personal fields', async () => {
    const { store, ids } = await captured(1);
    const input = sampleCapture(7);
    input.documents[0]!.personal.rfidMrz = 'CHIP-MRZ';
    const { appId } = await store.capture.saveCapture(input);
    expect(store.submissions.documentFields(appId, 0)).toEqual({ mrz: input.documents[0]!.personal.mrz, rfidMrz: 'CHIP-MRZ' });
    expect(store.submissions.documentFields(appId, 1)).toBeNull();
    const noMrz = sampleCapture(8);
    delete noMrz.documents[0]!.personal.mrz;
    const other = await store.capture.saveCapture(noMrz);
    expect(store.submissions.documentFields(other.appId, 0)).toEqual({});
    store.capture.discard({ appId: ids[0]!, actor: 'a', reason: 'test' });
    expect(store.submissions.documentFields(ids[0]!, 0)).toBeNull();
  });

  it('refuses a transaction function that returns a promise (W3)', async () => {
    const { store } = await captured(0);
    expect(() => store.transaction(async () => 1)).toThrow(/must not await/);
  });

  it('commitThenSync commits at once and resolves `synced` once the WAL fsync has returned', async () => {
    const { store, dir, ids } = await captured(1);
    const rec = store.submissions.load(ids[0]!)!;
    const { value, synced } = store.submissions.commitThenSync(() => save(store, rec, (r) => ({ app: { ...r.app, phase: 'SENT', sentAt: 5 } })));
    expect(value).toBe(rec.revision + 1);
    // Committed: another connection reads it before the fsync has even returned.
    const raw = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.prepare('SELECT phase FROM applications WHERE id = ?').pluck().get(ids[0])).toBe('SENT');
    raw.close();
    await expect(synced).resolves.toBeUndefined();
  });

  it('commitThenSync inside another transaction joins it and reports it durable with it', async () => {
    const { store, ids } = await captured(1);
    const rec = store.submissions.load(ids[0]!)!;
    let synced: Promise<void> | undefined;
    store.transaction(() => {
      synced = store.submissions.commitThenSync(() => save(store, rec, (r) => ({ app: { ...r.app, failures: 2 } }))).synced;
    });
    await expect(synced).resolves.toBeUndefined();
    expect(store.submissions.load(ids[0]!)!.app.failures).toBe(2);
  });
});
