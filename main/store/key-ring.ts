// The store's sub-keys, derived from the data key on demand (so a custody that becomes available
// later, e.g. after an admin accepts a key file, is picked up). Without a key, every use fails with
// `store.no-key` before anything is written. Runs in main (plain Node).
import crypto from 'node:crypto';
import type { KeyCustody } from './key-custody';
import { deriveKey } from './seal';
import { noKeyError } from './store-errors';

export type KeyRing = {
  available(): boolean;
  /** Plain words: where the key is kept, or why there is none. */
  reason(): string;
  /** Seals personal fields in rows (issue 5: deriveKey(dataKey, 'rows')). */
  rows(): Buffer;
  /** Seals image files. */
  images(): Buffer;
  /** Keys the surname HMAC used for exact search. */
  search(): Buffer;
  /** A non-secret fingerprint of the data key, stored to notice when the key has changed. */
  fingerprint(): string;
};

export function keyRing(custody: () => KeyCustody): KeyRing {
  function dataKey(): Buffer {
    const c = custody();
    if (!c.available) throw noKeyError(c.reason);
    try {
      return c.dataKey();
    } catch (error) {
      throw noKeyError(error instanceof Error ? error.message : c.reason);
    }
  }
  return {
    available: () => custody().available,
    reason: () => custody().reason,
    rows: () => deriveKey(dataKey(), 'rows'),
    images: () => deriveKey(dataKey(), 'images'),
    search: () => deriveKey(dataKey(), 'search'),
    fingerprint: () => crypto.createHmac('sha256', deriveKey(dataKey(), 'fingerprint')).update('scan-station data key').digest('hex').slice(0, 32),
  };
}
