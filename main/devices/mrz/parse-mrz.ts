// The one entry point for MRZ text: normalise what the reader sent, parse it (the `mrz` package for
// TD1/TD2/TD3 and national formats, our own for MRV-A/B visas), offer check-digit-confirmed OCR
// corrections and flag expired documents and under-age holders. Never throws on bad input. Pure.
import { parseIcaoLines } from './icao-mrz';
import type { KeyboardLayout } from './keyboard-layout';
import { ageOn, isExpired, resolveBirthDate, resolveExpiryDate, type IsoDay } from './mrz-dates';
import type { MrzField, MrzFailure, MrzFieldName, MrzFormat, MrzParsed, MrzReading, MrzWarning } from './mrz-reading';
import { normaliseMrz, mrzShapeLengths, type MrzShape } from './normalise-mrz';
import { searchCorrection } from './ocr-corrections';
import { parseVisaLines, type SlotField } from './visa-mrz';

export type ParseMrzOptions = {
  /** The desk's calendar day, 'YYYY-MM-DD' (see `localIsoDay`); decides expiry and age. */
  today: IsoDay;
  /** Age from which a holder is an adult; 18 unless configured. */
  ageOfMajority?: number;
  /** Keyboard layout a wedge reader's text went through; guessed when 'auto' (the default). */
  layout?: KeyboardLayout | 'auto';
  /** Most characters a suggested correction may change (default 3). */
  maxCorrectionChanges?: number;
};

type Parsed = { format: MrzFormat; fields: SlotField[]; valid: boolean; documentNumber: string | null };

function parseLines(lines: readonly string[], shape: MrzShape): Parsed | null {
  if ((shape === 'TD3' || shape === 'TD2') && lines[0]?.startsWith('V')) {
    // ICAO 9303 part 7: a V in the first position marks a visa; MRV-A is 44 wide, MRV-B 36.
    const fields = parseVisaLines(lines, shape === 'TD3' ? 44 : 36);
    const number = fields.find((f) => f.name === 'documentNumber');
    return { format: shape === 'TD3' ? 'MRV-A' : 'MRV-B', fields, valid: fields.every((f) => f.valid), documentNumber: number?.valid ? number.value : null };
  }
  const icao = parseIcaoLines(lines);
  if (!icao) return null;
  const number = icao.fields.find((f) => f.name === 'documentNumber');
  return { format: icao.format, fields: icao.fields, valid: icao.valid, documentNumber: number?.valid ? number.value : null };
}

function slotText(lines: readonly string[], f: SlotField): string {
  const slot = f.ranges[0];
  return slot ? (lines[slot.line] ?? '').slice(slot.start, slot.end) : '';
}

function dress(lines: readonly string[], f: SlotField, today: IsoDay): MrzField {
  const slot = f.ranges[0] ?? { line: 0, start: 0, end: 0 };
  const raw = slotText(lines, f);
  let value = f.value;
  if (f.valid && value !== null && f.name === 'birthDate') value = resolveBirthDate(value, today) ?? value;
  if (f.valid && value !== null && f.name === 'expirationDate') value = resolveExpiryDate(value, today) ?? value;
  const out: MrzField = { name: f.name, label: f.label, value, raw, valid: f.valid, line: slot.line, start: slot.start, end: slot.end };
  if (!f.valid && f.message !== undefined) out.message = f.message;
  if (f.name.endsWith('CheckDigit')) out.covers = f.ranges.slice(1).map((r) => ({ ...r }));
  return out;
}

