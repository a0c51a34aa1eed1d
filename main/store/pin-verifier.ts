// PIN verifiers for local staff accounts: scrypt with a random salt, never the PIN itself.
// Runs in main (plain Node). A 4–8 digit PIN has little entropy, so the slow hash only slows an
// offline attack on a stolen database; the lockout counter (staff-repo.ts) is what stops guessing.
import crypto from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** N = 2^14, r = 8: about 16 MB and tens of milliseconds per check, under Node's 32 MB default maxmem. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, { ...params, maxmem: 128 * params.N * params.r * params.p + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function createPinVerifier(pin: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(pin, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function checkPin(pin: string, verifier: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = verifier.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
