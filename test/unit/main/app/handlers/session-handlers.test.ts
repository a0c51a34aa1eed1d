import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../../../preload/contract';
import { createDispatcher } from '../../../../../main/app/dispatcher';
import { silentLogger } from '../../../../../main/logging/logger';
import { registerSessionHandlers } from '../../../../../main/app/handlers/session-handlers';
import { addStaff, sessionHarness } from '../../session/session-fixture';

const ctx = { transport: 'test' as const, clientId: 't' };

function wired(h: ReturnType<typeof sessionHarness>) {
  const d = createDispatcher(silentLogger());
  registerSessionHandlers(d, h.session);
  d.setGuard((channel) => h.session.authorize(channel));
  return d;
}

describe('session handlers', () => {
  it('handle every session.* and staff.* channel of the contract', () => {
    const d = wired(sessionHarness());
    const ours = invokeChannels.filter((c) => c.startsWith('session.') || c.startsWith('staff.'));
    expect(ours.filter((c) => d.unhandled().includes(c))).toEqual([]);
  });

  it('answer through the dispatcher with views the contract accepts, and refusals as envelopes', async () => {
    const h = sessionHarness();
    const d = wired(h);
    const id = await addStaff(h, 'Ada Front', '2468');
    expect(await d.dispatch('staff.directory', undefined, ctx)).toEqual({ ok: true, value: [{ id: expect.any(String), displayName: 'Ada Front' }] });
    expect(await d.dispatch('staff.list', undefined, ctx)).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await d.dispatch('session.signIn', { method: 'local', staffId: id, pin: '0000' }, ctx)).toMatchObject({ ok: false, code: 'session.wrong-pin' });
    const signedIn = await d.dispatch('session.signIn', { method: 'local', staffId: id, pin: '2468' }, ctx);
    expect(signedIn).toMatchObject({ ok: true, value: { state: 'signed-in', staff: { id } } });
    expect(await d.dispatch('session.lock', undefined, ctx)).toMatchObject({ ok: true, value: { state: 'locked' } });
    // A lock the renderer sends again after a reconnect must not fail.
    expect(await d.dispatch('session.lock', undefined, ctx)).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await d.dispatch('staff.directory', undefined, ctx)).toMatchObject({ ok: false, code: 'session.locked' });
    expect(await d.dispatch('session.unlock', { pin: '2468' }, ctx)).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(await d.dispatch('session.signOut', undefined, ctx)).toMatchObject({ ok: true, value: { state: 'signed-out' } });
  });

  it('let the contract refuse a malformed PIN before the service sees it', async () => {
    const h = sessionHarness();
    const d = wired(h);
    expect(await d.dispatch('session.elevate', { pin: '12ab' }, ctx)).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    expect(h.store.audit.list()).toEqual([]);
  });

  it('counts wrong PINs per client, so one socket guessing does not lock out the person at another', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 2, lockoutMinutes: 10 } }, 'system');
    const d = wired(h);
    await addStaff(h, 'Ada Front', '2468');
    const directory = await d.dispatch('staff.directory', undefined, ctx);
    const handle = (directory.ok ? (directory.value as Array<{ id: string }>) : [])[0]!.id;
    for (let client = 0; client < 4; client++) {
      const reply = await d.dispatch('session.signIn', { method: 'local', staffId: handle, pin: '0000' }, { transport: 'websocket', clientId: `ws-${client}` });
      expect(reply).toMatchObject({ ok: false, code: 'session.wrong-pin' });
    }
    expect(await d.dispatch('session.signIn', { method: 'local', staffId: handle, pin: '2468' }, { transport: 'websocket', clientId: 'ws-kiosk' })).toMatchObject({ ok: true, value: { state: 'signed-in' } });
  });
});
