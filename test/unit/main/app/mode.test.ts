import { describe, expect, it } from 'vitest';
import { decideMode } from '../../../../main/app/mode';
import { defaultSettings } from '../../../../main/config/settings-file';
import type { SecretName } from '../../../../preload/contract';

const withEnv = (environment: 'demo' | 'sandbox' | 'production' | 'custom', customBaseUrl: string | null = null) => {
  const s = defaultSettings();
  return { ...s, trustid: { environment, customBaseUrl } };
};
const all = () => true;
const only = (...names: SecretName[]) => (n: SecretName) => names.includes(n);

describe('mode', () => {
  it('is demo with default settings', () => {
    expect(decideMode(defaultSettings(), all).mode).toBe('demo');
  });

  it('is demo, naming what is missing, when the account is incomplete', () => {
    const m = decideMode(withEnv('production'), only('trustid.apiKey'));
    expect(m.mode).toBe('demo');
    expect(m.reason).toContain('trustid.username');
    expect(m.reason).toContain('trustid.password');
  });

  it('follows the environment once the account is complete', () => {
    expect(decideMode(withEnv('sandbox'), all).mode).toBe('sandbox');
    expect(decideMode(withEnv('production'), all).mode).toBe('production');
  });

  it('needs an address for a custom environment', () => {
    expect(decideMode(withEnv('custom'), all).mode).toBe('demo');
    expect(decideMode(withEnv('custom', 'https://tid.example/'), all).mode).toBe('custom');
  });
});
