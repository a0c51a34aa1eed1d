// Demo mode's embedded emulator gets per-start random credentials known only to main: the seeded
// (published) ones do not work, and neither the key nor a password reaches the log (issue 12 §1).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../main/demo/emulator';
import { demoCredentials } from '../../../main/app/services/trustid-connection';
import { createTempApp, type TempApp } from '../../fakes/temp-app';

let temp: TempApp;
beforeAll(async () => {
  temp = await createTempApp();
});
afterAll(async () => {
  await temp.close();
});

describe('demo emulator credentials', () => {
  it('are fresh for every start and none of the published ones', () => {
    const a = demoCredentials();
    const b = demoCredentials();
    expect(a.apiKey).not.toBe(b.apiKey);
    expect(a.apiKey.length).toBeGreaterThanOrEqual(32);
    const published = new Set(DEMO_USERS.map((u) => u.password));
    for (const user of a.users) expect(published.has(user.password)).toBe(false);
    expect(a.users.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username));
  });

  it('refuse the published key and password on the running demo emulator, and never reach the log', async () => {
    const emulator = temp.app.services().trustid.emulator!;
    expect(emulator.apiKey).not.toBe('emulator-key');
    const kiosk = DEMO_USERS.find((u) => u.username === 'demo.kiosk')!;
    const tryLogin = async (apiKey: string, password: string) => {
      const res = await fetch(`${emulator.baseUrl}session/login/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tid-api-key': apiKey },
        body: JSON.stringify({ DeviceId: 'probe', Username: kiosk.username, Password: password }),
      });
      return ((await res.json()) as { Success?: boolean }).Success === true;
    };
    const live = emulator.users.find((u) => u.username === 'demo.kiosk')!;
    expect(await tryLogin('emulator-key', kiosk.password)).toBe(false);
    expect(await tryLogin(emulator.apiKey, kiosk.password)).toBe(false);
    expect(await tryLogin(emulator.apiKey, live.password)).toBe(true);
    const log = fs.readFileSync(temp.logFile, 'utf8');
    expect(log).not.toContain(emulator.apiKey);
    for (const user of emulator.users) expect(log).not.toContain(user.password);
  });
});
