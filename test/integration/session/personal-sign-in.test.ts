// Personal-mode sign-in with real parts: the TrustID emulator over real HTTP, the real TrustID
// client doing the login check, a real store in a temp folder, and the real dispatcher with the
// session guard. Test-only (node).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../main/app/dispatcher';
import { startEmulator, type RunningEmulator } from '../../../main/demo/emulator';
import { registerSessionHandlers } from '../../../main/app/handlers/session-handlers';
import { createSessionService, type SessionDeps, type SessionService } from '../../../main/session/session-service';
import { createTrustIdClient } from '../../../main/trustid';
import { fastScrypt, openTestStore, tempDir, type TestStore } from '../../unit/main/store/store-fixture';
import { captureLog, type LogCapture } from '../../unit/main/session/session-fixture';

const ctx = { transport: 'test' as const, clientId: 'it' };
const emulators: RunningEmulator[] = [];
afterEach(async () => {
  for (const emu of emulators.splice(0)) await emu.close().catch(() => undefined);
});

type Rig = TestStore & { emu: RunningEmulator; session: SessionService; dispatcher: Dispatcher; logs: LogCapture; login(username: string, password: string): Promise<void> };

async function rig(): Promise<Rig> {
  const emu = await startEmulator({ port: 0 });
  emulators.push(emu);
  const t = openTestStore();
  t.store.settings.update({ staff: { accountMode: 'personal' } }, 'system');
  const dir = tempDir('scan-session-it-');
  const logs = captureLog();
  // The app's login check, as main/app wires it: a fresh client with the person's credentials.
  const login = async (username: string, password: string, newPassword?: string) => {
    const client = createTrustIdClient({
      baseUrl: emu.origin,
      apiKey: emu.apiKey,
      credentials: () => ({ username, password }),
      deviceIdFile: path.join(dir, 'device-id.json'),
      deviceId: { machineFingerprint: () => undefined },
      logger: logs.log,
      timeouts: { connectMs: 2_000, jsonMs: 5_000 },
    });
    try {
      if (newPassword) await client.changePasswordAndLogin(newPassword);
      else await client.login();
    } finally {
      await client.close();
    }
  };
  const deps: SessionDeps = {
    store: t.store,
    custody: () => t.custody,
    stateDir: dir,
    verifyTrustIdLogin: ({ username, password, newPassword }) => login(username, password, newPassword),
    online: () => true,
    idle: () => ({ timeoutSeconds: 180, warningSeconds: 30 }),
    demo: false,
    now: t.clock.now,
    log: logs.log,
    onChange: () => undefined,
    scrypt: fastScrypt,
  };
  const session = createSessionService(deps);
  const dispatcher = createDispatcher(logs.log);
  registerSessionHandlers(dispatcher, session);
  dispatcher.setGuard((channel) => session.authorize(channel));
  return { ...t, emu, session, dispatcher, logs, login: (u, p) => login(u, p) };
}

function user(emu: RunningEmulator, name: string) {
  const found = emu.users.find((u) => u.username === name);
  if (!found) throw new Error(`no emulator user ${name}`);
  return found;
}

describe('personal sign-in against the TrustID emulator', () => {
  it('signs in with the real account, and the credentials kept for sync sign in to TrustID again', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    const reply = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    expect(reply).toMatchObject({ ok: true, value: { state: 'signed-in', accountMode: 'personal', staff: { displayName: 'demo.frontdesk' } } });
    const accountId = r.session.current()!.accountId;
    const kept = r.store.accounts.credentials(accountId)!;
    await expect(r.login(kept.username, kept.password)).resolves.toBeUndefined();
    expect(r.logs.text()).not.toContain(desk.password);
  });

  it('reports a wrong password, then the account TrustID locked after repeated failures', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: `Wrong-${i}-password` }, ctx);
      codes.push(reply.ok ? 'ok' : reply.code);
    }
    // The emulator locks on the fifth failure and that answer already says so (RAW-API §2.2).
    expect(codes).toEqual(['session.invalid-credentials', 'session.invalid-credentials', 'session.invalid-credentials', 'session.invalid-credentials', 'session.locked-account']);
    const right = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    expect(right).toMatchObject({ ok: false, code: 'session.locked-account', message: expect.stringContaining('TrustID administrator') });
  });

  it('changes an expired password and signs in, keeping the new password for sync', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    r.emu.setUser(desk.username, { passwordExpired: true });
    const first = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    expect(first).toMatchObject({ ok: false, code: 'session.password-change-required' });
    const newPassword = 'Fresh-Desk-Password-9';
    const changed = await r.dispatcher.dispatch('session.signIn', { method: 'trustid-change-password', username: desk.username, password: desk.password, newPassword }, ctx);
    expect(changed).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(r.store.accounts.credentials(r.session.current()!.accountId)?.password).toBe(newPassword);
    await expect(r.login(desk.username, newPassword)).resolves.toBeUndefined();
    expect(r.logs.text()).not.toContain(newPassword);
  });

  it('explains that a kiosk cannot do multi-factor sign-in', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    r.emu.setUser(desk.username, { mfa: true });
    const reply = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'session.mfa-required' });
  });

  it('falls back to the offline PIN when TrustID goes away, under the same personal account', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    const accountId = r.session.current()!.accountId;
    expect(await r.dispatcher.dispatch('session.setOfflinePin', { pin: '482613' }, ctx)).toMatchObject({ ok: true, value: { offlinePinSet: true } });
    await r.dispatcher.dispatch('session.signOut', undefined, ctx);
    await r.emu.close();
    const online = await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    expect(online).toMatchObject({ ok: false, code: 'session.offline', message: expect.stringContaining('offline PIN') });
    const offline = await r.dispatcher.dispatch('session.signIn', { method: 'offline-pin', username: desk.username, pin: '482613' }, ctx);
    expect(offline).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(r.session.current()?.accountId).toBe(accountId);
    // Locked and unlocked with the password while TrustID is gone: the sealed copy decides.
    await r.dispatcher.dispatch('session.lock', undefined, ctx);
    expect(await r.dispatcher.dispatch('capture.get', undefined, ctx)).toMatchObject({ ok: false });
    expect(await r.dispatcher.dispatch('session.unlock', { password: desk.password }, ctx)).toMatchObject({ ok: true, value: { state: 'signed-in' } });
  });

  it('keeps two people’s captures apart: each signs in to an account of their own', async () => {
    const r = await rig();
    const desk = user(r.emu, 'demo.frontdesk');
    const admin = user(r.emu, 'demo.admin');
    await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: desk.username, password: desk.password }, ctx);
    const first = r.session.current()!;
    await r.dispatcher.dispatch('session.signOut', undefined, ctx);
    await r.dispatcher.dispatch('session.signIn', { method: 'trustid', username: admin.username, password: admin.password }, ctx);
    const second = r.session.current()!;
    expect(second.staffId).not.toBe(first.staffId);
    expect(second.accountId).not.toBe(first.accountId);
    expect(r.store.accounts.credentials(second.accountId)?.username).toBe('demo.admin');
    expect(r.store.accounts.credentials(first.accountId)?.username).toBe('demo.frontdesk');
  });
});
