// SUBMISSION-PROTOCOL §12 items 8 and 9 for apps of origin `queued` (§13): the fault matrix on the
// steps that change a queued container (no container step), kill points, expiry, ambiguous publish,
// and someone else at work on the same queued container. Real store, real client, real emulator over
// HTTP; a manual clock. The kiosk signs in as demo.frontdesk (Branch visibility, archive privilege),
// and the queued container is made by demo.admin at the same branch.
import { afterEach, describe, expect, it } from 'vitest';
import { ephemeralCustody } from '../../../main/store/key-custody';
import type { FaultRuleInput, RunningEmulator } from '../../../main/demo/emulator';
import type { CallOutcome, StepCall } from '../../../main/sync/submission-types';
import type { SubmissionApi } from '../../../main/sync/sync-ports';
import { startRig, type Rig, type RigOptions } from './sync-rig';

const MIN = 60_000;
const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close().catch(() => undefined);
});

/** A rig signed in as demo.frontdesk (the rig reads credentials at every login). */
async function queuedRig(opts: RigOptions = {}): Promise<Rig> {
  const creds = { kiosk: { username: 'demo.frontdesk', password: '' } };
  const rig = await startRig({ markerSlot: true, timeouts: { jsonMs: 1_000, uploadMs: 1_000 }, ...opts, credentials: creds });
  creds.kiosk.password = passwordOf(rig.emu, 'demo.frontdesk');
  rigs.push(rig);
  return rig;
}

function passwordOf(emu: RunningEmulator, username: string): string {
  return emu.users.find((u) => u.username === username)!.password;
}

/** A rig and a queued container made by demo.admin at Reception (createQueuedDocumentContainer). */
async function start(opts: RigOptions = {}) {
  const rig = await queuedRig(opts);
  const C = rig.emu.createQueuedElsewhere({ username: 'demo.admin' });
  return { rig, C };
}

const done = (rig: Rig, appId: string) => () => {
  const a = rig.app(appId)!.app;
  return a.step === 'COMPLETED' || a.attentionReason !== null;
};

/** §12 item 8: no container made for the app, C published exactly once with exactly what was captured, each document with its marker. */
async function expectFilledOnce(rig: Rig, appId: string, C: string, images: number, photo: boolean): Promise<void> {
  const a = rig.app(appId)!;
  expect(a.app.attentionReason).toBeNull();
  expect(a.app.step).toBe('COMPLETED');
  expect(rig.emu.publishCounts()[appId]?.containersCreated ?? 0).toBe(0);
  const c = rig.emu.containers().find((x) => x.containerId === C)!;
  expect(c.publishCount).toBe(1);
  expect(c.documents).toHaveLength(1);
  expect(c.documents[0]?.images).toBe(images);
  const client = rig.clients.get('kiosk')!;
  await client.login();
  const retrieved = await client.retrieveDocumentContainer({ containerId: C });
  expect(retrieved.Documents.map((d) => d.CustomFieldDictionary.find((f) => f.Key === 'KioskCaptureRef')?.Value?.Value)).toEqual([`${appId}:0`]);
  expect(Boolean(retrieved.ApplicantPhotoImage?.Id)).toBe(photo);
  expect(a.containers).toEqual([expect.objectContaining({ containerId: C, origin: 'queued', abandonedAt: null })]);
}

function expectUnpublished(rig: Rig, C: string): void {
  expect(rig.emu.containers().find((x) => x.containerId === C)?.publishCount).toBe(0);
}

describe('queued fill, clean run', () => {
  it('completes the queued container with one document, its images and its photo, published once; no container created', async () => {
    const { rig, C } = await start();
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 2, photo: true });
    await rig.drain({ until: done(rig, appId) });
    await expectFilledOnce(rig, appId, C, 2, true);
    const ops = rig.emu.requests().map((r) => r.operation);
    expect(ops).not.toContain('dataAccess/createDocumentContainer');
    expect(rig.store.accountEvidence.get('kiosk')).toMatchObject({ queuedReadsShowDocuments: true, markersEchoed: true });
  });
});

