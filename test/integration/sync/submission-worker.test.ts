// The worker's own behaviour with real parts (store, client, emulator, manual clock): FIFO order,
// apps in backoff or needing attention never block the others, the sha256 check before upload,
// "Sync now" against Retry-After, the events for the UI, and staff commands.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncEvent, SyncSummary } from '../../../main/sync/sync-events';
import { jpeg, startRig, type Rig, type RigOptions } from './sync-rig';

const MIN = 60_000;

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function run(opts: RigOptions = {}): Promise<Rig> {
  rig = await startRig(opts);
  return rig;
}

const done = (r: Rig, ...ids: string[]) => () => ids.every((id) => ['COMPLETED', 'AWAIT_RESULT'].includes(r.app(id)?.app.step ?? '') || r.app(id)?.app.attentionReason != null);

describe('submission worker', () => {
  it('sends applications in the order they were captured (FIFO by captured_at)', async () => {
    // One app at a time, so the whole sequence of each app is in order; several in flight are
    // covered by test/unit/main/sync/submission-concurrency.test.ts.
    const r = await run({ worker: { params: { submissionConcurrency: 1 } } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await r.capture());
      await r.setTime(r.time.now() + 1_000);
    }
    r.worker.start();
    await r.drain({ until: done(r, ...ids) });
    const order = r.emu.requests().flatMap((e) => (e.operation === 'dataAccess/createDocumentContainer' && e.body.kind === 'json' ? [e.body.values.ClientApplicationReference] : []));
    expect(order).toEqual(ids);
    // One at a time: every app's publish comes before the next app's container.
    const ops = r.emu.requests().map((e) => e.operation);
    expect(ops.filter((o) => o.endsWith('createDocumentContainer') || o.endsWith('publishDocumentContainer'))).toEqual(
      ids.flatMap(() => ['dataAccess/createDocumentContainer', 'dataAccess/publishDocumentContainer']),
    );
  });

  it('an app waiting in backoff does not hold back the ones captured after it', async () => {
    // A long backoff: the first app's one failure keeps it waiting at least 10 min.
    const r = await run({ worker: { params: { backoffBaseMs: 20 * MIN, backoffFloorMs: 10 * MIN } } });
    r.worker.start();
    r.emu.addFault({ match: { path: 'dataAccess/createDocumentContainer' }, action: 'http:503', times: 1 });
    const waiting = await r.capture();
    await r.drain({ until: () => r.app(waiting)?.app.failures === 1 });
    const due = r.app(waiting)!.app.nextAttemptAt;
    const later = await r.capture();
    await r.drain({ until: done(r, later) });
    expect(r.app(later)!.app.publishedAt).not.toBeNull();
    expect(r.time.now()).toBeLessThan(due);
    await r.drain({ until: done(r, waiting) });
    expect(r.emu.publishCounts()[waiting]?.containersPublished).toBe(1);
  });

  it('an app stopped for attention is out of the queue; the others go on, and staff "Retry" puts it back', async () => {
    const r = await run();
    r.worker.start();
    // The first app's container is refused three times: it stops with NEEDS_ATTENTION(rejected).
    r.emu.addFault({ match: { path: 'dataAccess/createDocumentContainer' }, action: 'reject', times: 3 });
    const stuck = await r.capture();
    await r.drain({ until: done(r, stuck) });
    expect(r.app(stuck)!.app.attentionReason).toBe('rejected');
    const later = await r.capture();
    await r.drain({ until: done(r, later) });
    expect(r.app(later)!.app.publishedAt).not.toBeNull();
    expect(r.app(stuck)!.app.attentionReason).toBe('rejected');
    expect(r.worker.list({ attentionOnly: true }).map((i) => i.appId)).toEqual([stuck]);
    expect(r.worker.summary().counts.needs_attention).toBe(1);

    // §10 Retry resets the rejections and the app goes through.
    expect(await r.worker.staffAction(stuck, { kind: 'retry' }, { userId: 'staff-1', admin: false })).toMatchObject({ ok: true });
    await r.drain({ until: () => r.app(stuck)?.app.step === 'COMPLETED' });
    expect(r.emu.publishCounts()[stuck]?.containersPublished).toBe(1);
    expect(r.store.audit.list({ appId: stuck }).map((e) => e.action)).toContain('staff.retry');
  });

  it('a stored image that fails its sha256 check stops the app before any upload, and a retake lets it through', async () => {
    const r = await run();
    const appId = await r.capture();
    const image = r.store.images.list(appId).find((i) => i.docIndex === 0 && i.imgIndex === 1)!;
    const file = path.join(r.store.imagesDir, image.fileName);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    r.worker.start();
    await r.drain({ until: done(r, appId) });

    expect(r.app(appId)!.app).toMatchObject({ attentionReason: 'local_image_corrupt', step: 'UPLOAD_IMAGE', stepImgIndex: 1, phase: 'PENDING' });
    // The front went up; the damaged back never left the kiosk.
    expect(r.emu.requests().filter((e) => e.operation === 'dataAccess/uploadImage')).toHaveLength(1);
    expect(r.worker.list().find((i) => i.appId === appId)?.state).toBe('needs_attention');

    await r.store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex: 1 }, image: { bytes: jpeg(3000), mime: 'image/jpeg', imageType: 3 }, actor: 'staff-1' });
    r.worker.notifyChanged();
    await r.drain({ until: () => r.app(appId)?.app.step === 'COMPLETED' });
    const s = r.app(appId)!;
    expect(s.containers.map((c) => c.abandonReason)).toEqual(['edited', null]);
    expect(r.emu.publishCounts()[appId]).toMatchObject({ containersCreated: 2, containersPublished: 1 });
  });

  it('"Sync now" retries an app in backoff at once, but never before a Retry-After', async () => {
    const r = await run({ worker: { params: { backoffBaseMs: 10 * MIN, backoffFloorMs: 5 * MIN } } });
    r.worker.start();
    r.emu.addFault({ match: { path: 'dataAccess/createDocumentContainer' }, action: 'http:503', times: 1 });
    const a = await r.capture();
    await r.drain({ until: () => r.app(a)?.app.failures === 1 });
    const waiting = r.app(a)!.app.nextAttemptAt - r.time.now();
    expect(waiting).toBeGreaterThanOrEqual(5 * MIN);
    r.worker.syncNow();
    expect(r.app(a)!.app.nextAttemptAt).toBe(r.time.now());
    await r.drain({ until: done(r, a) });

    r.emu.addFault({ match: { path: 'dataAccess/createDocumentContainer' }, action: 'http:429', retryAfter: 1800, times: 1 });
    const b = await r.capture();
    await r.drain({ until: () => r.app(b)?.app.failures === 1 });
    const retryAfterUntil = r.app(b)!.app.retryAfterUntil!;
    expect(retryAfterUntil - r.time.now()).toBe(1800_000);
    r.worker.syncNow();
    expect(r.app(b)!.app.nextAttemptAt).toBeGreaterThanOrEqual(retryAfterUntil);
    expect(r.worker.summary().blocking).toMatchObject({ kind: 'rate-limited', until: retryAfterUntil });
    await r.drain({ until: done(r, b) });
    const second = r.emu.requests().filter((e) => e.operation === 'dataAccess/createDocumentContainer').at(-1)!;
    expect(second.at).toBeGreaterThanOrEqual(retryAfterUntil);
  });

  it('tells the UI the counts per state, the oldest unsent age, upload progress in bytes and the last successful sync', async () => {
    const r = await run();
    const a = await r.capture({ images: 2, imageBytes: 300_000 });
    await r.setTime(r.time.now() + 5 * MIN);
    const b = await r.capture({ images: 1 });
    const before = r.worker.summary();
    expect(before.counts.queued).toBe(2);
    expect(before.oldestUnsentAgeMs).toBe(5 * MIN);
    expect(before.lastSuccessfulSyncAt).toBeNull();
    r.worker.start();
    await r.drain({ until: () => r.app(a)?.app.step === 'COMPLETED' && r.app(b)?.app.step === 'COMPLETED' });

    const after = r.worker.summary();
    expect(after.counts).toMatchObject({ queued: 0, sending: 0, completed: 2 });
    expect(after.oldestUnsentAgeMs).toBeNull();
    expect(after.lastSuccessfulSyncAt).not.toBeNull();
    expect(after.queueState).toBe('RUNNING');
    expect(after.blocking).toBeNull();

    expect(r.worker.item(a)).toMatchObject({ appId: a, state: 'completed', progress: null });
    expect(r.worker.item('no-such-app')).toBeNull();
    const progress = r.events.filter((e): e is Extract<SyncEvent, { type: 'upload-progress' }> => e.type === 'upload-progress' && e.appId === a);
    const last = progress.filter((p) => p.imgIndex === 0).at(-1)!;
    expect(last.totalBytes).toBe(300_000);
    expect(last.sentBytes).toBe(300_000);
    const states = r.events.flatMap((e) => (e.type === 'app' && e.item.appId === a ? [e.item.state] : []));
    expect(states[0]).toBe('sending');
    expect(states.at(-1)).toBe('completed');
    expect(new Set(states)).toEqual(new Set(['sending', 'processing', 'completed']));
    const summaries = r.events.filter((e): e is { type: 'summary'; summary: SyncSummary } => e.type === 'summary');
    expect(summaries.length).toBeGreaterThan(1);
  });

  it('an administrator can discard an unsent application with a reason code; nothing is sent for it', async () => {
    const r = await run();
    const appId = await r.capture();
    expect(await r.worker.staffAction(appId, { kind: 'discard', reason: 'duplicate' }, { userId: 'staff-1', admin: false })).toMatchObject({ ok: false, code: 'sync.admin-only' });
    expect(await r.worker.staffAction(appId, { kind: 'discard', reason: 'duplicate' }, { userId: 'admin-1', admin: true })).toMatchObject({ ok: true, item: { state: 'cancelled' } });
    r.worker.start();
    await r.drain({ maxMs: 3600_000 });
    expect(r.emu.requests().filter((e) => e.operation.startsWith('dataAccess/'))).toEqual([]);
    expect(r.store.audit.list({ appId }).find((e) => e.action === 'staff.discard')).toMatchObject({ actor: 'admin-1' });
  });

  it('refuses to discard once the application may have reached TrustID', async () => {
    const r = await run();
    r.worker.start();
    const appId = await r.capture();
    await r.drain({ until: () => r.app(appId)?.app.step === 'AWAIT_RESULT' });
    expect(await r.worker.staffAction(appId, { kind: 'discard', reason: 'duplicate' }, { userId: 'admin-1', admin: true })).toMatchObject({ ok: false, code: 'sync.already-sent' });
  });

  it('recovers an app left SENT by a crash before anything else runs (§7.7)', async () => {
    const r = await run();
    const appId = await r.capture();
    // Hold the app at PUBLISH (a 429 is not applied), stop, then fake the moment right after the
    // SENT commit of the publish: the request may or may not have gone.
    r.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:429', retryAfter: 600, times: 1 });
    r.worker.start();
    await r.drain({ until: () => r.app(appId)?.app.step === 'PUBLISH' && r.app(appId)!.app.failures === 1 });
    await r.worker.stop();
    const s = r.app(appId)!;
    s.app.phase = 'SENT';
    s.app.sentAt = r.time.now();
    s.containers[0]!.publishAttempted = true;
    r.port.save(s, s.revision, []);
    const { SubmissionWorker } = await import('../../../main/sync/submission-worker');
    const fresh = new SubmissionWorker({ store: r.port, apiFor: () => ({ hasSession: () => false, login: () => new Promise(() => undefined), testConnection: () => new Promise(() => undefined), call: () => new Promise(() => undefined) }), clock: r.time, scheduler: r.time });
    fresh.start();
    const recovered = r.app(appId)!;
    expect(recovered.app).toMatchObject({ step: 'VERIFY_PUBLISH', phase: 'PENDING', nextAttemptAt: s.app.sentAt! + 2 * MIN });
    expect(recovered.containers[0]).toMatchObject({ publishAmbiguous: true, publishLastOutcome: 'ambiguous' });
    await fresh.stop(10);
  });
});
