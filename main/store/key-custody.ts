// Key custody: where the data key (which seals secrets and personal data) comes from. One interface,
// several keepers: the OS key store (Electron safeStorage, in main/electron), an owner-only key file
// an administrator has accepted, or a throwaway key (demo data, tests). Runs in main (plain Node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../app-error';
import { writeFileAtomic } from './atomic-write';

export type KeyCustody = {
  kind: 'os-keystore' | 'file' | 'ephemeral' | 'none';
  available: boolean;
  /** Plain words: where the key is kept, or why there is none. */
  reason: string;
  /** The 32-byte data key; throws `secrets.no-key-store` when none is available. */
  dataKey(): Buffer;
};

export const KEY_BYTES = 32;

export function ephemeralCustody(): KeyCustody {
  const key = crypto.randomBytes(KEY_BYTES);
  return {
    kind: 'ephemeral',
    available: true,
    reason: 'A throwaway key kept in memory only: what it seals is unreadable after a restart.',
    dataKey: () => key,
  };
}

export function noCustody(reason: string): KeyCustody {
  return {
    kind: 'none',
    available: false,
    reason,
    dataKey() {
      throw new AppError('secrets.no-key-store', reason);
    },
  };
}

export const fileKeyNotAccepted =
  'This computer offers Scan Station no secure key store. An administrator can accept a key file readable only by this user account (Settings → Security); until then no secrets or personal data are stored.';

/**
 * An owner-only key file (0600), used only when an administrator has accepted it. A key file that
 * other users can read is refused rather than trusted.
 */
export function fileKeyCustody(keyFile: string, accepted: boolean): KeyCustody {
  if (!accepted) return noCustody(fileKeyNotAccepted);
  let key: Buffer | undefined;
  return {
    kind: 'file',
    available: true,
    reason: `The data key is kept in ${keyFile}, readable only by this user account.`,
    dataKey() {
      key ??= readOrCreateKeyFile(keyFile);
      return key;
    },
  };
}

function readOrCreateKeyFile(keyFile: string): Buffer {
  if (!fs.existsSync(keyFile)) writeFileAtomic(keyFile, crypto.randomBytes(KEY_BYTES), 0o600);
  const stat = fs.statSync(keyFile);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new AppError(
      'secrets.key-file-exposed',
      `The key file ${keyFile} can be read by other users of this computer, so Scan Station will not use it. Run "chmod 600 ${keyFile}" and restart.`,
      { params: { file: keyFile } },
    );
  }
  const key = fs.readFileSync(keyFile);
  if (key.length !== KEY_BYTES) {
    throw new AppError('secrets.key-file-damaged', `The key file ${keyFile} is damaged. Restore it from a backup, or remove it and enter the TrustID credentials again.`);
  }
  return key;
}