type StepCase = { name: string; path: string; nth?: number };
const steps: StepCase[] = [
  { name: 'createDocument', path: 'dataAccess/createDocument' },
  { name: 'uploadImage (front)', path: 'dataAccess/uploadImage', nth: 1 },
  { name: 'uploadImage (back)', path: 'dataAccess/uploadImage', nth: 2 },
  { name: 'uploadApplicantPhoto', path: 'dataAccess/uploadApplicantPhoto' },
  { name: 'publishDocumentContainer', path: 'dataAccess/publishDocumentContainer' },
];
const once = (s: StepCase, action: string, extra: Partial<FaultRuleInput> = {}): FaultRuleInput => ({
  match: { path: s.path, ...(s.nth ? { nth: s.nth } : {}) },
  action,
  times: 1,
  ...extra,
});
type Expect = 'completed' | 'rejected' | 'queued_no_access';
const faults: { name: string; rule: (s: StepCase) => FaultRuleInput; expect: (s: StepCase) => Expect }[] = [
  { name: 'refuse', rule: (s) => once(s, 'refuse'), expect: () => 'completed' },
  { name: 'http:408', rule: (s) => once(s, 'http:408'), expect: () => 'completed' },
  { name: 'http:429 with Retry-After', rule: (s) => once(s, 'http:429', { retryAfter: 45 }), expect: () => 'completed' },
  { name: 'http:503', rule: (s) => once(s, 'http:503'), expect: () => 'completed' },
  { name: 'applyThenDrop', rule: (s) => once(s, 'applyThenDrop'), expect: () => 'completed' },
  { name: 'applyThen:502', rule: (s) => once(s, 'applyThen:502'), expect: () => 'completed' },
  { name: 'delay past the client timeout, applied', rule: (s) => once(s, 'delay:1800:apply'), expect: () => 'completed' },
  { name: 'sessionExpired', rule: (s) => once(s, 'sessionExpired'), expect: () => 'completed' },
  { name: 'flag:Locked', rule: (s) => once(s, 'flag:Locked'), expect: () => 'completed' },
  // A refused build step with C still queued is repeated; a refused publish is only re-read (§13.4),
  // so after the re-check rounds it waits for staff, with C unpublished.
  { name: 'reject once', rule: (s) => once(s, 'reject'), expect: (s) => (s.path.endsWith('publishDocumentContainer') ? 'rejected' : 'completed') },
  { name: 'reject three times', rule: (s) => ({ match: { path: s.path }, action: 'reject', times: 3 }), expect: () => 'rejected' },
  { name: 'flag:AccessDenied', rule: (s) => once(s, 'flag:AccessDenied'), expect: () => 'queued_no_access' },
];

describe('§12 item 8: fault matrix on the queued steps', () => {
  for (const step of steps) {
    for (const fault of faults) {
      it(`${step.name} × ${fault.name}`, async () => {
        const { rig, C } = await start();
        // A kiosk in service has seen this account's reads show documents and echo markers (§13.2);
        // the fresh-account case is the test after this loop.
        rig.store.accountEvidence.raise('kiosk', { queuedReadsShowDocuments: true, markersEchoed: true });
        rig.emu.addFault(fault.rule(step));
        rig.worker.start();
        const appId = await rig.capture({ queuedContainer: C, images: 2, photo: true });
        await rig.drain({ until: done(rig, appId) });
        const expected = fault.expect(step);
        // Never a container of its own, never an abandoned or second queued container (I11).
        expect(rig.emu.publishCounts()[appId]?.containersCreated ?? 0).toBe(0);
        expect(rig.app(appId)!.containers).toHaveLength(1);
        if (expected === 'completed') {
          await expectFilledOnce(rig, appId, C, 2, true);
        } else {
          expect(rig.app(appId)!.app.attentionReason).toBe(expected);
          expectUnpublished(rig, C);
          // The queue keeps running for everyone else (§13.6).
          expect(rig.worker.summary().queueState).toBe('RUNNING');
          const docs = rig.emu.containers().find((x) => x.containerId === C)!.documents;
          expect(docs.length).toBeLessThanOrEqual(1);
        }
      });
    }
  }

  it('on an account never seen to show documents, an ambiguous createDocument that did not land stops in queued_unresolved rather than risk a second document', async () => {
    const { rig, C } = await start();
    rig.emu.addFault({ match: { path: 'dataAccess/createDocument' }, action: 'http:503', times: 1 });
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('queued_unresolved');
    const c = rig.emu.containers().find((x) => x.containerId === C)!;
    expect([c.documents.length, c.publishCount]).toEqual([0, 0]);
  });

  it('with no marker slot, an ambiguous createDocument ends in queued_unresolved, never in a second document', async () => {
    const { rig, C } = await start({ markerSlot: false });
    rig.emu.addFault({ match: { path: 'dataAccess/createDocument' }, action: 'applyThenDrop', times: 1 });
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('queued_unresolved');
    const c = rig.emu.containers().find((x) => x.containerId === C)!;
    expect(c.documents).toHaveLength(1);
    expect(c.publishCount).toBe(0);
  });
});

