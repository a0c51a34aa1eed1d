// SUBMISSION-PROTOCOL §12 test 1, the fault matrix: each mutating step (container, document, each
// image, publish) against each fault, then the emulator healthy again. Real store, real client, real
// emulator over HTTP; a manual clock makes backoff instant. Asserts: exactly one published container
// for the app id (zero where the app legitimately stopped), the local state matches the emulator,
// and the waits between retries respect §5.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRuleInput, RequestLogEntry } from '../../../main/demo/emulator';
import { startRig, type Rig } from './sync-rig';

const TIMEOUT_MS = 1_000;

type StepCase = { name: string; path: string; nth?: number };
const steps: StepCase[] = [
  { name: 'createDocumentContainer', path: 'dataAccess/createDocumentContainer' },
  { name: 'createDocument', path: 'dataAccess/createDocument' },
  { name: 'uploadImage (front)', path: 'dataAccess/uploadImage', nth: 1 },
  { name: 'uploadImage (back)', path: 'dataAccess/uploadImage', nth: 2 },
  { name: 'publishDocumentContainer', path: 'dataAccess/publishDocumentContainer' },
];

type FaultCase = {
  name: string;
  rule: (s: StepCase) => FaultRuleInput;
  /** How the app ends once the emulator is healthy again. */
  expect: 'completed' | 'rejected' | 'paused';
};

const once = (s: StepCase, action: string, extra: Partial<FaultRuleInput> = {}): FaultRuleInput => ({
  match: { path: s.path, ...(s.nth ? { nth: s.nth } : {}) },
  action,
  times: 1,
  ...extra,
});

const faults: FaultCase[] = [
  { name: 'refuse', rule: (s) => once(s, 'refuse'), expect: 'completed' },
  { name: 'http:408', rule: (s) => once(s, 'http:408'), expect: 'completed' },
  { name: 'http:429 with Retry-After', rule: (s) => once(s, 'http:429', { retryAfter: 45 }), expect: 'completed' },
  { name: 'http:503', rule: (s) => once(s, 'http:503'), expect: 'completed' },
  { name: 'applyThenDrop', rule: (s) => once(s, 'applyThenDrop'), expect: 'completed' },
  { name: 'applyThen:502', rule: (s) => once(s, 'applyThen:502'), expect: 'completed' },
  { name: 'delay past the client timeout, applied', rule: (s) => once(s, `delay:${TIMEOUT_MS + 800}:apply`), expect: 'completed' },
  { name: 'sessionExpired', rule: (s) => once(s, 'sessionExpired'), expect: 'completed' },
  { name: 'flag:Locked', rule: (s) => once(s, 'flag:Locked'), expect: 'completed' },
  { name: 'reject once', rule: (s) => once(s, 'reject', { message: 'Document container not found.' }), expect: 'completed' },
  // Three rejections of the same step: the rule fires on the first three matching requests, across restarts.
  { name: 'reject three times', rule: (s) => ({ match: { path: s.path }, action: 'reject', times: 3 }), expect: 'rejected' },
  { name: 'flag:AccessDenied', rule: (s) => once(s, 'flag:AccessDenied'), expect: 'paused' },
];

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const MIN = 60_000;

/** §5: every wait between two requests of one app's retried operation is within the protocol's bounds. */
function checkRetryWaits(log: RequestLogEntry[]): void {
  const api = log.filter((e) => e.operation.startsWith('dataAccess/'));
  for (let i = 0; i < api.length; i++) {
    const e = api[i]!;
    if (e.fault === null) continue;
    const next = api.slice(i + 1).find((n) => n.operation === e.operation || (e.operation.endsWith('publishDocumentContainer') && n.operation.endsWith('retrieveDocumentContainer')));
    if (next === undefined) continue;
    const gap = next.at - e.at;
    if (e.fault.startsWith('sessionExpired')) {
      // §6: the same step is repeated at once after the renewal.
      expect(gap).toBe(0);
    } else if (e.fault.includes('429')) {
      // Retry-After honoured, and no call of any kind before it (queue-wide not_before).
      expect(gap).toBeGreaterThanOrEqual(45_000);
      const between = log.filter((l) => l.at > e.at && l.at < e.at + 45_000 && l.operation !== 'control');
      expect(between).toEqual([]);
    } else if (e.fault.includes('AccessDenied')) {
      continue;
    } else {
      // Full jitter: never sooner than the 1 s floor, never later than the 15 min cap
      // (or the 2 min settle delay when a publish was ambiguous).
      expect(gap).toBeGreaterThanOrEqual(1_000);
      expect(gap).toBeLessThanOrEqual(15 * MIN);
    }
  }
}

describe.each(steps)('fault matrix: $name', (step) => {
  it.each(faults)('$name', async (fault) => {
    rig = await startRig({ timeouts: { jsonMs: TIMEOUT_MS, uploadMs: TIMEOUT_MS } });
    rig.worker.start();
    rig.emu.addFault(fault.rule(step));
    const appId = await rig.capture({ images: 2 });
    const r = rig;
    const stopped = () => {
      const a = r.app(appId)?.app;
      return a === undefined || a.step === 'AWAIT_RESULT' || a.step === 'COMPLETED' || a.attentionReason !== null;
    };
    await rig.drain({ until: () => stopped() || rig!.worker.summary().queueState !== 'RUNNING', maxMs: 6 * 3600_000 });

    if (fault.expect === 'paused') {
      expect(rig.worker.summary().queueState).toBe('PAUSED_CONFIG');
      expect(rig.app(appId)?.app.phase).toBe('PENDING');
      // Nothing goes to TrustID while paused, however long we wait.
      const before = rig.emu.requests().length;
      await rig.setTime(rig.time.now() + 3 * 3600_000);
      await rig.drain({ maxMs: 3600_000 });
      expect(rig.emu.requests().length).toBe(before);
      rig.emu.clearFaults();
      expect(await rig.worker.tryAgain('kiosk')).toMatchObject({ ok: true });
    }
    rig.emu.clearFaults();
    await rig.drain({ until: () => rig!.app(appId)?.app.step === 'COMPLETED' || rig!.app(appId)?.app.attentionReason !== null, maxMs: 6 * 3600_000 });

    const app = rig.app(appId)!.app;
    const counts = rig.emu.publishCounts()[appId];
    const published = rig.emu.containers(appId).filter((c) => c.publishCount > 0);
    if (fault.expect === 'rejected') {
      expect(app.attentionReason).toBe('rejected');
      expect(published).toHaveLength(0);
    } else {
      expect(app.step).toBe('COMPLETED');
      expect(counts?.containersPublished).toBe(1);
      // The local record names the one published container, and TrustID holds its final result.
      expect(published.map((c) => [c.containerId, c.storageType])).toEqual([[app.currentContainerId, 3]]);
      expect(JSON.parse(rig.app(appId)!.app.resultSnapshot!).Id).toBe(app.currentContainerId);
    }
    // Every container carries the app id (I5); abandoned ones were never published (I1).
    expect(rig.emu.containers(appId).every((c) => c.clientApplicationReference === appId)).toBe(true);
    checkRetryWaits(rig.emu.requests());
    // Nothing failed inside the worker (level 50 = error).
    expect(rig.warnings.filter((w) => w.level >= 50)).toEqual([]);
  });
});
