// Identifiers for applications, documents and images: UUID version 7 (time-ordered, SUBMISSION-PROTOCOL
// §2 "app id"), with time and randomness injected so tests control them. Runs in main (plain Node).
import crypto from 'node:crypto';

export type RandomBytes = (n: number) => Buffer;

export function uuidv7(nowMs: number, random: RandomBytes = crypto.randomBytes): string {
  const b = Buffer.alloc(16);
  random(10).copy(b, 6);
  b.writeUIntBE(Math.max(0, Math.floor(nowMs)) % 2 ** 48, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
