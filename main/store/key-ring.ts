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
  // Sub-keys are derived once per data key, not per image or field (an HKDF each; issue 13). Keyed
  // by the data key itself, so a custody that hands out another key gets fresh sub-keys.
  const derived = new WeakMap<Buffer, Map<string, Buffer>>();
  function subKey(purpose: string): Buffer {
    const key = dataKey();
    let keys = derived.get(key);
    if (!keys) derived.set(key, (keys = new Map()));
    let sub = keys.get(purpose);
    if (!sub) keys.set(purpose, (sub = deriveKey(key, purpose)));
    return sub;
  }
  return {
    available: () => custody().available,
    reason: () => custody().reason,
    rows: () => subKey('rows'),
    images: () => subKey('images'),
    search: () => subKey('search'),
    fingerprint: () => crypto.createHmac('sha256', subKey('fingerprint')).update('scan-station data key').digest('hex').slice(0, 32),
  };
}
