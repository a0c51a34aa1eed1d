// The short reference staff read aloud to a visitor after Submit ("K7Q-4M2"), derived from the
// application id so the queue and results screens can show the same one. Pure; runs in main.
import { createHash } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so nothing is misheard as 1, 0 or a swear word.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Six characters (30 bits) of the SHA-256 of the id, as `XXX-XXX`. Hashing rather than slicing
 * the UUID v7 keeps the reference uniform whatever the id's layout (its first bits are a clock).
 * Among the applications of one kiosk's retention period a clash is very unlikely; the reference
 * is for talking to the visitor, never a key.
 */
export function localReference(appId: string): string {
  const digest = createHash('sha256').update(appId, 'utf8').digest();
  let bits = digest.readUInt32BE(0) >>> 2;
  let text = '';
  for (let i = 0; i < 6; i++) {
    text = alphabet[bits & 31] + text;
    bits >>>= 5;
  }
  return `${text.slice(0, 3)}-${text.slice(3)}`;
}
