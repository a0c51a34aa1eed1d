// Settings and secrets as one service: current values, durable updates, the renderer's view.
// Runs in main (plain Node).
import type { PublicSettings, SecretName, SettingsUpdate, SettingsView } from '../../preload/contract';
import { SecretName as SecretNames, Settings } from '../../preload/contract';
import { AppError } from '../app-error';
import type { KeyCustody } from '../store/key-custody';
import { loadSettings, saveSettings } from '../config/settings-file';
import { openSecretStore, type SecretStore } from '../config/secret-store';

export type SettingsService = {
  current(): Settings;
  view(): SettingsView;
  /** What every role may see (the frame, sign-in and lock screens). */
  publicView(): PublicSettings;
  /**
   * Applies a partial change: keys not named keep their values; lists are replaced whole. A change
   * that would strand the data key (and with it the secrets and sealed data) is refused.
   */
  update(patch: SettingsUpdate): SettingsView;
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
  function publicView(): PublicSettings {
    return { language: settings.language, kiosk: { fullscreen: settings.kiosk.fullscreen, idleTimeoutSeconds: settings.kiosk.idleTimeoutSeconds }, accountMode: settings.accounts.mode };
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
    publicView,
    update(patch) {
      const merged = Settings.safeParse(mergePatch(settings, patch));
      if (!merged.success) {
        const where = merged.error.issues[0]?.path.slice(0, 3).join('.') || 'settings';
        throw new AppError('settings.invalid', `The settings could not be saved: ${where} is not valid together with the rest. Nothing was changed.`);
      }
      const next = merged.data;
      const nextCustody = next.security.acceptFileKey !== settings.security.acceptFileKey ? opts.custodyFor(next) : custody;
      if (custody.available && !nextCustody.available) {
        throw new AppError(
          'settings.custody-in-use',
          'The key file cannot be switched off while it holds the data key: the TrustID secrets and any saved checks sealed with it would become unreadable. Nothing was changed.',
        );
      }
      saveSettings(opts.settingsFile, next, fileProblem !== null);
      fileProblem = null;
      const custodyChanged = nextCustody !== custody;
      settings = next;
      if (custodyChanged) {
        custody = nextCustody;
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

/** Objects merge key by key; lists and values replace; an absent key leaves the current value. */
export function mergePatch<T>(current: T, patch: unknown): T {
  if (patch === undefined) return current;
  if (!isPlainObject(current) || !isPlainObject(patch)) return patch as T;
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = mergePatch(current[key], value);
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