describe('§12 item 8: expiry and ambiguous publish', () => {
  it('25 h between two build steps (past the Temp purge) and 13 h offline cause no restart; the app completes into the same container', async () => {
    const { rig, C } = await start();
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 2 });
    await rig.drain({ until: () => rig.app(appId)!.app.step === 'UPLOAD_IMAGE' });
    // Past the 12 h proactive age limit of §7.5 and the emulator's 24 h Temp purge at once.
    await rig.setTime(rig.time.now() + 25 * 60 * MIN);
    await rig.drain({ until: done(rig, appId) });
    await expectFilledOnce(rig, appId, C, 2, false);
  });

  it('a publish not applied but reported ambiguously leads to exactly one more publish of the same ContainerId', async () => {
    const { rig, C } = await start();
    rig.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:502', times: 1 });
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    await expectFilledOnce(rig, appId, C, 1, false);
    const publishes = rig.emu.requests().filter((r) => r.operation === 'dataAccess/publishDocumentContainer');
    expect(publishes.map((r) => r.fault === null)).toEqual([false, true]);
  });

  it('a container deleted after an ambiguous publish ends in queued_withdrawn', async () => {
    const { rig, C } = await start();
    rig.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:502', times: 1 });
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: () => rig.app(appId)!.app.step === 'CONFIRM_PUBLISH' });
    rig.emu.deleteContainers([C]);
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('queued_withdrawn');
  });
});

/**
 * Stops the call at `kind`'s n-th occurrence, as a SIGKILL would: before it is sent, or once its
 * answer has arrived but before anything is committed. The stopped call never returns.
 */
function killAt(when: 'before-send' | 'after-answer', kind: StepCall['kind'], n = 1): { wrap: (api: SubmissionApi) => SubmissionApi; fired: Promise<void> } {
  let seen = 0;
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  const never = new Promise<CallOutcome>(() => undefined);
  return {
    fired,
    wrap: (api) => ({
      hasSession: () => api.hasSession(),
      login: () => api.login(),
      testConnection: () => api.testConnection(),
      async call(call, extras) {
        if (call.kind !== kind || ++seen !== n) return api.call(call, extras);
        if (when === 'after-answer') await api.call(call, extras);
        fire();
        return never;
      },
    }),
  };
}

describe('§12 item 8: kill points', () => {
  const points: [string, 'before-send' | 'after-answer', StepCall['kind'], number][] = [
    ['after the SENT commit of createDocument', 'before-send', 'createDocument', 1],
    ['after createDocument was applied', 'after-answer', 'createDocument', 1],
    ['after the SENT commit of the 2nd uploadImage', 'before-send', 'uploadImage', 2],
    ['after the 1st uploadImage was applied', 'after-answer', 'uploadImage', 1],
    ['after the SENT commit of publish', 'before-send', 'publish', 1],
    ['after publish was applied', 'after-answer', 'publish', 1],
  ];
  for (const [name, when, kind, n] of points) {
    it(`killed ${name}: recovery reads C (RECONCILE / CONFIRM_PUBLISH), C is never abandoned, published once`, async () => {
      const kill = killAt(when, kind, n);
      // The same data key across the "restart", as a real kiosk's key custody gives.
      const custody = ephemeralCustody();
      const first = await start({ wrapApi: kill.wrap, custody });
      // A kiosk in service: it has seen this account's reads show documents and echo markers (§13.2).
      first.rig.store.accountEvidence.raise('kiosk', { queuedReadsShowDocuments: true, markersEchoed: true });
      first.rig.worker.start();
      const appId = await first.rig.capture({ queuedContainer: first.C, images: 2 });
      await kill.fired;
      // The process "dies" here: nothing more is committed; the store closes with what is on disk.
      void first.rig.worker.stop(0);
      rigs.splice(rigs.indexOf(first.rig), 1);
      const dir = first.rig.dir;
      const emu = first.rig.emu;
      first.rig.store.close();
      for (const c of first.rig.clients.values()) await c.close().catch(() => undefined);
      const second = await queuedRig({ dir, emu, custody, start: first.rig.time.now() });
      const recovered = second.port.load(appId)!;
      expect(recovered.app.phase).toBe('SENT');
      second.worker.start();
      const after = second.app(appId)!.app;
      expect(['RECONCILE', 'CONFIRM_PUBLISH']).toContain(after.step);
      await second.drain({ until: done(second, appId) });
      await expectFilledOnce(second, appId, first.C, 2, false);
      await emu.close();
    });
  }
});

