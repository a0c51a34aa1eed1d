// An administrator enters a TrustID account: the services stop and start again for the new mode,
// and the contract keeps answering from the new set.
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../main/demo/emulator';
import { createTempApp, signInAsDemoAdmin, type TempApp } from '../../fakes/temp-app';

let temp: TempApp;
let emulator: RunningEmulator;
afterAll(async () => {
  await temp?.close();
  await emulator?.close();
});

const ctx = { transport: 'test' as const, clientId: 'restart' };

describe('services restart when the TrustID account changes', () => {
  it('moves from demo to the configured TrustID, and staff sign in again', async () => {
    emulator = await startEmulator({ port: 0 });
    temp = await createTempApp({ acceptFileKey: true });
    const { app } = temp;
    await signInAsDemoAdmin(app);
    expect(app.info().mode).toBe('demo');
    expect(app.services().trustid.emulator).not.toBeNull();

    const user = emulator.users.find((u) => u.username === 'demo.kiosk')!;
    for (const [name, value] of [['trustid.apiKey', emulator.apiKey], ['trustid.username', user.username], ['trustid.password', user.password]] as const) {
      expect(await app.dispatcher.dispatch('settings.setSecret', { name, value }, ctx)).toMatchObject({ ok: true });
    }
    // Still demo: the environment is demo, so entering secrets restarts nothing.
    expect(app.info().mode).toBe('demo');
    const settings = app.settings.current();
    const updated = await app.dispatcher.dispatch('settings.update', { ...settings, trustid: { environment: 'custom', customBaseUrl: emulator.origin } }, ctx);
    expect(updated).toMatchObject({ ok: true });

    // The next call waits for the restart, then answers from the new services.
    const session = await app.dispatcher.dispatch('session.get', undefined, ctx);
    expect(session).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(app.info().mode).toBe('custom');
    expect(app.services().trustid.emulator).toBeNull();
    const queue = await app.dispatcher.dispatch('queue.summary', undefined, ctx);
    expect(queue).toMatchObject({ ok: false, code: 'session.signed-out' });
    expect(app.services().queue.summary().connection).not.toBe('paused');
  });
});
