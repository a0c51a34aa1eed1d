import { describe, expect, it } from 'vitest';
import { applicationFieldsOf, defaultImageTypes, formatLabel, imageTypeFor, personalFromMrz, storePlacement, valueKindOf } from '../../../../main/capture/capture-input';
import type { FormField } from '../../../../main/capture/field-values';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';
import { parseMrz } from '../../../../main/devices/mrz/parse-mrz';

const today = '2026-05-01';

describe('capture input for the store', () => {
  it('uploads fronts as type 2 and backs as the configured back type, and keeps IR and UV local by default (RAW-API §9.2)', () => {
    expect(imageTypeFor('front', 'white', defaultImageTypes)).toBe(2);
    expect(imageTypeFor('back', 'white', defaultImageTypes)).toBe(3);
    expect(imageTypeFor('front', 'ir', defaultImageTypes)).toBeNull();
    expect(imageTypeFor('back', 'uv', defaultImageTypes)).toBeNull();
    expect(imageTypeFor('back', 'white', { ...defaultImageTypes, back: 7 })).toBe(7);
  });

  it('files a passport photo page as a page and names lights as the store does', () => {
    expect(storePlacement('passport', 'front', 'white')).toEqual({ side: 'page', light: 'white' });
    expect(storePlacement('id-card', 'back', 'ir')).toEqual({ side: 'back', light: 'infrared' });
  });

  it('takes personal fields from a valid MRZ, dates as ISO days, with the MRZ lines', () => {
    const spec = specimenDocument({ kind: 'id-card' }, today);
    const personal = personalFromMrz(parseMrz(spec.mrz, { today }));
    expect(personal).toEqual({
      mrz: spec.mrz.join('\n'),
      surname: 'SPECIMEN',
      givenNames: 'MARTIN ALEX',
      documentNumber: 'IC9876543',
      dateOfBirth: '1985-12-03',
      expiryDate: '2031-05-01',
      nationality: 'UTO',
      issuingState: 'UTO',
      sex: 'male',
      documentCode: 'ID',
    });
    expect(formatLabel(parseMrz(spec.mrz, { today }))).toBe('TD1');
  });

  it('leaves out fields whose check failed, and everything when nothing could be read', () => {
    const spec = specimenDocument({ kind: 'passport', badCheckDigit: true }, today);
    const personal = personalFromMrz(parseMrz(spec.mrz, { today }));
    expect(personal.dateOfBirth).toBeUndefined();
    expect(personal.surname).toBe('SPECIMEN');
    expect(personal.documentNumber).toBe('UP1234567');
    expect(personalFromMrz(parseMrz(['P<UTO'], { today }))).toEqual({});
    expect(formatLabel(null)).toBe('unknown');
  });

  it('sends each custom field as the value member TrustID takes for it; a number of unknown type as a decimal', () => {
    const field = (kind: FormField['kind'], valueType?: FormField['valueType']): FormField => ({ id: 'x', label: 'X', kind, required: false, choices: [], ...(valueType ? { valueType } : {}) });
    expect(valueKindOf(field('number', 'int'))).toBe('int');
    expect(valueKindOf(field('number'))).toBe('decimal');
    expect(valueKindOf(field('date'))).toBe('date');
    expect(valueKindOf(field('choice'))).toBe('string');
    expect(valueKindOf(field('boolean'))).toBe('string');
    expect(valueKindOf(field('text'))).toBe('string');
  });

  it('keeps custom field values of the current form only, in its order, trimmed, blanks left out', () => {
    const defs: FormField[] = [
      { id: 'b', label: 'B', kind: 'date', required: false, choices: [], versionId: 'vb', valueType: 'date' },
      { id: 'a', label: 'A', kind: 'text', required: true, choices: [], versionId: 'va', valueType: 'string' },
      { id: 'local', label: 'Local', kind: 'boolean', required: false, choices: [] },
      { id: 'blank', label: 'Blank', kind: 'text', required: false, choices: [], versionId: 'vx' },
    ];
    expect(applicationFieldsOf({ a: '  Ward 7 ', b: '2026-03-01', local: 'true', blank: '   ', gone: 'old value' }, defs)).toEqual([
      { fieldId: 'b', versionId: 'vb', kind: 'date', value: '2026-03-01' },
      { fieldId: 'a', versionId: 'va', kind: 'string', value: 'Ward 7' },
      { fieldId: 'local', kind: 'string', value: 'true' },
    ]);
    expect(applicationFieldsOf({}, defs)).toEqual([]);
  });
});
