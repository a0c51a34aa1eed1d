// Personal values in rows (names, MRZ, document numbers, dates of birth, application custom field
// values, result snapshots) sealed with AES-256-GCM; the associated data is "table.column.rowId", so
// a sealed value copied to another row or column fails to open. Plus the keyed surname HMAC for exact search. Runs in main (plain Node).
import crypto from 'node:crypto';
import type { KeyRing } from './key-ring';
import { seal, unseal } from './seal';

export function sealField(keys: KeyRing, table: string, column: string, rowId: string, value: string): Buffer {
  return seal(keys.rows(), Buffer.from(value, 'utf8'), `${table}.${column}.${rowId}`);
}

export function openField(keys: KeyRing, table: string, column: string, rowId: string, sealed: Uint8Array): string {
  return unseal(keys.rows(), sealed, `${table}.${column}.${rowId}`).toString('utf8');
}

// Letters that do not decompose into A–Z plus marks, spelt as ICAO Doc 9303 part 3 transliterates
// them in an MRZ.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'SS', ẞ: 'SS', Ø: 'OE', ø: 'OE', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Þ: 'TH', þ: 'TH',
  Ð: 'D', ð: 'D', Đ: 'D', đ: 'D', Ł: 'L', ł: 'L', Ħ: 'H', ħ: 'H', ı: 'I', Ĳ: 'IJ', ĳ: 'IJ', Ŀ: 'L', ŀ: 'L', Ŋ: 'N', ŋ: 'N',
};
// ICAO allows Ä, Ö, Ü (and Å) either as the base letter or expanded; MRZs use both.
const EXPANSIONS: Record<string, string> = { Ä: 'AE', ä: 'AE', Ö: 'OE', ö: 'OE', Ü: 'UE', ü: 'UE', Å: 'AA', å: 'AA' };

/**
 * One spelling per surname so typed and MRZ forms meet: special letters transliterated, Unicode
 * compatibility-decomposed, accents dropped, upper case, everything but A–Z removed
 * ("O'Brien-Smith" and MRZ "OBRIEN<SMITH" → OBRIENSMITH; "Müller" → MULLER).
 */
export function normaliseSurname(surname: string): string {
  return surname
    .replace(/[\u0080-\uffff]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** The forms a search for this surname should match: the normal one, plus ICAO umlaut expansion. */
export function surnameSearchForms(surname: string): string[] {
  const forms = new Set([normaliseSurname(surname), normaliseSurname(surname.replace(/[ÄäÖöÜüÅå]/g, (ch) => EXPANSIONS[ch] ?? ch))]);
  forms.delete('');
  return [...forms];
}

function hmac(keys: KeyRing, normal: string): Buffer {
  return crypto.createHmac('sha256', keys.search()).update(normal, 'utf8').digest();
}

/** The HMAC stored with a document; null when nothing searchable is left after normalising. */
export function surnameHmac(keys: KeyRing, surname: string): Buffer | null {
  const normal = normaliseSurname(surname);
  return normal === '' ? null : hmac(keys, normal);
}

/** The HMACs a search looks for (see surnameSearchForms). */
export function surnameSearchHmacs(keys: KeyRing, surname: string): Buffer[] {
  return surnameSearchForms(surname).map((form) => hmac(keys, form));
}
