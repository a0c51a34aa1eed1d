// The submission lane with several applications in flight (SyncParams.submissionConcurrency): the
// real worker and a real store in a temp folder, against a scripted TrustID port that records when
// each call starts and ends.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTd3 } from '../../../../main/demo/emulator';
import { ephemeralCustody } from '../../../../main/store/key-custody';
import { silentLogger } from '../../../../main/logging/logger';
import { openStore, type Store } from '../../../../main/store/open-store';
import { KIOSK_ACCOUNT_ID } from '../../../../main/store/trustid-accounts';
import { systemClock, timerScheduler } from '../../../../main/sync/real-time';
import { submissionStoreFrom } from '../../../../main/sync/store-adapter';
import type { CallOutcome, StepCall } from '../../../../main/sync/submission-types';
import { SubmissionWorker } from '../../../../main/sync/submission-worker';
import type { SyncParams } from '../../../../main/sync/sync-params';
import type { SubmissionApi } from '../../../../main/sync/sync-ports';

type CallRecord = { seq: number; account: string; appId: string; kind: StepCall['kind']; edge: 'start' | 'end' };
type Script = (account: string, appId: string, call: StepCall) => { outcome?: CallOutcome; hold?: Promise<void>; delayMs?: number } | undefined;

const MRZ = buildTd3({ issuingState: 'GBR', surname: 'SAMPLE', givenNames: ['JANE'], documentNumber: '123456789', nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '350101' });

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(opts: { params?: Partial<SyncParams>; script?: Script } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-sync-conc-'));
  // Captures get increasing times, in the past, so all are due and their order is fixed.
  let tick = Date.now() - 3600_000;
  const store: Store = openStore({ dataDir: dir, custody: ephemeralCustody(), log: silentLogger(), now: () => (tick += 1) });
  store.recover();
  const log: CallRecord[] = [];
  let seq = 0;
  const appOfContainer = new Map<string, string>();
  const apiFor = (account: string): SubmissionApi => {
    let session = false;
    return {
      hasSession: () => session,
      login: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        session = true;
        return { class: 'OK' };
      },
      testConnection: async () => ({ class: 'OK' }),
      async call(call) {
        const appId = call.kind === 'createContainer' ? call.appId : appOfContainer.get(call.containerId)!;
        log.push({ seq: seq++, account, appId, kind: call.kind, edge: 'start' });
        const scripted = opts.script?.(account, appId, call);
        if (scripted?.hold) await scripted.hold;
        await new Promise((resolve) => setTimeout(resolve, scripted?.delayMs ?? 1));
        log.push({ seq: seq++, account, appId, kind: call.kind, edge: 'end' });
        if (scripted?.outcome) return scripted.outcome;
        const id = `${call.kind}-${crypto.randomUUID()}`;
        if (call.kind === 'createContainer') appOfContainer.set(id, appId);
        return { class: 'OK', id, httpStatus: 200 };
      },
    };
  };
  const worker = new SubmissionWorker({
    store: submissionStoreFrom(store, { documentFields: () => ({ mrz: MRZ }) }),
    apiFor,
    clock: systemClock,
    scheduler: timerScheduler(),
    log: silentLogger(),
    ...(opts.params ? { params: opts.params } : {}),
  });
  const capture = async (accountId?: string) => {
    const appId = crypto.randomUUID();
    await store.capture.saveCapture({
      appId,
      capturedBy: null,
      ...(accountId ? { accountId } : {}),
      documents: [
        {
          format: 'TD3',
          personal: { surname: 'SAMPLE', mrz: MRZ },
          images: [2, 3].map((imageType, i) => ({ bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, i]), crypto.randomBytes(2048)]), mime: 'image/jpeg' as const, side: i === 0 ? ('front' as const) : ('back' as const), imageType })),
        },
      ],
    });
    return appId;
  };
  const step = (appId: string) => store.submissions.load(appId)?.app.step;
  const published = (...ids: string[]) => ids.every((id) => step(id) === 'AWAIT_RESULT');
  cleanup = async () => {
    await worker.stop(1_000);
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { store, worker, log, capture, step, published };
}

/** The most apps (or calls of one kind) in flight at once, from the start/end records. */
function maxInFlight(log: CallRecord[], key: (r: CallRecord) => string | null): number {
  const open = new Map<string, number>();
  let max = 0;
  for (const r of log) {
    const k = key(r);
    if (k === null) continue;
    open.set(k, (open.get(k) ?? 0) + (r.edge === 'start' ? 1 : -1));
    max = Math.max(max, [...open.values()].filter((n) => n > 0).length);
  }
  return max;
}

