// A kiosk's first day through the real dispatcher, a real store and the session guard: the admin
// PIN set signed out, staff created with it, sign-in, admin-only calls, lock. Test-only (node).
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/app/dispatcher';
import { registerSessionHandlers } from '../../../main/app/handlers/session-handlers';
import { createSessionService } from '../../../main/session/session-service';
import { fastScrypt, openTestStore, tempDir } from '../../unit/main/store/store-fixture';
import { captureLog } from '../../unit/main/session/session-fixture';

const ctx = { transport: 'test' as const, clientId: 'it' };

function kiosk(opts: { demo?: boolean } = {}) {
  const t = openTestStore();
  const logs = captureLog();
  const session = createSessionService({
    store: t.store,
    custody: () => t.custody,
    stateDir: tempDir('scan-session-it-'),
    verifyTrustIdLogin: async () => {
      throw new Error('shared mode never asks TrustID');
    },
    online: () => false,
    idle: () => ({ timeoutSeconds: 180, warningSeconds: 30 }),
    demo: opts.demo ?? false,
    now: t.clock.now,
    log: logs.log,
    onChange: () => undefined,
    scrypt: fastScrypt,
  });
  const d = createDispatcher(logs.log);
  registerSessionHandlers(d, session);
  // Stand-ins for other services' handlers: the guard is asked before them.
  const reached: string[] = [];
  d.handle('capture.get', () => (reached.push('capture.get'), null));
  d.handle('queue.discard', () => void reached.push('queue.discard'));
  d.handle('settings.clearSecret', () => void reached.push('settings.clearSecret'));
  d.setGuard((channel) => session.authorize(channel));
  const call = (channel: string, payload?: unknown) => d.dispatch(channel, payload, ctx);
  return { ...t, session, call, reached, logs };
}

describe('first run and the access guard', () => {
  it('takes a new kiosk from no admin to a working front desk', async () => {
    const k = kiosk();
    expect(await k.call('capture.get')).toMatchObject({ ok: false, code: 'session.signed-out' });
    expect(await k.call('settings.clearSecret', { name: 'trustid.apiKey' })).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await k.call('session.setAdminPin', { newPin: '246810' })).toMatchObject({ ok: true, value: { adminPinSet: true, admin: false } });
    expect(await k.call('session.setAdminPin', { newPin: '111111' })).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await k.call('session.elevate', { pin: '246810' })).toMatchObject({ ok: true, value: { admin: true, state: 'signed-out' } });
    expect(await k.call('settings.clearSecret', { name: 'trustid.apiKey' })).toEqual({ ok: true, value: undefined });
    const created = await k.call('staff.save', { displayName: 'Ada Front', role: 'staff', active: true, pin: '1357' });
    expect(created).toMatchObject({ ok: true, value: { displayName: 'Ada Front', pinSet: true } });
    const id = (created as { value: { id: string } }).value.id;
    expect(await k.call('capture.get')).toMatchObject({ ok: false, code: 'session.signed-out' });

    expect(await k.call('session.signIn', { method: 'local', staffId: id, pin: '1357' })).toMatchObject({ ok: true, value: { state: 'signed-in', admin: false } });
    expect(await k.call('capture.get')).toEqual({ ok: true, value: null });
    expect(await k.call('queue.discard', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', reason: 'duplicate' })).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await k.call('session.elevate', { pin: '246810' })).toMatchObject({ ok: true, value: { admin: true } });
    expect(await k.call('queue.discard', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', reason: 'duplicate' })).toEqual({ ok: true, value: undefined });

    expect(await k.call('session.lock')).toMatchObject({ ok: true, value: { state: 'locked', admin: false } });
    expect(await k.call('capture.get')).toMatchObject({ ok: false, code: 'session.locked' });
    expect(await k.call('session.unlock', { pin: '1357' })).toMatchObject({ ok: true, value: { state: 'signed-in', admin: false } });
    expect(k.reached).toEqual(['settings.clearSecret', 'capture.get', 'queue.discard']);
    expect(k.store.audit.verify().ok).toBe(true);
  });

  it('opens a demo kiosk with its two seeded accounts in the name picker', async () => {
    const k = kiosk({ demo: true });
    await k.session.ready();
    const directory = await k.call('staff.directory');
    expect(directory).toMatchObject({ ok: true, value: [{ displayName: 'Demo Administrator' }, { displayName: 'Demo Receptionist' }] });
    const admin = (directory as { value: Array<{ id: string }> }).value[0]!;
    expect(await k.call('session.signIn', { method: 'local', staffId: admin.id, pin: '9999' })).toMatchObject({ ok: true, value: { admin: true, staff: { role: 'admin' } } });
    expect(await k.call('staff.list')).toMatchObject({ ok: true, value: [{ role: 'admin' }, { role: 'staff' }] });
  });
});
