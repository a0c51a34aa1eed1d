// Settings and secrets as one service: current values, durable updates, the renderer's view.
// Runs in main (plain Node).
import type { SecretName, Settings, SettingsView } from '../../preload/contract';
import { SecretName as SecretNames } from '../../preload/contract';
import type { KeyCustody } from '../config/key-custody';
import { loadSettings, saveSettings } from '../config/settings-file';
import { openSecretStore, type SecretStore } from '../config/secret-store';

export type SettingsService = {
  current(): Settings;
  view(): SettingsView;
  update(next: Settings): SettingsView;
  secrets(): SecretStore;
  custody(): KeyCustody;
  /** Called after every change, with the new view. */
  onChange(listener: (view: SettingsView) => void): void;
  /** Problems worth telling staff at start-up (broken settings or secrets file). */
  problems(): string[];
};

export function createSettingsService(opts: {
  settingsFile: string;
  secretsFile: string;
  custodyFor: (settings: Settings) => KeyCustody;
}): SettingsService {
  const loaded = loadSettings(opts.settingsFile);
  let settings = loaded.settings;
  let fileProblem = loaded.problem;
  let custody = opts.custodyFor(settings);
  let secrets = openSecretStore(opts.secretsFile, custody);
  const listeners: Array<(view: SettingsView) => void> = [];

  function view(): SettingsView {
    return {
      settings,
      secrets: Object.fromEntries(SecretNames.options.map((name) => [name, { configured: secrets.has(name) }])) as SettingsView['secrets'],
      file: { path: opts.settingsFile, problem: fileProblem },
      secretStorage: { available: custody.available, reason: custody.reason },
    };
  }
  function changed() {
    const v = view();
    for (const listener of listeners) listener(v);
    return v;
  }
  function wrapSecrets(store: SecretStore): SecretStore {
    return {
      has: (name) => store.has(name),
      get: (name) => store.get(name),
      set: (name: SecretName, value: string) => {
        store.set(name, value);
        changed();
      },
      clear: (name: SecretName) => {
        store.clear(name);
        changed();
      },
      get problem() {
        return store.problem;
      },
    };
  }

  return {
    current: () => settings,
    view,
    update(next) {
      saveSettings(opts.settingsFile, next, fileProblem !== null);
      fileProblem = null;
      const custodyChanged = next.security.acceptFileKey !== settings.security.acceptFileKey;
      settings = next;
      if (custodyChanged) {
        custody = opts.custodyFor(settings);
        secrets = openSecretStore(opts.secretsFile, custody);
      }
      return changed();
    },
    secrets: () => wrapSecrets(secrets),
    custody: () => custody,
    onChange: (listener) => void listeners.push(listener),
    problems: () => [fileProblem, secrets.problem].filter((p): p is string => p !== null),
  };
}