/** Apps between their first call's start and their publish's end. */
function appsInFlight(log: CallRecord[]): number {
  const live = new Set<string>();
  let max = 0;
  for (const r of log) {
    if (r.edge === 'start') live.add(r.appId);
    if (r.edge === 'end' && r.kind === 'publish') live.delete(r.appId);
    max = Math.max(max, live.size);
  }
  return max;
}

const waitFor = (ok: () => boolean) => vi.waitFor(() => expect(ok()).toBe(true), { timeout: 10_000, interval: 10 });

describe('submission lane with several applications in flight', () => {
  it('starts apps oldest capture first and never has more in flight than submissionConcurrency', async () => {
    const t = await setup({ params: { submissionConcurrency: 2 } });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await t.capture());
    t.worker.start();
    await waitFor(() => t.published(...ids));
    const starts = t.log.filter((r) => r.kind === 'createContainer' && r.edge === 'start').map((r) => r.appId);
    expect(starts).toEqual(ids);
    expect(appsInFlight(t.log)).toBe(2);
    // Each app still runs its own steps in §7.1 order.
    for (const id of ids) {
      expect(t.log.filter((r) => r.appId === id && r.edge === 'start').map((r) => r.kind)).toEqual(['createContainer', 'createDocument', 'uploadImage', 'uploadImage', 'publish']);
    }
  });

  it('keeps at most one upload in flight while other apps make their other calls', async () => {
    const t = await setup({ params: { submissionConcurrency: 4 }, script: (_a, _id, call) => (call.kind === 'uploadImage' ? { delayMs: 15 } : undefined) });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await t.capture());
    t.worker.start();
    await waitFor(() => t.published(...ids));
    expect(maxInFlight(t.log, (r) => (r.kind === 'uploadImage' ? `${r.appId}` : null))).toBe(1);
    expect(appsInFlight(t.log)).toBeGreaterThan(1);
  });

  it('an app whose call never answers does not hold back the others', async () => {
    let release!: () => void;
    const never = new Promise<void>((resolve) => (release = resolve));
    const stuck = { id: '' };
    const t = await setup({ params: { submissionConcurrency: 2 }, script: (_a, appId, call) => (appId === stuck.id && call.kind === 'createDocument' ? { hold: never } : undefined) });
    stuck.id = await t.capture();
    const others = [await t.capture(), await t.capture(), await t.capture()];
    t.worker.start();
    await waitFor(() => t.published(...others));
    expect(t.step(stuck.id)).toBe('CREATE_DOCUMENT');
    release();
    await waitFor(() => t.published(stuck.id));
  });

  it('an app in backoff after a failure does not hold back the others', async () => {
    const stuck = { id: '' };
    const t = await setup({
      params: { submissionConcurrency: 2, backoffBaseMs: 60_000, backoffFloorMs: 60_000 },
      script: (_a, appId, call) => (appId === stuck.id && call.kind === 'createContainer' ? { outcome: { class: 'NOT_APPLIED', httpStatus: 503 } } : undefined),
    });
    stuck.id = await t.capture();
    const others = [await t.capture(), await t.capture(), await t.capture()];
    t.worker.start();
    await waitFor(() => t.published(...others));
    expect(t.store.submissions.load(stuck.id)!.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', failures: 1 });
  });

  it('once an account is paused no call of that account starts, while the other account carries on', async () => {
    let personal = '';
    const t = await setup({
      params: { submissionConcurrency: 4 },
      script: (account, _id, call) => {
        if (account !== personal || call.kind !== 'createContainer') return undefined;
        return { outcome: { class: 'CONFIG', httpStatus: 403 } };
      },
    });
    const staff = await t.store.staff.create({ name: 'Pat Example', pin: '482916', role: 'staff' }, 'admin');
    personal = t.store.accounts.savePersonal({ staffId: staff.id, username: 'demo.frontdesk', password: 'secret' }, 'admin').id;
    const ids: { id: string; account: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const account = i % 2 === 0 ? personal : KIOSK_ACCOUNT_ID;
      ids.push({ id: await t.capture(account === KIOSK_ACCOUNT_ID ? undefined : account), account });
    }
    t.worker.start();
    const kioskIds = ids.filter((a) => a.account === KIOSK_ACCOUNT_ID).map((a) => a.id);
    await waitFor(() => t.published(...kioskIds));
    // Calls already out when the CONFIG answer came may finish; none may start after it (§8).
    const pausedAt = t.log.find((r) => r.account === personal && r.edge === 'end')!.seq;
    const startedAfter = t.log.filter((r) => r.account === personal && r.edge === 'start' && r.seq > pausedAt);
    expect(startedAfter).toEqual([]);
    expect(t.store.accounts.get(personal)?.pauseState).toBe('PAUSED_CONFIG');
    for (const a of ids.filter((x) => x.account === personal)) expect(t.store.submissions.load(a.id)!.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING' });
  });
});
