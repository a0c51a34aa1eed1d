// TD1, TD2, TD3 and the national formats through the `mrz` package (5.0.2), working around what it
// gets wrong for us (ENVIRONMENT.md): it marks the ICAO specimen state `UTO` and sex `X` invalid and
// throws on shapes it does not know. Pure; runs anywhere.
import { parse, type Details, type MRZFormat } from 'mrz';
import { applyFieldRules } from './mrz-field-rules';
import type { MrzFieldName } from './mrz-reading';
import { extraStateCodes, type SlotField } from './visa-mrz';

export type IcaoParse = { format: MRZFormat; fields: SlotField[]; valid: boolean };

type Slot = { line: number; start: number; end: number };

/** Where state codes and sex sit, per line length of the ICAO formats (9303 parts 4–6). */
function stateAndSexSlots(lines: readonly string[]): { states: Slot[]; sex: Slot } | null {
  const width = lines[0]?.length;
  if (width === 30 && lines.length === 3) return { states: [{ line: 0, start: 2, end: 5 }, { line: 1, start: 15, end: 18 }], sex: { line: 1, start: 7, end: 8 } };
  if ((width === 36 || width === 44) && lines.length === 2) {
    // A 36-wide French national ID has other fields there (mrz's own rule for telling them apart).
    if (width === 36 && (/[0-9]/.test(lines[0]?.slice(30, 35) ?? '') || /^IDFRA/.test(lines[0] ?? ''))) return null;
    return { states: [{ line: 0, start: 2, end: 5 }, { line: 1, start: 10, end: 13 }], sex: { line: 1, start: 20, end: 21 } };
  }
  return null;
}

function replaceSlot(lines: string[], s: Slot, text: string): void {
  const line = lines[s.line] as string;
  lines[s.line] = line.slice(0, s.start) + text + line.slice(s.end);
}

function messageFor(error: string | undefined): string {
  if (!error) return 'Could not be read.';
  const check = /^invalid check digit:? ?(\S+?)\.? Must be (\d)/.exec(error);
  if (check) return `Check digit does not match (read ${check[1]}, expected ${check[2]}).`;
  if (error.startsWith('invalid check digit')) return 'Check digit does not match.';
  if (error.startsWith('invalid state code')) return 'Not a known country or organisation code.';
  if (error.startsWith('invalid date')) return 'Not a valid date.';
  if (error.startsWith('invalid sex')) return 'Must be M, F, X or <.';
  if (error.startsWith('invalid document code')) return 'Not a document code this format allows.';
  if (error.startsWith('invalid text')) return 'Holds characters this field cannot hold.';
  return 'Could not be read.';
}

function toSlotField(d: Details): SlotField | null {
  if (d.field === null) return null;
  const ranges = d.ranges.map(({ line, start, end }) => ({ line, start, end }));
  const value = d.field === 'sex' && d.value === 'nonspecified' ? 'unspecified' : d.value;
  return d.valid
    ? { name: d.field as MrzFieldName, label: d.label, value, valid: true, ranges }
    : { name: d.field as MrzFieldName, label: d.label, value: null, valid: false, message: messageFor(d.error), ranges };
}

/** Parses lines the `mrz` package knows. Returns null where it throws (a shape it does not know). */
export function parseIcaoLines(lines: readonly string[]): IcaoParse | null {
  const slots = stateAndSexSlots(lines);
  const patched = [...lines];
  const restoredStates: Array<{ slot: Slot; code: string }> = [];
  let restoredSex = false;
  if (slots) {
    // Neither state codes nor sex are covered by any check digit (9303 part 4 §4.2.2, part 5 §4.2.2,
    // part 6 §4.2.2), so swapping them for codes the package accepts cannot change any other result.
    for (const s of slots.states) {
      const code = (lines[s.line] ?? '').slice(s.start, s.end).replace(/<+$/, '');
      if (code in extraStateCodes) {
        replaceSlot(patched, s, 'XXX');
        restoredStates.push({ slot: s, code });
      }
    }
    if ((lines[slots.sex.line] ?? '')[slots.sex.start] === 'X') {
      replaceSlot(patched, slots.sex, '<');
      restoredSex = true;
    }
  }
  let result;
  try {
    result = parse(patched);
  } catch {
    return null;
  }
  const raw: SlotField[] = [];
  let unnamedInvalid = false;
  for (const d of result.details) {
    const f = toSlotField(d);
    if (f) {
      const state = restoredStates.find((s) => s.slot.line === f.ranges[0]?.line && s.slot.start === f.ranges[0]?.start);
      if (state && (f.name === 'issuingState' || f.name === 'nationality')) {
        raw.push({ name: f.name, label: f.label, value: state.code, valid: true, ranges: f.ranges });
        continue;
      }
      if (restoredSex && f.name === 'sex') {
        raw.push({ name: f.name, label: f.label, value: 'unspecified', valid: true, ranges: f.ranges });
        continue;
      }
      raw.push(f);
    } else if (!d.valid) unnamedInvalid = true;
  }
  const fields = applyFieldRules(result.format, lines, raw);
  return { format: result.format, fields, valid: !unnamedInvalid && fields.every((f) => f.valid) };
}
