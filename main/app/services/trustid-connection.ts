// Which TrustID the app talks to and with which credentials: the embedded emulator in demo mode,
// otherwise sandbox, production or a custom address with the kiosk's secrets; plus one client per
// account (the kiosk's, and each staff member's in personal mode). Runs in main (plain Node).
import type { Mode } from '../../../preload/contract';
import type { SecretStore } from '../../config/secret-store';
import crypto from 'node:crypto';
import { DEMO_USERS, startEmulator, type RunningEmulator } from '../../demo/emulator';
import type { Logger } from '../../logging/logger';
import type { Store } from '../../store/open-store';
import { KIOSK_ACCOUNT_ID } from '../../store/trustid-accounts';
import { syncClientOptions } from '../../sync/trustid-adapter';
import { createTrustIdClient, type TrustIdClient, type TrustIdCredentials } from '../../trustid';
import { AppError } from '../../app-error';

/** RAW-API §18: the base URLs of the real services. */
export const trustIdHosts = { sandbox: 'https://sandbox.trustid.co.uk/', production: 'https://cloud.trustid.co.uk/' } as const;

/**
 * The demo account the kiosk submits under in demo mode: the front desk (Branch visibility, archive
 * privilege), so the results inbox receives the applications made elsewhere at Reception (workflow 2).
 * `demo.kiosk` (no archive privilege) is the one that shows own-records mode.
 */
export const DEMO_KIOSK_USER = 'demo.frontdesk';

export type TrustIdConnection = {
  mode: Mode;
  /** The emulator's, in demo mode only. */
  emulator: RunningEmulator | null;
  /** A client for an account. `sync` clients leave session renewal to the submission protocol (§6). */
  clientFor(accountId: string, purpose: 'sync' | 'interactive'): TrustIdClient;
  /** Checks a staff member's own credentials (personal mode), changing the password first if asked. */
  verifyLogin(req: { username: string; password: string; newPassword?: string }): Promise<void>;
  close(): Promise<void>;
};

export async function openTrustIdConnection(opts: {
  mode: Mode;
  customBaseUrl: string | null;
  secrets: SecretStore;
  store: Pick<Store, 'accounts'>;
  deviceIdFile: string;
  log: Logger;
  /** Tests and developers: the emulator's control endpoints (RAW-API §15.2). */
  emulatorControls?: boolean;
}): Promise<TrustIdConnection> {
  const log = opts.log.child({ module: 'trustid' });
  let emulator: RunningEmulator | null = null;
  let baseUrl: string;
  let apiKey: string;
  let kioskCredentials: () => TrustIdCredentials;

  if (opts.mode === 'demo') {
    // Per-start random credentials known only to this process (issue 12 §1): the seeded demo ones
    // are published, and anything on this machine can reach the loopback port.
    emulator = await startEmulator({
      port: 0,
      controls: opts.emulatorControls ?? false,
      logger: log.child({ module: 'emulator' }),
      ...demoCredentials(),
    });
    const user = emulator.users.find((u) => u.username === DEMO_KIOSK_USER) ?? emulator.users[0]!;
    baseUrl = emulator.origin;
    apiKey = emulator.apiKey;
    kioskCredentials = () => ({ username: user.username, password: user.password });
    log.info({ baseUrl }, 'demo: embedded TrustID emulator started');
  } else {
    baseUrl = opts.mode === 'custom' ? (opts.customBaseUrl ?? '') : trustIdHosts[opts.mode];
    apiKey = opts.secrets.get('trustid.apiKey') ?? '';
    kioskCredentials = () => ({ username: opts.secrets.get('trustid.username') ?? '', password: opts.secrets.get('trustid.password') ?? '' });
  }

  const clients = new Map<string, TrustIdClient>();
  function credentialsFor(accountId: string): () => TrustIdCredentials {
    if (accountId === KIOSK_ACCOUNT_ID) return kioskCredentials;
    return () => {
      const stored = opts.store.accounts.credentials(accountId);
      if (!stored) throw new AppError('trustid.no-credentials', 'This staff member’s TrustID sign-in is no longer stored on this kiosk. They need to sign in online once more.');
      return stored;
    };
  }
  function build(credentials: () => TrustIdCredentials, sync: boolean): TrustIdClient {
    const base = { baseUrl, apiKey, credentials, deviceIdFile: opts.deviceIdFile, logger: log };
    return createTrustIdClient(sync ? syncClientOptions(base) : base);
  }

  return {
    mode: opts.mode,
    emulator,
    clientFor(accountId, purpose) {
      const key = `${purpose}:${accountId}`;
      let client = clients.get(key);
      if (!client) {
        client = build(credentialsFor(accountId), purpose === 'sync');
        clients.set(key, client);
      }
      return client;
    },
    async verifyLogin({ username, password, newPassword }) {
      const client = build(() => ({ username, password }), false);
      try {
        if (newPassword) await client.changePasswordAndLogin(newPassword);
        else await client.login();
      } finally {
        await client.close();
      }
    },
    async close() {
      await Promise.allSettled([...clients.values()].map((c) => c.close()));
      clients.clear();
      if (emulator) await emulator.close();
    },
  };
}

/** A fresh API key and password for every demo user, never printed or logged. */
export function demoCredentials(random: (bytes: number) => string = (n) => crypto.randomBytes(n).toString('base64url')) {
  return { apiKey: random(24), users: DEMO_USERS.map((user) => ({ ...user, password: random(18) })) };
}
