// Where the `mrz` package departs from ICAO 9303 or from documents in circulation, applied to its
// fields after it parses (issue 12 §3). Pure; runs anywhere.
//
// - Long document numbers in TD1/TD2 (9303 part 5 §4.2.2 note j, part 6 likewise): the 9 principal
//   characters, a filler where the check digit would be, the rest at the start of the optional data
//   followed by the check digit. The check digit is computed over the full number (principal +
//   continuation), nothing else. The package also accepts a second computation that counts the
//   filler in; a digit only that one matches is a misread or a forgery, so it is refused here.
// - A name field without a `<<` separator is all primary identifier (9303 part 3 §4.6): no given
//   names, rather than the whole field repeated as given names.
// - The French national ID card (1988–2021, 2 × 36): its document number is the 12 characters the
//   check digit covers (issue date, office code, serial), not the serial alone; given names are
//   separated by `<<`, which must not become a doubled space.
import type { MRZFormat } from 'mrz';
import { mrzCheckDigit } from './check-digit';
import type { MrzRange } from './mrz-reading';
import type { SlotField } from './visa-mrz';

type LongNumberLayout = { line: number; principal: MrzRange; digit: MrzRange; optional: MrzRange };

const longNumberLayouts: Partial<Record<MRZFormat, LongNumberLayout>> = {
  TD1: { line: 0, principal: { line: 0, start: 5, end: 14 }, digit: { line: 0, start: 14, end: 15 }, optional: { line: 0, start: 15, end: 30 } },
  TD2: { line: 1, principal: { line: 1, start: 0, end: 9 }, digit: { line: 1, start: 9, end: 10 }, optional: { line: 1, start: 28, end: 35 } },
};

/** Where each format's name field sits (the primary identifier, `<<`, the secondary identifier). */
const nameSlots: Partial<Record<MRZFormat, MrzRange>> = {
  TD1: { line: 2, start: 0, end: 30 },
  TD2: { line: 0, start: 5, end: 36 },
  TD3: { line: 0, start: 5, end: 44 },
};

const slot = (lines: readonly string[], r: MrzRange) => (lines[r.line] ?? '').slice(r.start, r.end);
const words = (text: string) => text.replace(/</g, ' ').replace(/ {2,}/g, ' ').trim();

function replace(fields: SlotField[], name: string, next: (f: SlotField) => SlotField): void {
  const i = fields.findIndex((f) => f.name === name);
  if (i >= 0) fields[i] = next(fields[i] as SlotField);
}

/** ICAO's one computation for a long TD1/TD2 document number; the package's other one is refused. */
function longDocumentNumber(format: MRZFormat, lines: readonly string[], fields: SlotField[]): void {
  const layout = longNumberLayouts[format];
  if (!layout) return;
  if (slot(lines, layout.digit) !== '<') {
    // A short number: its check digit covers the principal characters only, never the optional data.
    replace(fields, 'documentNumberCheckDigit', (f) => ({ ...f, ranges: [layout.digit, layout.principal] }));
    return;
  }
  const optional = slot(lines, layout.optional);
  const end = optional.indexOf('<') === -1 ? optional.length : optional.indexOf('<');
  const principal = slot(lines, layout.principal);
  const digitRange: MrzRange = { line: layout.line, start: layout.optional.start + end - 1, end: layout.optional.start + end };
  if (end < 2 || !/^[0-9]$/.test(optional[end - 1] ?? '')) {
    // A filler in the check-digit slot with no continuation and digit after it: nothing verifies the number.
    replace(fields, 'documentNumberCheckDigit', (f) => ({ ...f, value: null, valid: false, message: 'The document number’s check digit is missing.', ranges: [layout.digit, layout.principal] }));
    return;
  }
  const continuation = optional.slice(0, end - 1);
  const full = `${principal}${continuation}`;
  const digit = optional[end - 1] as string;
  const expected = mrzCheckDigit(full);
  const continuationRange: MrzRange = { line: layout.line, start: layout.optional.start, end: layout.optional.start + end - 1 };
  replace(fields, 'documentNumber', (f) => ({ ...f, value: full.replace(/</g, ''), valid: true, ranges: [layout.principal, continuationRange] }));
  replace(fields, 'documentNumberCheckDigit', (f) =>
    expected !== null && String(expected) === digit
      ? { name: f.name, label: f.label, value: digit, valid: true, ranges: [digitRange, layout.principal, continuationRange] }
      : {
          name: f.name,
          label: f.label,
          value: null,
          valid: false,
          message: expected === null ? 'The characters it checks cannot be read.' : `Check digit does not match (read ${digit}, expected ${expected}).`,
          ranges: [digitRange, layout.principal, continuationRange],
        },
  );
}

/** A name field with no `<<` is all primary identifier; given names are empty, not a copy of it. */
function namesWithoutSeparator(format: MRZFormat, lines: readonly string[], fields: SlotField[]): void {
  const names = nameSlots[format];
  if (!names) return;
  const text = slot(lines, names).replace(/<+$/, '');
  if (text.includes('<<') || !/^[A-Z<]+$/.test(text)) return;
  replace(fields, 'lastName', (f) => (f.valid ? { ...f, value: words(text) } : f));
  replace(fields, 'firstName', (f) => (f.valid ? { ...f, value: '' } : f));
}

/** French national ID: the full 12-character number, and given names without doubled spaces. */
function frenchNationalId(lines: readonly string[], fields: SlotField[]): void {
  const number: MrzRange = { line: 1, start: 0, end: 12 };
  replace(fields, 'documentNumber', (f) => (f.valid ? { ...f, value: slot(lines, number).replace(/<+$/, ''), ranges: [number] } : f));
}

export function applyFieldRules(format: MRZFormat, lines: readonly string[], fields: SlotField[]): SlotField[] {
  const out = [...fields];
  longDocumentNumber(format, lines, out);
  namesWithoutSeparator(format, lines, out);
  if (format === 'FRENCH_NATIONAL_ID') frenchNationalId(lines, out);
  // Runs of fillers inside a name (French given names are `<<`-separated) read as one space.
  for (const name of ['lastName', 'firstName'] as const) replace(out, name, (f) => (f.value === null ? f : { ...f, value: f.value.replace(/ {2,}/g, ' ').trim() }));
  return out;
}
