// Which mode the app runs in, and why, from the settings and which secrets are set. Pure.
import type { Mode, SecretName, Settings } from '../../preload/contract';

export const accountSecrets: SecretName[] = ['trustid.apiKey', 'trustid.username', 'trustid.password'];

export type ModeReasonCode = 'demo-selected' | 'custom-no-address' | 'no-account' | 'connected';

export function decideMode(settings: Settings, hasSecret: (name: SecretName) => boolean): { mode: Mode; reason: string; code: ModeReasonCode } {
  const env = settings.trustid.environment;
  if (env === 'demo') return { mode: 'demo', reason: 'Demo mode is selected in Settings.', code: 'demo-selected' };
  if (env === 'custom' && !settings.trustid.customBaseUrl) {
    return { mode: 'demo', reason: 'A custom TrustID environment is selected but it has no address, so Scan Station runs in demo mode.', code: 'custom-no-address' };
  }
  const missing = accountSecrets.filter((name) => !hasSecret(name));
  if (missing.length > 0) {
    return { mode: 'demo', reason: `No TrustID account is configured (missing: ${missing.join(', ')}), so Scan Station runs in demo mode.`, code: 'no-account' };
  }
  return { mode: env, reason: `Connected to the TrustID ${env} environment.`, code: 'connected' };
}
