// Issue 11 §2–§3 with the real app and the emulator over HTTP: Test connection signs in without
// saving; a switch to an environment that refuses the kiosk shows on the status (not "Online"); and
// with nobody able to sign in, the admin PIN still reaches Settings and undoes the switch.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../main/demo/emulator';
import { createTempApp, signInAsDemoAdmin, type TempApp } from '../../fakes/temp-app';

let temp: TempApp;
let emulator: RunningEmulator;
afterAll(async () => {
  await temp?.close();
  await emulator?.close();
});

const ctx = { transport: 'test' as const, clientId: 'lock-out' };

describe('settings an admin can always reach', () => {
  it('tests, switches, shows the refused sign-in, and undoes the switch through the admin PIN', async () => {
    emulator = await startEmulator({ port: 0 });
    temp = await createTempApp({ acceptFileKey: true });
    const { app } = temp;
    const call = (channel: string, payload?: unknown) => app.dispatcher.dispatch(channel, payload, ctx);
    await signInAsDemoAdmin(app);
    const user = emulator.users.find((u) => u.username === 'demo.kiosk')!;
    const custom = { environment: 'custom', customBaseUrl: emulator.origin, apiKey: emulator.apiKey, username: user.username };

    // Test connection: plain outcomes, nothing saved.
    expect(await call('trustid.testConnection', { ...custom, password: 'wrong-password' })).toMatchObject({ ok: true, value: { outcome: 'refused' } });
    expect(await call('trustid.testConnection', { ...custom, password: user.password })).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    expect(await call('trustid.testConnection', { ...custom, customBaseUrl: 'http://127.0.0.1:1/', password: user.password })).toMatchObject({ ok: true, value: { outcome: 'unreachable' } });
    expect(await call('trustid.testConnection', { environment: 'custom', customBaseUrl: emulator.origin })).toMatchObject({ ok: true, value: { outcome: 'incomplete', missing: ['trustid.apiKey', 'trustid.username', 'trustid.password'] } });
    expect(await call('trustid.testConnection', { ...custom, password: 'x', extra: 1 })).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    expect(app.settings.current().trustid.environment).toBe('demo');
    expect(app.settings.secrets().has('trustid.password')).toBe(false);

    // The switch the issue describes: a wrong password saved anyway.
    for (const [name, value] of [['trustid.apiKey', emulator.apiKey], ['trustid.username', user.username], ['trustid.password', 'wrong-password']] as const) {
      expect(await call('settings.setSecret', { name, value })).toMatchObject({ ok: true });
    }
    expect(await call('settings.update', { ...app.settings.current(), trustid: { environment: 'custom', customBaseUrl: emulator.origin } })).toMatchObject({ ok: true });
    expect(await call('session.get')).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(app.info().mode).toBe('custom');

    // The status says so, instead of "Online".
    await vi.waitFor(() => expect(app.health.current().components.find((c) => c.id === 'trustid')).toMatchObject({ state: 'down', code: 'trustid.sign-in-refused' }), { timeout: 10_000 });

    // Nobody can sign in here (no staff on the new environment), yet the admin route stays open.
    expect(await call('staff.directory')).toMatchObject({ ok: true, value: [] });
    expect(await call('trustid.revert')).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await call('session.setAdminPin', { newPin: '1234' })).toMatchObject({ ok: false, code: 'session.pin-too-simple' });
    expect(await call('session.setAdminPin', { newPin: '2580' })).toMatchObject({ ok: true });
    // A wrong admin PIN comes back as a code with the numbers the renderer words it from.
    expect(await call('session.elevate', { pin: '1357' })).toMatchObject({ ok: false, code: 'session.wrong-pin', params: { count: expect.any(Number), minutes: expect.any(Number) } });
    expect(await call('session.elevate', { pin: '2580' })).toMatchObject({ ok: true, value: { state: 'signed-out', admin: true } });
    expect(await call('settings.get')).toMatchObject({ ok: true });
    expect(await call('trustid.previous')).toMatchObject({ ok: true, value: { environment: 'demo' } });
    // Demo rehearsal is for an administrator at the desk, and only in demo mode.
    expect(await call('demo.set', { outcome: 'pass' })).toMatchObject({ ok: false, code: 'session.signed-out' });

    // Undo: back to demo, where the demo staff can sign in again.
    expect(await call('trustid.revert')).toMatchObject({ ok: true });
    expect(await call('session.get')).toMatchObject({ ok: true });
    expect(app.info().mode).toBe('demo');
    expect(app.health.current().components.some((c) => c.code?.startsWith('trustid.sign-in'))).toBe(false);
    await signInAsDemoAdmin(app);
    expect(await call('demo.set', { trustid: 'slow' })).toMatchObject({ ok: true, value: { trustid: 'slow' } });
    expect(await call('demo.set', { trustid: 'sluggish' })).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
  }, 60_000);

  it('keeps demo rehearsal from staff who are not administrators', async () => {
    const { app } = temp;
    const call = (channel: string, payload?: unknown) => app.dispatcher.dispatch(channel, payload, ctx);
    await call('session.signOut');
    const directory = (await call('staff.directory')) as { ok: true; value: Array<{ id: string; displayName: string }> };
    const receptionist = directory.value.find((s) => s.displayName === 'Demo Receptionist')!;
    expect(await call('session.signIn', { method: 'local', staffId: receptionist.id, pin: '1234' })).toMatchObject({ ok: true });
    expect(await call('demo.set', { outcome: 'fail' })).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await call('demo.get')).toMatchObject({ ok: false, code: 'session.admin-required' });
  });
});