function buildReading(lines: string[], parsed: Parsed, options: ParseMrzOptions, notes: string[]): MrzParsed {
  const { today } = options;
  const majority = options.ageOfMajority ?? 18;
  const fields = parsed.fields.map((f) => dress(lines, f, today));
  const values: Partial<Record<MrzFieldName, string | null>> = {};
  for (const f of fields) if (!(f.name in values) || f.valid) values[f.name] = f.valid ? f.value : null;
  const birthRaw = parsed.fields.find((f) => f.name === 'birthDate' && f.valid)?.value ?? null;
  const expiryRaw = parsed.fields.find((f) => f.name === 'expirationDate' && f.valid)?.value ?? null;
  const birthDate = birthRaw === null ? null : resolveBirthDate(birthRaw, today);
  const expiryDate = expiryRaw === null ? null : resolveExpiryDate(expiryRaw, today);
  const age = birthRaw === null ? null : ageOn(birthRaw, today);
  const expired = expiryDate === null ? null : isExpired(expiryDate, today);
  const underAge = age === null ? null : age < majority;
  const warnings: MrzWarning[] = [];
  if (expired) warnings.push({ code: 'mrz.expired', message: `This document expired on ${expiryDate}. Ask for a document that is still valid.` });
  if (underAge) warnings.push({ code: 'mrz.under-age', message: `The holder is ${age}, under ${majority}. Follow the desk's procedure for minors.` });
  const invalid = fields.filter((f) => !f.valid);
  if (invalid.length > 0) {
    warnings.push({ code: 'mrz.invalid-fields', message: `Some fields did not pass their checks: ${invalid.map((f) => f.label).join(', ')}. Check them against the document.` });
  }
  return {
    ok: true,
    format: parsed.format,
    lines,
    valid: parsed.valid,
    fields,
    values,
    documentNumber: parsed.documentNumber,
    birthDate,
    expiryDate,
    age,
    expired,
    underAge,
    warnings,
    correction: null,
    notes,
  };
}

function failure(code: MrzFailure['code'], message: string, lines: string[], notes: string[]): MrzFailure {
  return { ok: false, code, message, lines, notes };
}

/** True when the lines look like the start of an MRZ whose other lines never came. */
function looksIncomplete(lines: readonly string[]): boolean {
  const mrzLike = (l: string) => /^[A-Z0-9<]+$/.test(l);
  const widest = Math.max(...Object.values(mrzShapeLengths).flat());
  if (lines.length === 1) return mrzLike(lines[0] as string) && (lines[0] as string).length >= 28 && (lines[0] as string).length <= widest;
  return lines.length === 2 && lines.every((l) => mrzLike(l) && l.length <= 30);
}

/** Every field a correction leaves valid that was valid before, and every check digit valid. */
function confirms(before: readonly SlotField[], after: Parsed): boolean {
  for (const f of after.fields) {
    if (f.name.endsWith('CheckDigit') && !f.valid) return false;
  }
  return before.every((b, i) => !b.valid || after.fields[i]?.valid === true);
}

export function parseMrz(input: string | readonly string[] | Uint8Array, options: ParseMrzOptions): MrzReading {
  const normalised = normaliseMrz(input, { layout: options.layout ?? 'auto' });
  const { lines, shape, notes } = normalised;
  if (lines.length === 0) return failure('mrz.empty', 'No MRZ text arrived. Place the document on the reader again.', lines, notes);
  if (shape === null) {
    if (looksIncomplete(lines)) {
      return failure('mrz.incomplete', `Only part of the MRZ was read (${lines.length} line${lines.length === 1 ? '' : 's'}). Take the document off the reader and place it again.`, lines, notes);
    }
    return failure('mrz.unrecognised', 'The text read is not an MRZ this station knows. Place the document again, or enter the details by hand.', lines, notes);
  }
  const parsed = parseLines(lines, shape);
  if (!parsed) return failure('mrz.unrecognised', 'The text read is not an MRZ this station knows. Place the document again, or enter the details by hand.', lines, notes);
  const reading = buildReading(lines, parsed, options, notes);
  if (parsed.valid) return reading;

  const search = searchCorrection(lines, parsed.fields, options.maxCorrectionChanges ?? 3);
  if (search.kind === 'found') {
    const fixed = parseLines(search.lines, shape);
    if (fixed && fixed.format === parsed.format && confirms(parsed.fields, fixed)) {
      reading.correction = { changes: search.changes, lines: search.lines, reading: buildReading(search.lines, fixed, options, notes) };
      const n = search.changes.length;
      reading.warnings.push({ code: 'mrz.correction-offered', message: `${n} character${n === 1 ? '' : 's'} may have been misread; the check digits confirm a correction. Compare it with the document before accepting it.` });
    }
  } else if (search.kind === 'ambiguous') {
    reading.notes = [...notes, 'more than one correction fits the check digits; none offered'];
  }
  return reading;
}
