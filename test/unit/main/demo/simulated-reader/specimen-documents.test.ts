import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../../../main/devices/mrz/parse-mrz';
import type { MrzParsed } from '../../../../../main/devices/mrz/mrz-reading';
import { specimenDocument } from '../../../../../main/demo/simulated-reader/specimen-documents';

const today = '2026-05-01';

function read(lines: string[], day = today): MrzParsed {
  const r = parseMrz(lines, { today: day });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('specimen documents', () => {
  it('gives a valid, unexpired specimen passport (TD3) and ID card (TD1)', () => {
    const passport = read(specimenDocument({ kind: 'passport' }, today).mrz);
    expect(passport).toMatchObject({ format: 'TD3', valid: true, expired: false, underAge: false });
    expect(passport.values).toMatchObject({ issuingState: 'UTO', lastName: 'SPECIMEN' });
    const card = read(specimenDocument({ kind: 'id-card' }, today).mrz);
    expect(card).toMatchObject({ format: 'TD1', valid: true, expired: false });
  });

  it('makes an expired specimen expired whatever today is, and a valid one valid', () => {
    for (const day of ['2026-05-01', '2031-12-31', '2028-02-29']) {
      expect(read(specimenDocument({ expired: true }, day).mrz, day).expired).toBe(true);
      expect(read(specimenDocument({}, day).mrz, day).expired).toBe(false);
    }
  });

  it('breaks exactly the birth date check digit (and so the composite) when asked', () => {
    for (const kind of ['passport', 'id-card'] as const) {
      const r = read(specimenDocument({ kind, badCheckDigit: true }, today).mrz);
      expect(r.fields.filter((f) => !f.valid).map((f) => f.name)).toEqual(['birthDateCheckDigit', 'compositeCheckDigit']);
    }
  });

  it('uses the surname the emulator refers to expert review', () => {
    const s = specimenDocument({ referSurname: true }, today);
    expect(read(s.mrz).values.lastName).toBe('REFER');
    expect(s.printed.surname).toBe('REFER');
  });

  it('prints the dates the MRZ holds', () => {
    const s = specimenDocument({ kind: 'passport' }, today);
    expect(s.printed).toMatchObject({ birthDate: '15 JAN 1990', expiryDate: '01 MAY 2031', issueDate: '01 MAY 2021' });
  });
});
