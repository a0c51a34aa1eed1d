// A configured API key and password never appear in the log, in any answer or event the renderer
// receives, or in plain text on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempApp, signInAsDemoAdmin } from '../../fakes/temp-app';

const apiKey = 'APIKEY-7c1e9b2f-do-not-leak';
const password = 'Pa55word-0e61-do-not-leak';
const username = 'desk.user@example.org';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('secrets stay in main', () => {
  it('never reach the renderer, the log or the disk in plain text', async () => {
    const temp = await createTempApp({ acceptFileKey: true });
    const { app } = temp;
    await signInAsDemoAdmin(app);
    const seen: unknown[] = [];
    app.events.attach((name, payload) => seen.push({ name, payload }));
    const ctx = { transport: 'test' as const, clientId: 'leak-test' };

    for (const [name, value] of [['trustid.apiKey', apiKey], ['trustid.password', password], ['trustid.username', username]] as const) {
      seen.push(await app.dispatcher.dispatch('settings.setSecret', { name, value }, ctx));
    }
    // Invalid calls that carry the secret must not echo it back either.
    seen.push(await app.dispatcher.dispatch('settings.setSecret', { name: 'trustid.apiKey', value: apiKey.repeat(200) }, ctx));
    seen.push(await app.dispatcher.dispatch('settings.setSecret', { name: apiKey, value: password }, ctx));
    seen.push(await app.dispatcher.dispatch('settings.update', { trustid: { environment: 'production', customBaseUrl: password } }, ctx));

    const view = await app.dispatcher.dispatch('settings.get', undefined, ctx);
    seen.push(view);
    seen.push(await app.dispatcher.dispatch('settings.update', { ...app.settings.current(), trustid: { environment: 'production', customBaseUrl: null } }, ctx));
    seen.push(await app.dispatcher.dispatch('app.info', undefined, ctx));
    seen.push(await app.dispatcher.dispatch('health.get', undefined, ctx));

    // The secrets did arrive: main can use them, and the mode left demo.
    expect(app.settings.secrets().get('trustid.apiKey')).toBe(apiKey);
    expect(view).toMatchObject({ ok: true, value: { secrets: { 'trustid.apiKey': { configured: true } } } });
    expect(app.info().mode).toBe('production');

    await temp.close();
    const renderer = JSON.stringify(seen);
    const disk = filesUnder(temp.paths.home).map((f) => fs.readFileSync(f).toString('latin1'));
    for (const secret of [apiKey, password]) {
      expect(renderer).not.toContain(secret);
      expect(fs.readFileSync(temp.logFile, 'utf8')).not.toContain(secret);
      for (const text of disk) expect(text).not.toContain(secret);
    }
    expect(renderer).not.toContain(username);
  });
});
