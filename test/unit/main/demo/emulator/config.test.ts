// Emulator configuration (RAW-API §15.1): defaults, validation and merging.
import { describe, expect, it } from 'vitest';
import { ConfigPatchSchema, defaultConfig, mergeConfig, visibilityName, visibilityOf } from '../../../../../main/demo/emulator/config';
import { DEMO_USERS } from '../../../../../main/demo/emulator/seed-data';

describe('emulator configuration', () => {
  it('has the §15.1 defaults', () => {
    const config = defaultConfig(DEMO_USERS);
    expect(config).toMatchObject({
      apiKey: 'emulator-key',
      statusMode: { sessionExpired: 200, apiKey: 200 },
      session: { idleTimeoutS: 1200, absoluteTimeoutS: 43200, singlePerDevice: false },
      login: { lockAfterFailures: 5 },
      temp: { purgeAfterS: 86400 },
      upload: { maxBytes: 20971520 },
      images: { realistic: false },
      processing: { workflowDelayMs: 500, decisionDelayMs: 2000, reviewDelayMs: 30000 },
      scenario: { default: 'auto', referSurnames: ['REFER'] },
      dates: { offset: '+0000', emitSentinels: false },
      webhooks: { defaultUrl: null, maxAttempts: 10, timeoutMs: 10000 },
    });
  });

  it('merges a patch section by section, keeping what it does not mention', () => {
    const merged = mergeConfig(defaultConfig(DEMO_USERS), ConfigPatchSchema.parse({ processing: { reviewDelayMs: 5 }, apiKey: null }));
    expect(merged.processing).toEqual({ workflowDelayMs: 500, decisionDelayMs: 2000, reviewDelayMs: 5 });
    expect(merged.apiKey).toBeNull();
    expect(merged.users).toBe(DEMO_USERS);
  });

  it('accepts users in camelCase or the PascalCase of §15.1', () => {
    const parsed = ConfigPatchSchema.parse({ users: [{ Username: 'a', Password: 'b', ArchiveVisibility: 3, Mfa: true }] });
    expect(parsed.users?.[0]).toMatchObject({ username: 'a', password: 'b', archiveVisibility: 3, mfa: true });
    expect(visibilityOf({ username: 'x', password: 'y' })).toBe(2);
    expect(visibilityOf({ username: 'x', password: 'y', archiveVisibility: 'Branch' })).toBe(1);
    expect(visibilityName(3)).toBe('Organisation');
  });

  it('refuses values outside what the switches allow', () => {
    expect(() => ConfigPatchSchema.parse({ statusMode: { sessionExpired: 500 } })).toThrow();
    expect(() => ConfigPatchSchema.parse({ dates: { offset: '1 hour' } })).toThrow();
    expect(() => ConfigPatchSchema.parse({ scenario: { default: 'maybe' } })).toThrow();
    expect(() => ConfigPatchSchema.parse({ webhooks: { events: { NotAnEvent: true } } })).toThrow();
  });
});
