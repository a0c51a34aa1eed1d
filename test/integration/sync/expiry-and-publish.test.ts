// SUBMISSION-PROTOCOL §12 tests 3 (expiry of unpublished containers, reactive and proactive) and 4
// (ambiguous publish), against the real emulator with a manual clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../main/demo/emulator';
import { startRig, type Rig, type RigOptions } from './sync-rig';

const MIN = 60_000;
const HOUR = 3600_000;

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function run(opts: RigOptions = {}): Promise<Rig> {
  rig = await startRig(opts);
  rig.worker.start();
  return rig;
}

function settled(r: Rig, appId: string) {
  return () => {
    const a = r.app(appId)?.app;
    return a !== undefined && (a.step === 'COMPLETED' || a.attentionReason !== null);
  };
}

const ops = (log: RequestLogEntry[], op: string) => log.filter((e) => e.operation === `dataAccess/${op}`);

describe('§12.3 expiry of unpublished containers', () => {
  it('a container purged between two build steps is answered "not found", and the app restarts and completes', async () => {
    const r = await run({ emulator: { temp: { purgeAfterS: 60 } } });
    // The first upload is held back 120 s by a 429: long enough for the 60 s purge.
    r.emu.addFault({ match: { path: 'dataAccess/uploadImage' }, action: 'http:429', retryAfter: 120, times: 1 });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });

    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    expect(s.app.rejections).toBe(1);
    expect(s.containers.map((c) => c.abandonReason)).toEqual(['rejected', null]);
    const remote = r.emu.containers(appId);
    expect(remote.map((c) => [c.removed, c.publishCount])).toEqual([
      ['purged', 0],
      [null, 1],
    ]);
    expect(r.warnings.filter((w) => w.level >= 50)).toEqual([]);
  });

  it('a kiosk offline for 13 h between creating the container and publishing rebuilds it first (proactive restart)', async () => {
    // A slower probe keeps this 13 h outage to a few dozen refused connections; the probe itself is tested below.
    const r = await run({ emulatorStateFile: true, worker: { params: { probeCapMs: 30 * MIN } } });
    // Hold the app just after its container exists (a 429 is provably not applied), then cut the network.
    r.emu.addFault({ match: { path: 'dataAccess/createDocument' }, action: 'http:429', retryAfter: 60, times: 1 });
    const appId = await r.capture();
    await r.drain({ until: () => r.app(appId)?.app.step === 'CREATE_DOCUMENT' && r.app(appId)!.app.nextAttemptAt > r.time.now() });
    await r.emulatorDown();
    const start = r.time.now();
    await r.drain({ until: () => r.time.now() - start >= 13 * HOUR });
    expect(r.worker.summary().queueState).toBe('OFFLINE');
    expect(r.worker.summary().blocking?.kind).toBe('offline');
    // Connections refused before anything was written: the app kept its container and its step.
    expect(r.app(appId)!.app).toMatchObject({ step: 'CREATE_DOCUMENT', restarts: 0, attentionReason: null });
    await r.emulatorUp();
    await r.drain({ until: settled(r, appId) });

    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    // Proactive age restarts are not counted (§5).
    expect(s.app.restarts).toBe(0);
    expect(s.containers.map((c) => c.abandonReason)).toEqual(['expired_age', null]);
    expect(r.emu.containers(appId).map((c) => c.publishCount)).toEqual([0, 1]);
    // Back online, the old container was never built on: the first call was a new container.
    const after = r.emu.requests().filter((e) => e.operation.startsWith('dataAccess/'));
    expect(after[0]?.operation).toBe('dataAccess/createDocumentContainer');
    expect(r.warnings.filter((w) => w.level >= 50)).toEqual([]);
  });

  it('while offline only the probe goes out, with its own backoff capped at 2 min, and the online clock stops', async () => {
    const r = await run({ emulatorStateFile: true });
    const appId = await r.capture();
    await r.drain({ until: () => r.app(appId)?.app.step === 'AWAIT_RESULT' });
    const onlineBefore = r.store.submissions.getKiosk()!.onlineClockS;
    await r.emulatorDown();
    const second = await r.capture();
    const start = r.time.now();
    const eventsBefore = r.events.length;
    await r.drain({ until: () => r.time.now() - start >= 2 * HOUR });
    expect(r.worker.summary().queueState).toBe('OFFLINE');
    // Each probe publishes the next probe time: full jitter from 5 s up to the 2 min cap.
    const probeTimes = [
      ...new Set(
        r.events
          .slice(eventsBefore)
          .flatMap((e) => (e.type === 'summary' && e.summary.blocking?.kind === 'offline' ? [e.summary.blocking.nextProbeAt] : [])),
      ),
    ];
    const gaps = probeTimes.slice(1).map((t, i) => t - probeTimes[i]!);
    expect(probeTimes.length).toBeGreaterThan(60);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    await r.emulatorUp();
    const seen = r.emu.requests().length;
    expect(seen).toBe(0);
    await r.drain({ until: settled(r, second) });
    expect(r.app(second)!.app.step).toBe('COMPLETED');
    expect(r.app(appId)!.app.step).toBe('COMPLETED');
    // The first request after the outage was the probe (testConnection needs no session).
    const first = r.emu.requests()[0];
    expect(first?.operation).toBe('session/testConnection');
    // Two hours offline did not count as online time.
    const online = r.store.submissions.getKiosk()!.onlineClockS - onlineBefore;
    expect(online).toBeLessThan(15 * 60);
  });
});