describe('§12 item 9: someone else at work on the same queued container', () => {
  it('submitted by an app user before the app starts → completed_elsewhere, no mutating call sent', async () => {
    const { rig, C } = await start();
    rig.emu.submitQueued(C);
    rig.emu.clearRequests();
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('completed_elsewhere');
    const ops = rig.emu.requests().map((r) => r.operation);
    expect(ops.filter((o) => /create|upload|publish/i.test(o))).toEqual([]);
    expect(rig.emu.containers().find((x) => x.containerId === C)!.publishCount).toBe(1);
  });

  it('submitted between two build steps → the next build step is refused, then completed_elsewhere', async () => {
    const { rig, C } = await start();
    rig.emu.beforeOperation({ path: 'dataAccess/uploadImage', nth: 1 }, () => rig.emu.submitQueued(C));
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('completed_elsewhere');
    expect(rig.emu.containers().find((x) => x.containerId === C)!.publishCount).toBe(1);
  });

  it('another session adds a document before CHECK_BEFORE_PUBLISH → queued_conflict, no publish sent', async () => {
    const { rig, C } = await start();
    rig.emu.beforeOperation({ path: 'dataAccess/uploadImage', nth: 1 }, () => rig.emu.addDocumentElsewhere(C));
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    const a = rig.app(appId)!.app;
    expect(a.attentionReason).toBe('queued_conflict');
    expect(a.foreignDocuments).toHaveLength(1);
    expect(rig.emu.requests().some((r) => r.operation === 'dataAccess/publishDocumentContainer')).toBe(false);
    expectUnpublished(rig, C);
  });

  it('another session publishes between CHECK_BEFORE_PUBLISH and PUBLISH → refused, CONFIRM_PUBLISH finds it published → AWAIT_RESULT', async () => {
    const { rig, C } = await start();
    rig.emu.beforeOperation({ path: 'dataAccess/publishDocumentContainer' }, () => rig.emu.publishElsewhere(C));
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: () => rig.app(appId)!.app.publishedAt !== null || rig.app(appId)!.app.attentionReason !== null });
    const a = rig.app(appId)!;
    expect(a.app.attentionReason).toBeNull();
    expect(['AWAIT_RESULT', 'COMPLETED']).toContain(a.app.step);
    expect(a.containers[0]?.publishedConfirmedAt).not.toBeNull();
    expect(rig.emu.containers().find((x) => x.containerId === C)!.publishCount).toBe(1);
  });

  it('the back office deletes the container between two build steps → queued_withdrawn', async () => {
    const { rig, C } = await start();
    // "Gone" needs a kiosk that has seen this account's reads show documents (§13.2); on a fresh
    // account the same answer proves nothing and the step is treated as refused instead.
    rig.store.accountEvidence.raise('kiosk', { queuedReadsShowDocuments: true });
    rig.emu.beforeOperation({ path: 'dataAccess/uploadImage', nth: 1 }, () => rig.emu.deleteContainers([C]));
    rig.worker.start();
    const appId = await rig.capture({ queuedContainer: C, images: 1 });
    await rig.drain({ until: done(rig, appId) });
    expect(rig.app(appId)!.app.attentionReason).toBe('queued_withdrawn');
  });

  it('two kiosks pick the same queued application: one completes it, the other stops in queued_in_use or queued_conflict', async () => {
    const { rig: a, C } = await start();
    const b = await queuedRig({ emu: a.emu, start: a.time.now() });
    a.worker.start();
    b.worker.start();
    // A has started (its first document, with its marker, is in C) when B looks at C.
    a.emu.addFault({ match: { path: 'dataAccess/uploadImage', nth: 2 }, action: 'refuse', times: 1 });
    const appA = await a.capture({ queuedContainer: C, images: 2 });
    await a.drain({ until: () => a.app(appA)!.app.failures > 0 });
    const appB = await b.capture({ queuedContainer: C, images: 1 });
    await b.drain({ until: done(b, appB) });
    await a.drain({ until: done(a, appA) });
    expect(a.app(appA)!.app).toMatchObject({ step: 'COMPLETED', attentionReason: null });
    expect(['queued_in_use', 'queued_conflict']).toContain(b.app(appB)!.app.attentionReason);
    expect(a.emu.requests().filter((r) => r.operation === 'dataAccess/createDocument')).toHaveLength(1);
    expect(a.emu.containers().find((x) => x.containerId === C)!.publishCount).toBe(1);
  });
});
