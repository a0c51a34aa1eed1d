import { describe, expect, it } from 'vitest';
import { mrzViewOf, replacesHeldMrz } from '../../../../main/capture/mrz-view';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';
import { parseMrz } from '../../../../main/devices/mrz/parse-mrz';

const today = '2026-05-01';
const passport = specimenDocument({ kind: 'passport' }, today).mrz;

/** The passport with the birth date's second digit read as the letter O (an OCR confusion). */
function misread(): string[] {
  const line = passport[1]!;
  expect(line[14]).toBe('0');
  return [passport[0]!, `${line.slice(0, 14)}O${line.slice(15)}`];
}

describe('MRZ view', () => {
  it('shows every field with its value and verdict for a whole, valid read', () => {
    const view = mrzViewOf({ reading: parseMrz(passport, { today }), partial: false });
    expect(view).toMatchObject({ format: 'TD3', valid: true, partial: false, expired: false, underAge: false, corrections: [] });
    expect(view.fields.find((f) => f.name === 'lastName')).toMatchObject({ value: 'SPECIMEN', valid: true, message: null });
    expect(view.fields.find((f) => f.name === 'birthDate')).toMatchObject({ value: '1990-01-15', valid: true });
  });

  it('marks a misread field with a plain message and offers the confirmed correction without applying it', () => {
    const view = mrzViewOf({ reading: parseMrz(misread(), { today }), partial: false });
    expect(view.valid).toBe(false);
    const birth = view.fields.find((f) => f.name === 'birthDate');
    expect(birth?.valid).toBe(false);
    expect(birth?.message).toMatch(/\w/);
    expect(view.corrections).toEqual([{ line: 1, column: 14, from: 'O', to: '0' }]);
    expect(view.lines[1]![14]).toBe('O');
  });

  it('flags an expired document', () => {
    const expired = specimenDocument({ kind: 'id-card', expired: true }, today).mrz;
    expect(mrzViewOf({ reading: parseMrz(expired, { today }), partial: false })).toMatchObject({ format: 'TD1', expired: true });
  });

  it('flags an under-age holder', () => {
    // Born 1990: fifteen on this (earlier) day.
    expect(mrzViewOf({ reading: parseMrz(passport, { today: '2005-06-01' }), partial: false })).toMatchObject({ valid: true, underAge: true });
  });

  it('shows an unreadable read with no fields, partial when lines are missing', () => {
    const view = mrzViewOf({ reading: parseMrz([passport[0]!], { today }), partial: true });
    expect(view).toMatchObject({ format: 'unreadable', valid: false, partial: true, fields: [] });
  });

  it('never lets a partial or unreadable read replace a whole one, but lets any read replace a worse one', () => {
    const whole = { reading: parseMrz(passport, { today }), partial: false };
    const part = { reading: parseMrz([passport[0]!], { today }), partial: true };
    const other = { reading: parseMrz(specimenDocument({ kind: 'id-card' }, today).mrz, { today }), partial: false };
    expect(replacesHeldMrz(null, part)).toBe(true);
    expect(replacesHeldMrz(whole, part)).toBe(false);
    expect(replacesHeldMrz(part, whole)).toBe(true);
    expect(replacesHeldMrz(whole, other)).toBe(true);
  });
});