describe('§12.4 ambiguous publish', () => {
  it('a publish that was applied and then dropped ends in AWAIT_RESULT with no second publish request', async () => {
    const r = await run();
    r.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'applyThenDrop', times: 1 });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });

    expect(r.app(appId)!.app.step).toBe('COMPLETED');
    expect(r.emu.publishCounts()[appId]).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 1 });
    const log = r.emu.requests();
    const publish = ops(log, 'publishDocumentContainer')[0]!;
    const firstRetrieve = ops(log, 'retrieveDocumentContainer')[0]!;
    // §7.4: the verifying retrieve waits the 2 min settle delay.
    expect(firstRetrieve.at - publish.at).toBeGreaterThanOrEqual(2 * MIN);
  });

  it('a publish that was not applied but answered ambiguously (503) is sent again exactly once, to the same container', async () => {
    const r = await run();
    r.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:503', times: 1 });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });

    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    expect(r.emu.publishCounts()[appId]).toMatchObject({ containersCreated: 1, containersPublished: 1 });
    const publishes = ops(r.emu.requests(), 'publishDocumentContainer');
    expect(publishes.map((p) => p.fault)).toEqual(['http:503', null]);
    // The faulted request's body was never read; the only container there is is the one re-published.
    const second = publishes[1]!;
    expect(second.body.kind === 'json' ? second.body.values.ContainerId : null).toBe(s.app.currentContainerId);
    expect(s.containers.map((c) => c.containerId)).toEqual([s.app.currentContainerId]);
  });

  it('an ambiguous publish followed by a purge stops at NEEDS_ATTENTION(publish_unresolved) without another container', async () => {
    const r = await run({ emulator: { temp: { purgeAfterS: 60 } } });
    r.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:503', times: 1 });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });

    const s = r.app(appId)!;
    expect(s.app.attentionReason).toBe('publish_unresolved');
    expect(s.containers).toHaveLength(1);
    expect(s.containers[0]).toMatchObject({ publishAmbiguous: true, abandonedAt: null });
    expect(r.emu.publishCounts()[appId]).toMatchObject({ containersCreated: 1, containersPublished: 0 });
    // Re-check mode only reads: 5 rounds after the refused re-publish, at 2, 5, 10, 20 and 30 min.
    const log = r.emu.requests();
    const republish = ops(log, 'publishDocumentContainer')[1]!;
    const rounds = ops(log, 'retrieveDocumentContainer').filter((e) => e.at > republish.at).map((e) => (e.at - republish.at) / MIN);
    expect(rounds).toEqual([2, 5, 10, 20, 30]);

    // §10: staff found it in TrustID → closed; the kiosk stops tracking it.
    const closed = await r.worker.staffAction(appId, { kind: 'found_in_trustid' }, { userId: 'staff-1', admin: false });
    expect(closed).toMatchObject({ ok: true, item: { state: 'closed_by_staff' } });
  });

  it('"Not in TrustID, send again" is the audited override that builds a new container', async () => {
    const r = await run({ emulator: { temp: { purgeAfterS: 60 } } });
    r.emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'http:503', times: 1 });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });
    expect(r.app(appId)!.app.attentionReason).toBe('publish_unresolved');

    expect(await r.worker.staffAction(appId, { kind: 'send_again' }, { userId: 'admin-9', admin: true })).toMatchObject({ ok: true });
    await r.drain({ until: settled(r, appId) });
    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    expect(s.containers[0]?.abandonReason).toBe('staff_declared_unpublished');
    expect(r.emu.publishCounts()[appId]).toMatchObject({ containersCreated: 2, containersPublished: 1 });
    const audit = r.store.audit.list({ appId }).find((a) => a.action === 'staff.send-again');
    expect(audit).toMatchObject({ actor: 'admin-9' });
    expect(audit?.containerIds).toContain(s.containers[0]!.containerId);
  });
});
