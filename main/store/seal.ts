// AES-256-GCM sealing of bytes with a random nonce and associated data (what the bytes belong to),
// so a sealed blob moved to another record fails to open. Runs in main (plain Node).
import crypto from 'node:crypto';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

export class SealBrokenError extends Error {
  override readonly name = 'SealBrokenError';
}

/** Layout: version (1) | nonce (12) | tag (16) | ciphertext. */
export function seal(key: Buffer, plaintext: Uint8Array, associatedData: string): Buffer {
  const { header, body } = sealParts(key, plaintext, associatedData);
  return Buffer.concat([header, body]);
}

/**
 * The same sealed layout in two pieces, header and ciphertext, for a file written with one vectored
 * write: it saves copying megabytes of image into one buffer (issue 13).
 */
export function sealParts(key: Buffer, plaintext: Uint8Array, associatedData: string): { header: Buffer; body: Buffer } {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = cipher.update(plaintext);
  // GCM is a stream mode: final() adds no bytes, it only computes the tag.
  cipher.final();
  return { header: Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag()]), body };
}

export function unseal(key: Buffer, sealed: Uint8Array, associatedData: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < HEADER_BYTES || buf[0] !== VERSION) throw new SealBrokenError('sealed data has an unknown layout');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + NONCE_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(buf.subarray(1 + NONCE_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new SealBrokenError('sealed data failed its integrity check');
  }
}

/** A sub-key per purpose, so the secrets file and personal data never share a key. */
export function deriveKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), `scan-station ${purpose}`, 32));
}
