// Builds MRZ lines from a holder's details, check digits included (ICAO 9303 parts 4–7): what the
// simulated reader emits and what tests feed the parser. Pure; runs anywhere.
import { mrzCheckDigit } from './check-digit';

export type MrzHolder = {
  /** Second character of the document code (`<` when none), e.g. 'P<' passport, 'ID' card. */
  documentCode: string;
  issuingState: string;
  lastName: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD. */
  birthDate: string;
  sex: 'M' | 'F' | 'X' | '<';
  /** YYMMDD. */
  expiryDate: string;
  /** TD3 personal number, or the TD1/TD2/visa optional data. */
  optional?: string;
  /** TD1 second optional field (line 2). */
  optional2?: string;
};

/** Upper case, spaces/hyphens/apostrophes to fillers, anything else outside A–Z dropped (9303 part 3 §6). */
export function toMrzText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s'-]+/g, '<')
    .replace(/[^A-Z0-9<]/g, '');
}

function fit(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, '<');
}

function check(text: string): string {
  const digit = mrzCheckDigit(text);
  if (digit === null) throw new TypeError('MRZ text holds characters an MRZ cannot hold');
  return String(digit);
}

function nameField(h: MrzHolder, width: number): string {
  return fit(`${toMrzText(h.lastName)}<<${toMrzText(h.givenNames)}`, width);
}

/** Passport, TD3: two lines of 44. */
export function composeTd3(h: MrzHolder): [string, string] {
  const number = fit(h.documentNumber, 9);
  const personal = fit(h.optional ?? '', 14);
  const personalCheck = /^<*$/.test(personal) ? '<' : check(personal);
  const body = `${number}${check(number)}${fit(h.nationality, 3)}${h.birthDate}${check(h.birthDate)}${h.sex}${h.expiryDate}${check(h.expiryDate)}${personal}${personalCheck}`;
  const composite = check(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [`${fit(h.documentCode, 2)}${fit(h.issuingState, 3)}${nameField(h, 39)}`, body + composite];
}

/** ID card, TD1: three lines of 30. */
export function composeTd1(h: MrzHolder): [string, string, string] {
  const number = fit(h.documentNumber, 9);
  const line1 = `${fit(h.documentCode, 2)}${fit(h.issuingState, 3)}${number}${check(number)}${fit(h.optional ?? '', 15)}`;
  const line2Body = `${h.birthDate}${check(h.birthDate)}${h.sex}${h.expiryDate}${check(h.expiryDate)}${fit(h.nationality, 3)}${fit(h.optional2 ?? '', 11)}`;
  const composite = check(line1.slice(5, 30) + line2Body.slice(0, 7) + line2Body.slice(8, 15) + line2Body.slice(18, 29));
  return [line1, line2Body + composite, nameField(h, 30)];
}

/** TD2 card: two lines of 36. */
export function composeTd2(h: MrzHolder): [string, string] {
  const number = fit(h.documentNumber, 9);
  const body = `${number}${check(number)}${fit(h.nationality, 3)}${h.birthDate}${check(h.birthDate)}${h.sex}${h.expiryDate}${check(h.expiryDate)}${fit(h.optional ?? '', 7)}`;
  const composite = check(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35));
  return [`${fit(h.documentCode, 2)}${fit(h.issuingState, 3)}${nameField(h, 31)}`, body + composite];
}

/** Visa, MRV-A (44 wide) or MRV-B (36 wide): no composite check digit (9303 part 7). */
export function composeVisa(h: MrzHolder, width: 44 | 36): [string, string] {
  const number = fit(h.documentNumber, 9);
  const body = `${number}${check(number)}${fit(h.nationality, 3)}${h.birthDate}${check(h.birthDate)}${h.sex}${h.expiryDate}${check(h.expiryDate)}${fit(h.optional ?? '', width - 28)}`;
  return [`${fit(h.documentCode, 2)}${fit(h.issuingState, 3)}${nameField(h, width - 5)}`, body];
}
