// Contract tests: every typed error the client can raise, produced by the real emulator —
// credentials, API key, sessions (flag and 401 variants), and a server that is not there.
import { afterEach, describe, expect, it } from 'vitest';
import { classifyOutcome } from '../../../main/trustid';
import type { TrustIdClient } from '../../../main/trustid';
import type { EmulatorOptions } from '../../../main/demo/emulator';
import { KIOSK_USER, startHarness } from './emulator-harness';
import type { Harness } from './emulator-harness';
import { errorOf } from '../../support/trustid-error-of';

const harnesses: Harness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()!.close();
});
async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}

const logins = (h: Harness) => h.emu.requests().filter((r) => r.operation === 'session/login').length;

function withPassword(h: Harness, password: string): TrustIdClient {
  return h.client(KIOSK_USER, { credentials: () => ({ username: KIOSK_USER, password }) });
}

describe('client ↔ emulator: login failures', () => {
  it('reports a wrong password as invalid credentials and never retries it on its own', async () => {
    const h = await harness();
    const client = withPassword(h, 'not-the-password');
    const e = await errorOf(client.createDocumentContainer({}));
    expect([e.kind, classifyOutcome(e)]).toEqual(['invalid-credentials', 'AUTH']);
    await errorOf(client.createDocumentContainer({}));
    await errorOf(client.retrieveDocumentContainer({ containerId: '00000000-0000-4000-8000-000000000001' }));
    expect(logins(h)).toBe(1);
  });

  it('reports the account locked once repeated deliberate logins with a wrong password lock it', async () => {
    const h = await harness({ login: { lockAfterFailures: 3 } });
    const client = withPassword(h, 'wrong');
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) kinds.push((await errorOf(client.login())).kind);
    expect(kinds.slice(0, 2)).toEqual(['invalid-credentials', 'invalid-credentials']);
    expect(kinds.at(-1)).toBe('locked-account');
    // Even the right password now meets the lock.
    const right = h.client();
    expect((await errorOf(right.login())).kind).toBe('locked-account');
  });

  it('tells a locked account, a required password change and an MFA account apart', async () => {
    const h = await harness();
    const cases: [Parameters<Harness['emu']['setUser']>[1], string][] = [
      [{ locked: true }, 'locked-account'],
      [{ passwordExpired: true }, 'password-change-required'],
      [{ mfa: true }, 'mfa-required'],
    ];
    for (const [flags, kind] of cases) {
      h.emu.setUser(KIOSK_USER, { locked: false, passwordExpired: false, mfa: false, ...flags });
      const e = await errorOf(h.client().login());
      expect([e.kind, classifyOutcome(e)]).toEqual([kind, 'AUTH']);
    }
  });

  it('changes an expired password and logs in with the new one', async () => {
    const h = await harness();
    h.emu.setUser(KIOSK_USER, { passwordExpired: true });
    const client = h.client();
    expect((await errorOf(client.login())).kind).toBe('password-change-required');
    const info = await client.changePasswordAndLogin('A-Brand-New-Passw0rd!');
    expect(info.user?.Username).toBe(KIOSK_USER);
    const next = h.client(KIOSK_USER, { credentials: () => ({ username: KIOSK_USER, password: 'A-Brand-New-Passw0rd!' }) });
    await next.login();
  });
});

describe('client ↔ emulator: API key', () => {
  it('reports a wrong API key as access denied (CONFIG), whichever way the server signals it', async () => {
    for (const apiKey of [200, 401, 403] as const) {
      const h = await harness({ statusMode: { apiKey } });
      const client = h.client(KIOSK_USER, { apiKey: 'not-the-key' });
      const e = await errorOf(client.login());
      expect([apiKey, e.kind, classifyOutcome(e)]).toEqual([apiKey, 'access-denied', 'CONFIG']);
      await errorOf(client.createDocumentContainer({}));
      expect(logins(h)).toBe(1); // CONFIG stops automatic logins too
    }
  });
});

describe('client ↔ emulator: sessions', () => {
  for (const sessionExpired of [200, 401] as const) {
    it(`renews an expired session once and repeats the call (expiry signalled with HTTP ${sessionExpired})`, async () => {
      const h = await harness({ statusMode: { sessionExpired } });
      const client = h.client();
      await client.createDocumentContainer({ clientApplicationReference: 'before' });
      h.emu.expireSessions();
      const { containerId } = await client.createDocumentContainer({ clientApplicationReference: 'after' });
      expect(containerId).toBeTruthy();
      expect(logins(h)).toBe(2);
      expect(h.emu.containers('after')).toHaveLength(1);
    });
  }

  it('shares one re-login among calls that find the session expired together', async () => {
    const h = await harness();
    const client = h.client();
    await client.login();
    h.emu.expireSessions();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => client.createDocumentContainer({ clientApplicationReference: `together-${i}` })));
    expect(results).toHaveLength(6);
    expect(logins(h)).toBe(2);
  });

  it('survives a server that ends the previous session of the device at every login', async () => {
    const h = await harness({ session: { singlePerDevice: true } });
    const client = h.client();
    await client.login();
    await client.login();
    await client.createDocumentContainer({});
    expect(logins(h)).toBe(2);
  });

  it('logs in again after the session times out idle on the emulator clock', async () => {
    const h = await harness({ clock: 'manual', session: { idleTimeoutS: 60 } });
    const client = h.client();
    await client.createDocumentContainer({});
    await h.emu.advanceClock(61_000);
    await client.createDocumentContainer({});
    expect(logins(h)).toBe(2);
  });
});

describe('client ↔ emulator: no server', () => {
  it('reports a closed port as a network failure that sent nothing (NOT_APPLIED)', async () => {
    const h = await harness();
    const client = h.client();
    await h.emu.close();
    const e = await errorOf(client.testConnection());
    expect([e.kind, e.details.networkReason, e.written, classifyOutcome(e)]).toEqual(['network', 'refused', false, 'NOT_APPLIED']);
  });
});
