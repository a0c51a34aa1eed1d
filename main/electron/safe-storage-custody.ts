// Key custody through the OS key store (Electron safeStorage: DPAPI, Keychain, libsecret/kwallet).
// Linux's `basic_text` backend is no protection, so it fails closed unless an administrator has
// accepted a key file instead. Runs in Electron main.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { SafeStorage } from 'electron';
import { fileKeyCustody, KEY_BYTES, noCustody, type KeyCustody } from '../store/key-custody';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../store/atomic-write';

export function safeStorageCustody(opts: {
  safeStorage: SafeStorage;
  platform: NodeJS.Platform;
  wrappedKeyFile: string;
  keyFile: string;
  acceptFileKey: boolean;
}): KeyCustody {
  const { safeStorage } = opts;
  const weakBackend = opts.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weakBackend) {
    return opts.acceptFileKey
      ? fileKeyCustody(opts.keyFile, true)
      : noCustody(
          'This computer has no usable key store (on Linux, install and unlock a keyring such as GNOME Keyring or KWallet). An administrator can accept a key file readable only by this user account instead (Settings → Security).',
        );
  }
  let key: Buffer | undefined;
  return {
    kind: 'os-keystore',
    available: true,
    reason: 'The data key is protected by this computer’s key store.',
    dataKey() {
      key ??= readOrCreateWrappedKey(safeStorage, opts.wrappedKeyFile);
      return key;
    },
  };
}

function readOrCreateWrappedKey(safeStorage: SafeStorage, file: string): Buffer {
  if (!fs.existsSync(file)) {
    const fresh = crypto.randomBytes(KEY_BYTES);
    writeFileAtomic(file, safeStorage.encryptString(fresh.toString('base64')));
    return fresh;
  }
  // Never replace a key we cannot read: what it sealed would be lost for good.
  let unwrapped: Buffer;
  try {
    unwrapped = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
  } catch {
    unwrapped = Buffer.alloc(0);
  }
  if (unwrapped.length !== KEY_BYTES) {
    throw new AppError(
      'secrets.key-unreadable',
      `The data key in ${file} cannot be opened by this user's key store (was the user account or keyring changed?). Restore the keyring, or ask an administrator.`,
    );
  }
  return unwrapped;
}
