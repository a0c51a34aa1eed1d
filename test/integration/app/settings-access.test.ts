// settings.get is for administrators: signed-out windows and receptionists get neither paths nor
// which secrets are set, only the public part through settings.changed and app.info (issue 12 §1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../preload/contract';
import { createTempApp, type TempApp } from '../../fakes/temp-app';

let temp: TempApp;
const ctx = { transport: 'test' as const, clientId: 'access' };
beforeAll(async () => {
  temp = await createTempApp({ acceptFileKey: true });
});
afterAll(async () => {
  await temp.close();
});

async function signIn(name: string, pin: string) {
  const directory = await temp.app.dispatcher.dispatch('staff.directory', undefined, ctx);
  const who = (directory.ok ? (directory.value as Array<{ id: string; displayName: string }>) : []).find((s) => s.displayName === name)!;
  const reply = await temp.app.dispatcher.dispatch('session.signIn', { method: 'local', staffId: who.id, pin }, ctx);
  expect(reply.ok).toBe(true);
}

describe('settings access by role', () => {
  it('refuses settings.get to a signed-out window and to a receptionist, and serves an administrator', async () => {
    const paths = temp.paths.settingsFile;
    const signedOut = await temp.app.dispatcher.dispatch('settings.get', undefined, ctx);
    expect(signedOut).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(JSON.stringify(signedOut)).not.toContain(paths);

    await signIn('Demo Receptionist', '1234');
    expect(await temp.app.dispatcher.dispatch('settings.get', undefined, ctx)).toMatchObject({ ok: false, code: 'session.admin-required' });
    expect(await temp.app.dispatcher.dispatch('settings.update', { language: 'cy' }, ctx)).toMatchObject({ ok: false, code: 'session.admin-required' });
    // What a receptionist's screens need still comes: the language and kiosk flags in app.info.
    expect(await temp.app.dispatcher.dispatch('app.info', undefined, ctx)).toMatchObject({ ok: true, value: { language: 'en', kiosk: false } });
    await temp.app.dispatcher.dispatch('session.signOut', undefined, ctx);

    await signIn('Demo Administrator', '9999');
    expect(await temp.app.dispatcher.dispatch('settings.get', undefined, ctx)).toMatchObject({ ok: true, value: { file: { path: paths } } });
    await temp.app.dispatcher.dispatch('session.signOut', undefined, ctx);
  });

  it('sends every window only the public part when settings change', async () => {
    const heard: Array<[EventName, unknown]> = [];
    const detach = temp.app.events.attach((event, payload) => heard.push([event, payload]));
    await signIn('Demo Administrator', '9999');
    const reply = await temp.app.dispatcher.dispatch('settings.update', { kiosk: { idleTimeoutSeconds: 300 } }, ctx);
    expect(reply.ok).toBe(true);
    detach();
    await temp.app.dispatcher.dispatch('session.signOut', undefined, ctx);
    const changed = heard.filter(([event]) => event === 'settings.changed').map(([, payload]) => payload);
    expect(changed.at(-1)).toEqual({ language: 'en', kiosk: { fullscreen: false, idleTimeoutSeconds: 300 }, accountMode: 'shared' });
    expect(JSON.stringify(changed)).not.toContain(temp.paths.settingsFile);
    expect(JSON.stringify(changed)).not.toContain('configured');
  });

  it('refuses a misspelt key by name and changes nothing, custody and secrets included', async () => {
    await signIn('Demo Administrator', '9999');
    await temp.app.dispatcher.dispatch('settings.setSecret', { name: 'trustid.apiKey', value: 'key-for-test' }, ctx);
    const before = temp.app.settings.current();
    const reply = await temp.app.dispatcher.dispatch('settings.update', { langauge: 'cy' }, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    if (reply.ok) throw new Error('expected failure');
    expect(reply.message).toContain('"langauge"');
    expect(temp.app.settings.current()).toEqual(before);
    const view = await temp.app.dispatcher.dispatch('settings.get', undefined, ctx);
    expect(view).toMatchObject({ ok: true, value: { settings: { security: { acceptFileKey: true } }, secrets: { 'trustid.apiKey': { configured: true } } } });
    await temp.app.dispatcher.dispatch('session.signOut', undefined, ctx);
  });
});
