// Settings → Test connection (issue 11 §3): signs in to the entered environment with the entered
// credentials, or the stored ones where none were entered, and signs out again. Nothing is saved.
// Runs in main (plain Node).
import type { ConnectionTestRequest, ConnectionTestResult, SecretName } from '../../preload/contract';
import type { SecretStore } from '../config/secret-store';
import type { Logger } from '../logging/logger';
import { createTrustIdClient, parseBaseUrl } from '../trustid';
import { connectionOutcomeOf } from './connection-outcome';
import { trustIdHosts } from './services/trustid-connection';

export type ConnectionTestDeps = {
  secrets: () => SecretStore;
  /** The saved custom address, used when the request names none. */
  savedCustomBaseUrl: () => string | null;
  deviceIdFile: string;
  log: Logger;
  /** Short deadlines: an administrator is waiting at the screen. */
  timeoutMs?: number;
};

export async function testConnection(req: ConnectionTestRequest, deps: ConnectionTestDeps): Promise<ConnectionTestResult> {
  if (req.environment === 'demo') return { outcome: 'demo', missing: [] };
  const baseUrl = req.environment === 'custom' ? (req.customBaseUrl ?? deps.savedCustomBaseUrl() ?? '') : trustIdHosts[req.environment];
  try {
    parseBaseUrl(baseUrl);
  } catch (error) {
    return { outcome: connectionOutcomeOf(error), missing: [] };
  }
  const secrets = deps.secrets();
  const value = (name: SecretName, entered: string | undefined) => entered ?? secrets.get(name) ?? null;
  const apiKey = value('trustid.apiKey', req.apiKey);
  const username = value('trustid.username', req.username);
  const password = value('trustid.password', req.password);
  const missing = (
    [
      ['trustid.apiKey', apiKey],
      ['trustid.username', username],
      ['trustid.password', password],
    ] as const
  )
    .filter(([, v]) => !v)
    .map(([name]) => name);
  if (missing.length > 0) return { outcome: 'incomplete', missing };

  const timeout = deps.timeoutMs ?? 15_000;
  const client = createTrustIdClient({
    baseUrl,
    apiKey: apiKey!,
    credentials: () => ({ username: username!, password: password! }),
    deviceIdFile: deps.deviceIdFile,
    logger: deps.log,
    timeouts: { connectMs: Math.min(timeout, 10_000), jsonMs: timeout, logoutMs: 3_000 },
  });
  try {
    await client.login();
    await client.logout();
    deps.log.info({ environment: req.environment }, 'TrustID connection test: signed in');
    return { outcome: 'ok', missing: [] };
  } catch (error) {
    const outcome = connectionOutcomeOf(error);
    deps.log.info({ environment: req.environment, outcome }, 'TrustID connection test failed');
    return { outcome, missing: [] };
  } finally {
    await client.close();
  }
}
