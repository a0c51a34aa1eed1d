// Personal values in rows (names, MRZ, document numbers, dates of birth, result snapshots) sealed
// with AES-256-GCM; the associated data is "table.column.rowId", so a sealed value copied to another
// row or column fails to open. Plus the keyed surname HMAC for exact search. Runs in main (plain Node).
import crypto from 'node:crypto';
import type { KeyRing } from './key-ring';
import { seal, unseal } from './seal';

export function sealField(keys: KeyRing, table: string, column: string, rowId: string, value: string): Buffer {
  return seal(keys.rows(), Buffer.from(value, 'utf8'), `${table}.${column}.${rowId}`);
}

export function openField(keys: KeyRing, table: string, column: string, rowId: string, sealed: Uint8Array): string {
  return unseal(keys.rows(), sealed, `${table}.${column}.${rowId}`).toString('utf8');
}

/**
 * One spelling per surname so typed and MRZ forms meet: Unicode compatibility-decomposed, accents
 * dropped, upper case, everything but A–Z removed ("O'Brien-Smith" and MRZ "OBRIEN<SMITH" → OBRIENSMITH).
 */
export function normaliseSurname(surname: string): string {
  return surname
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'SS')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** null when nothing searchable is left after normalising. */
export function surnameHmac(keys: KeyRing, surname: string): Buffer | null {
  const normal = normaliseSurname(surname);
  if (normal === '') return null;
  return crypto.createHmac('sha256', keys.search()).update(normal, 'utf8').digest();
}
