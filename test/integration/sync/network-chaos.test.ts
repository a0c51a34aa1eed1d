// Network chaos (issue 5): 300 applications (SYNC_CHAOS_APPS for more) through random emulator
// faults on every call — resets mid-upload and mid-answer, timeouts with and without the operation
// applied, 5xx, 429 with Retry-After, Locked/VpeUnreachable, session expiry at random steps, publish
// applied then dropped. Every application must be published exactly once, and nothing may be sent
// while a Retry-After runs. The store sits on tmpfs (this is about the network, not the disk) and
// the clock is manual, so backoff costs nothing; only client timeouts take real time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { FaultRuleInput } from '../../../main/demo/emulator';
import type { SyncEvent } from '../../../main/sync/sync-events';
import { startRig, type Rig } from './sync-rig';

const APPS = Number(process.env.SYNC_CHAOS_APPS ?? 300);
const RETRY_AFTER_S = 30;
const TIMEOUT_MS = 250;

const OPS = ['createDocumentContainer', 'createDocument', 'uploadImage', 'uploadApplicantPhoto', 'publishDocumentContainer', 'retrieveDocumentContainer'];

const faults: FaultRuleInput[] = [
  // Mid-upload: the connection drops after part of the body was read (not applied, but written).
  { match: { path: 'dataAccess/uploadImage', probability: 0.04 }, action: 'resetDuringRequest' },
  // Applied, then the answer is cut off halfway.
  { match: { path: '*', probability: 0.015 }, action: 'resetDuringResponse' },
  // Timeouts: the answer comes after the client gave up, with and without the operation applied.
  { match: { path: '*', probability: 0.004 }, action: `delay:${TIMEOUT_MS + 200}:apply` },
  { match: { path: '*', probability: 0.002 }, action: `delay:${TIMEOUT_MS + 200}:noApply` },
  { match: { path: '*', probability: 0.03 }, action: 'http:503' },
  { match: { path: '*', probability: 0.01 }, action: 'http:500', body: 'html' },
  { match: { path: '*', probability: 0.008 }, action: 'http:429', retryAfter: RETRY_AFTER_S },
  { match: { path: '*', probability: 0.01 }, action: 'refuse' },
  // Publish applied, then the connection dropped or a 502 instead of the answer.
  { match: { path: 'dataAccess/publishDocumentContainer', probability: 0.1 }, action: 'applyThenDrop' },
  { match: { path: 'dataAccess/publishDocumentContainer', probability: 0.03 }, action: 'applyThen:502' },
  ...OPS.flatMap((op): FaultRuleInput[] => [
    { match: { path: `dataAccess/${op}`, probability: 0.03 }, action: 'sessionExpired' },
    { match: { path: `dataAccess/${op}`, probability: 0.008 }, action: 'flag:Locked' },
    { match: { path: `dataAccess/${op}`, probability: 0.008 }, action: 'flag:VpeUnreachable' },
  ]),
];

let rig: Rig | undefined;
let dir: string | undefined;
afterEach(async () => {
  await rig?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  rig = undefined;
});

it(`${APPS} applications through random network faults are each published exactly once, and no call goes out during a Retry-After`, async () => {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  dir = fs.mkdtempSync(path.join(base, 'ss-sync-chaos-'));
  let appEvents = 0;
  const live: { rig?: Rig } = {};
  const r = await startRig({
    dir,
    timeouts: { jsonMs: TIMEOUT_MS, uploadMs: TIMEOUT_MS },
    emulator: { seed: 20261102 },
    onEvent: (e: SyncEvent) => {
      // Sessions also lapse on the server at random moments, not only through fault rules.
      if (e.type === 'app' && ++appEvents % 97 === 0) live.rig?.emu.expireSessions();
    },
  });
  rig = r;
  live.rig = r;
  for (const f of faults) r.emu.addFault(f);

  const ids: string[] = [];
  for (let i = 0; i < APPS; i++) ids.push(await r.capture({ images: 1 + (i % 3), photo: i % 4 === 0, imageBytes: 4_000 + (i % 7) * 3_000 }));
  r.worker.start();
  const finished = () => ids.every((id) => {
    const a = r.app(id)?.app;
    return a !== undefined && (a.step === 'COMPLETED' || a.attentionReason !== null);
  });
  // Under this much chaos an app can legitimately hit the 11-restart cap (§5) and stop where staff
  // see it; staff press Retry, as they would (§10). Anything else that stops is a failure below.
  let staffRetries = 0;
  for (let round = 0; round < 10; round++) {
    await r.drain({ until: finished, maxMs: 30 * 24 * 3600_000 });
    const stopped = ids.filter((id) => r.app(id)?.app.attentionReason === 'restarts');
    if (stopped.length === 0) break;
    for (const id of stopped) {
      staffRetries += 1;
      expect(await r.worker.staffAction(id, { kind: 'retry' }, { userId: 'staff-1', admin: false })).toMatchObject({ ok: true });
    }
  }

  const counts = r.emu.publishCounts();
  const problems: string[] = [];
  for (const id of ids) {
    const s = r.app(id)!;
    const published = r.emu.containers(id).filter((c) => c.publishCount > 0);
    if (s.app.step !== 'COMPLETED') problems.push(`${id}: ${s.app.step} / ${s.app.attentionReason}`);
    if (counts[id]?.containersPublished !== 1 || published[0]?.containerId !== s.app.currentContainerId) problems.push(`${id}: published ${counts[id]?.containersPublished}`);
  }
  expect(problems).toEqual([]);

  // No call of any kind while a Retry-After runs (§5: 429 sets the queue-wide not_before).
  const log = r.emu.requests();
  const limited = log.filter((e) => e.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  for (const e of limited) {
    const early = log.filter((n) => n.at > e.at && n.at < e.at + RETRY_AFTER_S * 1000);
    expect(early.map((n) => `${n.operation} ${n.at - e.at} ms after a 429 on ${e.operation}`)).toEqual([]);
  }
  // The faults really happened, and the worker never failed inside.
  const fired = new Map<string, number>();
  for (const e of log) if (e.fault) fired.set(e.fault.split(':')[0]!, (fired.get(e.fault.split(':')[0]!) ?? 0) + 1);
  for (const kind of ['resetDuringRequest', 'resetDuringResponse', 'delay', 'http', 'refuse', 'applyThenDrop', 'applyThen', 'sessionExpired', 'flag']) {
    expect(fired.get(kind) ?? 0, kind).toBeGreaterThan(0);
  }
  expect(r.warnings.filter((w) => w.level >= 50)).toEqual([]);
  console.info(`network chaos: ${APPS} applications, ${log.length} requests, ${staffRetries} staff retries after the restart cap, faults ${JSON.stringify(Object.fromEntries(fired))}`);
}, 300_000);
