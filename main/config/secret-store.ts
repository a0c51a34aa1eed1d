// Write-only secrets (TrustID API key and credentials): sealed in secrets.sealed with a key derived
// from the data key. main reads them; the renderer can only learn whether each is set.
// Runs in main (plain Node).
import fs from 'node:fs';
import { SecretName } from '../../preload/contract';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../store/atomic-write';
import { deriveKey, seal, unseal } from '../store/seal';
import type { KeyCustody } from '../store/key-custody';

export type SecretStore = {
  has(name: SecretName): boolean;
  /** For main's own use (the TrustID client). Never hand the value to a transport or a logger. */
  get(name: SecretName): string | undefined;
  set(name: SecretName, value: string): void;
  clear(name: SecretName): void;
  /** A problem reading the file, in plain words, or null. */
  readonly problem: string | null;
};

const AAD = 'secrets.sealed v1';

export function openSecretStore(file: string, custody: KeyCustody): SecretStore {
  let secrets: Partial<Record<SecretName, string>> = {};
  let problem: string | null = null;

  if (custody.available && fs.existsSync(file)) {
    try {
      const json = JSON.parse(unseal(key(), fs.readFileSync(file), AAD).toString('utf8')) as Record<string, unknown>;
      for (const name of SecretName.options) {
        if (typeof json[name] === 'string') secrets[name] = json[name];
      }
    } catch {
      // Not fatal: the app still runs (demo), and the admin re-enters the secrets.
      problem = `The stored TrustID credentials in ${file} could not be opened (the key changed or the file is damaged). Enter them again in Settings.`;
      secrets = {};
    }
  }

  function key() {
    return deriveKey(custody.dataKey(), 'secrets');
  }
  /** Writes `next` durably, and only then makes it current: a full disk leaves the old set in force. */
  function persist(next: Partial<Record<SecretName, string>>) {
    if (!custody.available) throw new AppError('secrets.no-key-store', custody.reason);
    writeFileAtomic(file, seal(key(), Buffer.from(JSON.stringify(next), 'utf8'), AAD));
    secrets = next;
  }

  return {
    has: (name) => Boolean(secrets[name]),
    get: (name) => secrets[name],
    set(name, value) {
      if (!custody.available) throw new AppError('secrets.no-key-store', custody.reason);
      persist({ ...secrets, [name]: value });
    },
    clear(name) {
      if (!(name in secrets)) return;
      const { [name]: _dropped, ...rest } = secrets;
      persist(rest);
    },
    get problem() {
      return problem;
    },
  };
}
