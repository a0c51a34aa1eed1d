// SUBMISSION-PROTOCOL §12 tests 5 (credentials and sessions) and 6 (result polling), against the
// real emulator with a manual clock.
import { afterEach, describe, expect, it } from 'vitest';
import { nominalPollIntervalMs } from '../../../main/sync/poll-schedule';
import type { SyncEvent } from '../../../main/sync/sync-events';
import { KIOSK_USER, startRig, type Rig, type RigOptions } from './sync-rig';

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

const logins = (r: Rig) => r.emu.requests().filter((e) => e.operation === 'session/login');

describe('§12.5 credentials', () => {
  it('a bad password makes exactly one login request, pauses the queue, and logs in again only on "Try again"', async () => {
    const credentials: Record<string, { username: string; password: string }> = { kiosk: { username: KIOSK_USER, password: 'not-the-password' } };
    const r = await run({ credentials });
    const appId = await r.capture();
    await r.drain({ maxMs: 6 * HOUR });
    expect(logins(r)).toHaveLength(1);
    const summary = r.worker.summary();
    expect(summary.queueState).toBe('PAUSED_AUTH');
    expect(summary.blocking).toMatchObject({ kind: 'paused-auth', accountIds: ['kiosk'] });
    expect(r.store.accounts.get('kiosk')?.pauseState).toBe('PAUSED_AUTH');
    expect(r.app(appId)!.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', failures: 0 });

    // "Sync now" is not "Try again": still no login.
    r.worker.syncNow();
    await r.drain({ maxMs: HOUR });
    expect(logins(r)).toHaveLength(1);

    // "Try again" with the password still wrong: exactly one more login, still paused.
    expect(await r.worker.tryAgain('kiosk')).toMatchObject({ ok: false, code: 'sync.sign-in-refused' });
    await r.drain({ maxMs: HOUR });
    expect(logins(r)).toHaveLength(2);

    // An administrator fixes the password: one login, and the queue runs again.
    credentials.kiosk = { username: KIOSK_USER, password: r.emu.users.find((u) => u.username === KIOSK_USER)!.password };
    expect(await r.worker.tryAgain('kiosk', { credentialsChanged: true })).toMatchObject({ ok: true });
    await r.drain({ until: () => r.app(appId)?.app.step === 'COMPLETED' });
    expect(r.app(appId)!.app.step).toBe('COMPLETED');
    expect(r.worker.summary().queueState).toBe('RUNNING');
    expect(r.store.accounts.get('kiosk')?.pauseState).toBeNull();
  });

  it.each([
    ['a locked account', { locked: true }],
    ['an account that needs MFA', { mfa: true }],
    ['an account whose password must change', { passwordExpired: true }],
  ])('%s: one login, PAUSED_AUTH, nothing more until staff act', async (_name, flags) => {
    const r = await run();
    r.emu.setUser(KIOSK_USER, flags);
    await r.capture();
    await r.drain({ maxMs: 6 * HOUR });
    expect(logins(r)).toHaveLength(1);
    expect(r.worker.summary().queueState).toBe('PAUSED_AUTH');
    expect(r.emu.requests().filter((e) => e.operation.startsWith('dataAccess/'))).toEqual([]);
  });

  it('the pause survives a restart of the worker: still no login until staff act (I6)', async () => {
    const credentials = { kiosk: { username: KIOSK_USER, password: 'wrong' } };
    const r = await run({ credentials });
    await r.capture();
    await r.drain({ maxMs: HOUR });
    expect(logins(r)).toHaveLength(1);
    await r.worker.stop();
    const { SubmissionWorker } = await import('../../../main/sync/submission-worker');
    const again = new SubmissionWorker({ store: r.port, apiFor: () => { throw new Error('no client may be asked for'); }, clock: r.time, scheduler: r.time });
    again.start();
    await again.whenIdle();
    expect(again.summary().queueState).toBe('PAUSED_AUTH');
    expect(again.nextWakeAt()).toBeNull();
    await again.stop();
  });

  it.each([
    ['SessionExpired flag', 200],
    ['HTTP 401', 401],
  ] as const)('a session that expires mid-sequence (%s) repeats the same step after one login, without counting a failure', async (_name, status) => {
    let expired = false;
    const live: { rig?: Rig } = {};
    const maxFailures: number[] = [];
    const onEvent = (e: SyncEvent) => {
      if (e.type !== 'app') return;
      maxFailures.push(e.item.failures);
      if (!expired && e.item.step === 'UPLOAD_IMAGE') {
        expired = true;
        live.rig?.emu.expireSessions();
      }
    };
    const r = await run({ onEvent, emulator: { statusMode: { sessionExpired: status } } });
    live.rig = r;
    const appId = await r.capture();
    await r.drain({ until: () => r.app(appId)?.app.step === 'COMPLETED' });
    expect(r.app(appId)!.app.step).toBe('COMPLETED');
    expect(Math.max(...maxFailures)).toBe(0);
    const calls = r.emu.requests().map((e) => `${e.operation}:${e.status}:${e.success}`);
    const upload = calls.indexOf(`dataAccess/uploadImage:${status}:false`);
    expect(upload).toBeGreaterThan(0);
    // Refused upload → one login → the same upload again.
    expect(calls.slice(upload + 1, upload + 3)).toEqual(['session/login:200:true', 'dataAccess/uploadImage:200:true']);
    expect(logins(r)).toHaveLength(2);
    expect(r.emu.publishCounts()[appId]).toMatchObject({ containersCreated: 1, containersPublished: 1 });
  });

  it('an account paused for bad credentials does not hold back apps of another account', async () => {
    const credentials: Record<string, { username: string; password: string }> = {};
    const r = await run({ credentials });
    const staff = await r.store.staff.create({ name: 'Pat Example', pin: '482916', role: 'staff' }, 'admin');
    const account = r.store.accounts.savePersonal({ staffId: staff.id, username: 'demo.frontdesk', password: 'wrong' }, 'admin');
    credentials[account.id] = { username: 'demo.frontdesk', password: 'wrong' };
    const personalApp = await r.capture({ accountId: account.id });
    const kioskApp = await r.capture();
    await r.drain({ until: () => r.app(kioskApp)?.app.step === 'COMPLETED', maxMs: 6 * HOUR });
    expect(r.app(kioskApp)!.app.step).toBe('COMPLETED');
    expect(r.app(personalApp)!.app.step).toBe('CREATE_CONTAINER');
    expect(r.store.accounts.get(account.id)?.pauseState).toBe('PAUSED_AUTH');
    expect(r.worker.summary().blocking).toMatchObject({ kind: 'paused-auth', accountIds: [account.id] });
  });
});

describe('§12.6 result polling', () => {
  it('a referred application shows "Referred", then completes after the expert review', async () => {
    const r = await run();
    const appId = await r.capture();
    r.emu.setScenario({ clientApplicationReference: appId, outcome: 'refer', reviewVerdict: 1 });
    await r.drain({ until: () => r.app(appId)?.app.step === 'COMPLETED' });
    const states = r.events.flatMap((e) => (e.type === 'app' && e.item.appId === appId ? [e.item.state] : []));
    expect(states).toContain('referred');
    expect(states.indexOf('referred')).toBeLessThan(states.lastIndexOf('completed'));
    const s = r.app(appId)!.app;
    expect(s).toMatchObject({ step: 'COMPLETED', resultStatus: 'final' });
    expect(JSON.parse(s.resultSnapshot!)).toMatchObject({ DocumentStorageType: 3, Referred: false });
  });

  it('with a manual clock, the retrieve times follow §7.6 within the ±10 % jitter', async () => {
    const r = await run({ emulator: { processing: { workflowDelayMs: 500, decisionDelayMs: 2_000, reviewDelayMs: 3 * HOUR } } });
    const appId = await r.capture();
    r.emu.setScenario({ clientApplicationReference: appId, outcome: 'refer' });
    await r.drain({ until: () => r.app(appId)?.app.step === 'COMPLETED' });
    const publishedAt = r.app(appId)!.app.publishedAt!;
    const polls = r.emu.requests().filter((e) => e.operation === 'dataAccess/retrieveDocumentContainer').map((e) => e.at - publishedAt);
    expect(polls.length).toBeGreaterThan(25);
    expect(polls[0]!).toBeGreaterThanOrEqual(27_000);
    expect(polls[0]!).toBeLessThanOrEqual(33_000);
    for (let i = 1; i < polls.length; i++) {
      const gap = polls[i]! - polls[i - 1]!;
      const nominal = nominalPollIntervalMs(polls[i - 1]!);
      expect(gap).toBeGreaterThanOrEqual(nominal * 0.9 - 1);
      expect(gap).toBeLessThanOrEqual(nominal * 1.1 + 1);
    }
    // The ladder is there: 30 s steps, then 1, 2, 4, 8 and 10 min.
    const nominals = new Set(polls.slice(0, -1).map((t) => nominalPollIntervalMs(t) / 1000));
    expect([...nominals]).toEqual([30, 60, 120, 240, 480, 600]);
  });

  it('48 h without a final result gives RESULT_OVERDUE; "Check now" then makes one retrieve', async () => {
    const r = await run({ emulator: { processing: { workflowDelayMs: 500, decisionDelayMs: 2_000, reviewDelayMs: 100 * HOUR } } });
    const appId = await r.capture();
    r.emu.setScenario({ clientApplicationReference: appId, outcome: 'refer' });
    await r.drain({ until: () => r.app(appId)?.app.step === 'RESULT_OVERDUE' });
    const s = r.app(appId)!.app;
    expect(s.step).toBe('RESULT_OVERDUE');
    expect(r.time.now() - s.publishedAt!).toBeGreaterThanOrEqual(48 * HOUR);
    expect(r.time.now() - s.publishedAt!).toBeLessThan(48 * HOUR + MIN);
    // No automatic polls afterwards.
    const before = r.emu.requests().length;
    await r.drain({ maxMs: 24 * HOUR });
    await r.setTime(r.time.now() + 24 * HOUR);
    await r.worker.whenIdle();
    expect(r.emu.requests().length).toBe(before);

    const container = r.app(appId)!.app.currentContainerId!;
    r.emu.completeReview(container, 1);
    const result = await r.worker.staffAction(appId, { kind: 'check_now' }, { userId: 'staff-2', admin: false });
    expect(result).toMatchObject({ ok: true, item: { state: 'completed' } });
    // One retrieve that TrustID answered (the session had lapsed in the quiet 24 h: renewed first).
    const answered = r.emu.requests().slice(before).filter((e) => e.operation === 'dataAccess/retrieveDocumentContainer' && e.success === true);
    expect(answered).toHaveLength(1);
  });
});
