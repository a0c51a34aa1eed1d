// Reads the MRZ a document was created with (RAW-API §4.2, §8.4): TD3 passports (2×44) and TD1
// cards (3×30), with ICAO 9303 check digits computed here rather than trusted. Runs wherever the
// emulator runs. Pure.
//
// Written by hand instead of with the `mrz` package because the emulator must accept what a test
// sends on purpose: the ICAO specimen state `UTO`, sex `X`, and wrong check digits it reports as
// facts rather than throwing on (ENVIRONMENT.md lists what `mrz` rejects).

export type MrzFormat = 'TD1' | 'TD3';

export type MrzCheck = {
  /** FeedbackProperty name the emulator reports the check under. */
  name: string;
  valid: boolean;
};

export type ParsedMrz = {
  format: MrzFormat;
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string[];
  documentNumber: string;
  nationality: string;
  /** YYMMDD as printed. */
  birthDate: string;
  sex: string;
  expiryDate: string;
  checks: MrzCheck[];
  lines: string[];
};

const WEIGHTS = [7, 3, 1];

/** ICAO 9303 part 3 §4.9: digits keep their value, A–Z are 10–35, the filler `<` is 0. */
export function checkDigit(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    let value = 0;
    if (char >= 48 && char <= 57) value = char - 48;
    else if (char >= 65 && char <= 90) value = char - 55;
    sum += value * (WEIGHTS[index % 3] ?? 1);
  }
  return sum % 10;
}

function digitMatches(field: string, digit: string): boolean {
  // A filler check digit is allowed only on an all-filler optional field (ICAO 9303 part 4 §4.2.2).
  if (digit === '<') return /^<*$/.test(field);
  return digit === String(checkDigit(field));
}

/** Splits what a scanner reported into MRZ lines: `\n`, `\r\n` or no separator at all (§4.2). */
export function splitMrz(raw: string): string[] | null {
  const cleaned = raw.toUpperCase().replace(/[ \t]/g, '');
  const lines = cleaned.split(/\r?\n|\r/).filter((line) => line.length > 0);
  if (lines.length === 2 && lines.every((line) => line.length === 44)) return lines;
  if (lines.length === 3 && lines.every((line) => line.length === 30)) return lines;
  if (lines.length === 1) {
    const joined = lines[0] ?? '';
    if (joined.length === 88) return [joined.slice(0, 44), joined.slice(44)];
    if (joined.length === 90) return [joined.slice(0, 30), joined.slice(30, 60), joined.slice(60)];
  }
  return null;
}

function names(field: string): { surname: string; givenNames: string[] } {
  const [surnamePart = '', givenPart = ''] = field.split('<<');
  const surname = surnamePart.replace(/<+$/, '').replace(/</g, ' ').trim();
  const givenNames = givenPart
    .replace(/<+$/, '')
    .split('<')
    .filter((part) => part.length > 0);
  return { surname, givenNames };
}

function trimFiller(text: string): string {
  return text.replace(/<+$/, '').replace(/</g, ' ');
}

/** Parses a TD3 or TD1 MRZ; `null` when it is neither shape. Check failures are facts, not errors. */
export function parseMrz(raw: string): ParsedMrz | null {
  const lines = splitMrz(raw);
  if (!lines) return null;
  return lines.length === 2 ? parseTd3(lines) : parseTd1(lines);
}

function parseTd3(lines: string[]): ParsedMrz {
  const [one = '', two = ''] = lines;
  const number = two.slice(0, 9);
  const birth = two.slice(13, 19);
  const expiry = two.slice(21, 27);
  const personal = two.slice(28, 42);
  const composite = two.slice(0, 10) + two.slice(13, 20) + two.slice(21, 43);
  const { surname, givenNames } = names(one.slice(5));
  return {
    format: 'TD3',
    documentCode: trimFiller(one.slice(0, 2)),
    issuingState: trimFiller(one.slice(2, 5)),
    surname,
    givenNames,
    documentNumber: trimFiller(number),
    nationality: trimFiller(two.slice(10, 13)),
    birthDate: birth,
    sex: two.slice(20, 21),
    expiryDate: expiry,
    checks: [
      { name: 'Document number check digit', valid: digitMatches(number, two.charAt(9)) },
      { name: 'Date of birth check digit', valid: digitMatches(birth, two.charAt(19)) },
      { name: 'Expiry date check digit', valid: digitMatches(expiry, two.charAt(27)) },
      { name: 'Personal number check digit', valid: digitMatches(personal, two.charAt(42)) },
      { name: 'Composite check digit', valid: digitMatches(composite, two.charAt(43)) },
    ],
    lines,
  };
}

function parseTd1(lines: string[]): ParsedMrz {
  const [one = '', two = '', three = ''] = lines;
  const number = one.slice(5, 14);
  const birth = two.slice(0, 6);
  const expiry = two.slice(8, 14);
  const composite = one.slice(5, 30) + two.slice(0, 7) + two.slice(8, 15) + two.slice(18, 29);
  const { surname, givenNames } = names(three);
  return {
    format: 'TD1',
    documentCode: trimFiller(one.slice(0, 2)),
    issuingState: trimFiller(one.slice(2, 5)),
    surname,
    givenNames,
    documentNumber: trimFiller(number),
    nationality: trimFiller(two.slice(15, 18)),
    birthDate: birth,
    sex: two.slice(7, 8),
    expiryDate: expiry,
    checks: [
      { name: 'Document number check digit', valid: digitMatches(number, one.charAt(14)) },
      { name: 'Date of birth check digit', valid: digitMatches(birth, two.charAt(6)) },
      { name: 'Expiry date check digit', valid: digitMatches(expiry, two.charAt(14)) },
      { name: 'Composite check digit', valid: digitMatches(composite, two.charAt(29)) },
    ],
    lines,
  };
}

/**
 * Midnight UTC of a YYMMDD date, or null when it is not a date. Birth dates in the future belong
 * to the previous century; expiry dates are always read as 20YY (no document expires in the 1900s
 * and is still presented).
 */
export function mrzDateToMs(yymmdd: string, kind: 'birth' | 'expiry', nowMs: number): number | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  let year = 2000 + yy;
  if (kind === 'birth' && year > new Date(nowMs).getUTCFullYear()) year -= 100;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

/** Builds a valid TD3 line pair, for fixtures and the guest page's example. */
export function buildTd3(fields: {
  issuingState: string;
  surname: string;
  givenNames: string[];
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: string;
  expiryDate: string;
  personalNumber?: string;
}): string {
  const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length);
  const nameField = `${fields.surname.replace(/ /g, '<')}<<${fields.givenNames.join('<')}`;
  const one = pad(`P<${pad(fields.issuingState, 3)}${nameField}`, 44);
  const number = pad(fields.documentNumber, 9);
  const personal = pad(fields.personalNumber ?? '', 14);
  const personalDigit = /^<*$/.test(personal) ? '<' : String(checkDigit(personal));
  const head =
    number +
    String(checkDigit(number)) +
    pad(fields.nationality, 3) +
    fields.birthDate +
    String(checkDigit(fields.birthDate)) +
    fields.sex +
    fields.expiryDate +
    String(checkDigit(fields.expiryDate)) +
    personal +
    personalDigit;
  const composite = head.slice(0, 10) + head.slice(13, 20) + head.slice(21, 43);
  return `${one}\n${head}${checkDigit(composite)}`;
}
