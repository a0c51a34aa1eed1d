// Machine-readable visas, which the mrz package does not know: MRV-A (2 × 44) and MRV-B (2 × 36),
// ICAO 9303 part 7 §§4–5. No composite check digit on visas. Pure; runs anywhere.
import { states } from 'mrz';
import { isCheckDigitValid, mrzCheckDigit } from './check-digit';
import type { MrzFieldName, MrzRange } from './mrz-reading';

/** A field before it is dressed for the UI: `ranges[0]` is its slot, the rest what a check digit covers. */
export type SlotField = {
  name: MrzFieldName;
  label: string;
  value: string | null;
  valid: boolean;
  /** Plain-English reason when not valid. */
  message?: string;
  ranges: MrzRange[];
};

/** Codes the ICAO specimens use that the mrz package's state table lacks (9303 part 3 §5: "UTO"). */
export const extraStateCodes: Readonly<Record<string, string>> = { UTO: 'Utopia (ICAO specimen)' };

export function isKnownStateCode(code: string): boolean {
  return code in states || code in extraStateCodes;
}

function clean(text: string): string {
  return text.replace(/<+$/, '').replace(/</g, ' ');
}

function slot(lines: readonly string[], r: MrzRange): string {
  return (lines[r.line] ?? '').slice(r.start, r.end);
}

function field(name: MrzFieldName, label: string, ranges: MrzRange[], read: (text: string) => { value: string | null; message?: string }, lines: readonly string[]): SlotField {
  const { value, message } = read(slot(lines, ranges[0] as MrzRange));
  return message === undefined ? { name, label, value, valid: true, ranges } : { name, label, value, valid: false, message, ranges };
}

const r = (line: number, start: number, end: number): MrzRange => ({ line, start, end });

function readState(text: string): { value: string | null; message?: string } {
  const code = clean(text);
  return isKnownStateCode(code) ? { value: code } : { value: null, message: 'Not a known country or organisation code.' };
}

function readDate(text: string): { value: string | null; message?: string } {
  const ok = /^\d{2}(0[1-9]|1[0-2]|<<)(0[1-9]|[12]\d|3[01]|<<)$/.test(text);
  return ok ? { value: text } : { value: null, message: 'Not a valid date.' };
}

function readCheck(covered: () => string) {
  return (digit: string): { value: string | null; message?: string } => {
    const text = covered();
    if (isCheckDigitValid(text, digit)) return { value: digit };
    const expected = mrzCheckDigit(text);
    return { value: null, message: expected === null ? 'The characters it checks cannot be read.' : `Check digit does not match (read ${digit}, expected ${expected}).` };
  };
}

function readName(part: 'last' | 'first') {
  return (text: string): { value: string | null; message?: string } => {
    if (!/^[A-Z<]+$/.test(text)) return { value: null, message: 'Holds characters a name cannot hold.' };
    const at = text.indexOf('<<');
    const last = at === -1 ? text : text.slice(0, at);
    const first = at === -1 ? '' : text.slice(at + 2);
    return { value: clean(part === 'last' ? last : first) };
  };
}

function readSex(text: string): { value: string | null; message?: string } {
  const map: Record<string, string> = { M: 'male', F: 'female', X: 'unspecified', '<': 'unspecified' };
  const value = map[text];
  return value ? { value } : { value: null, message: 'Must be M, F, X or <.' };
}

function readText(text: string): { value: string | null; message?: string } {
  return /^[A-Z0-9<]+$/.test(text) ? { value: clean(text) } : { value: null, message: 'Holds characters this field cannot hold.' };
}

function readVisaCode(text: string): { value: string | null; message?: string } {
  if (!/^V[A-Z<]$/.test(text)) return { value: null, message: 'A visa code starts with V.' };
  return { value: text.replace(/<$/, '') };
}

/** Parses MRV-A (`width` 44) or MRV-B (`width` 36) lines into slot fields. Never throws. */
export function parseVisaLines(lines: readonly string[], width: 44 | 36): SlotField[] {
  const nameSlot = r(0, 5, width);
  const covered = (range: MrzRange) => () => slot(lines, range);
  return [
    field('documentCode', 'Document code', [r(0, 0, 2)], readVisaCode, lines),
    field('issuingState', 'Issuing state', [r(0, 2, 5)], readState, lines),
    field('lastName', 'Last name', [nameSlot], readName('last'), lines),
    field('firstName', 'First name', [nameSlot], readName('first'), lines),
    field('documentNumber', 'Document number', [r(1, 0, 9)], readText, lines),
    field('documentNumberCheckDigit', 'Document number check digit', [r(1, 9, 10), r(1, 0, 9)], readCheck(covered(r(1, 0, 9))), lines),
    field('nationality', 'Nationality', [r(1, 10, 13)], readState, lines),
    field('birthDate', 'Birth date', [r(1, 13, 19)], readDate, lines),
    field('birthDateCheckDigit', 'Birth date check digit', [r(1, 19, 20), r(1, 13, 19)], readCheck(covered(r(1, 13, 19))), lines),
    field('sex', 'Sex', [r(1, 20, 21)], readSex, lines),
    field('expirationDate', 'Expiration date', [r(1, 21, 27)], readDate, lines),
    field('expirationDateCheckDigit', 'Expiration date check digit', [r(1, 27, 28), r(1, 21, 27)], readCheck(covered(r(1, 21, 27))), lines),
    field('optional', 'Optional data', [r(1, 28, width)], readText, lines),
  ];
}
