import { describe, expect, it } from 'vitest';
import { fieldValueProblem, mergeFieldValues, type FormField } from '../../../../main/capture/field-values';

const defs: FormField[] = [
  { id: 'ref', label: 'Reference', kind: 'text', required: true, choices: [] },
  { id: 'n', label: 'Visits', kind: 'number', required: false, choices: [] },
  { id: 'd', label: 'Start date', kind: 'date', required: false, choices: [] },
  { id: 'b', label: 'Returning', kind: 'boolean', required: false, choices: [] },
  { id: 'c', label: 'Role', kind: 'choice', required: false, choices: ['Tenant', 'Guarantor'] },
];
const def = (id: string) => defs.find((d) => d.id === id)!;

describe('custom field values', () => {
  it('accepts values of each kind and refuses those that do not fit, naming the field', () => {
    expect(fieldValueProblem(def('n'), '12.5')).toBeNull();
    expect(fieldValueProblem(def('n'), 'twelve')).toMatch(/Visits.*number/);
    expect(fieldValueProblem(def('d'), '2026-02-28')).toBeNull();
    expect(fieldValueProblem(def('d'), '2026-02-30')).toMatch(/Start date/);
    expect(fieldValueProblem(def('b'), 'true')).toBeNull();
    expect(fieldValueProblem(def('b'), 'yes')).toMatch(/Returning/);
    expect(fieldValueProblem(def('c'), 'Tenant')).toBeNull();
    expect(fieldValueProblem(def('c'), 'Landlord')).toMatch(/Role/);
  });

  it('merges edits, removes emptied values, and refuses unknown fields without echoing the value', () => {
    const merged = mergeFieldValues({ ref: 'A1', n: '2' }, { n: '', c: 'Tenant' }, defs);
    expect(merged).toEqual({ ref: 'A1', c: 'Tenant' });
    expect(() => mergeFieldValues({}, { secret: 'Jane Doe' }, defs)).toThrow(expect.objectContaining({ code: 'capture.unknown-field' }));
    try {
      mergeFieldValues({}, { n: 'Jane Doe' }, defs);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'capture.invalid-field' });
      expect((error as Error).message).not.toContain('Jane');
    }
  });

  it('takes numbers TrustID can hold: whole ones in Int32 for an integer field, bounded decimals otherwise', () => {
    const int: FormField = { id: 'i', label: 'Pass number', kind: 'number', required: false, choices: [], valueType: 'int' };
    expect(fieldValueProblem(int, '2147483647')).toBeNull();
    expect(fieldValueProblem(int, '-2147483648')).toBeNull();
    expect(fieldValueProblem(int, '2147483648')).toMatch(/Pass number.*whole number/);
    expect(fieldValueProblem(int, '2.5')).toMatch(/whole number/);
    expect(fieldValueProblem(def('n'), '123456789012345.5')).toBeNull();
    expect(fieldValueProblem(def('n'), '1234567890123456')).toMatch(/Visits.*number/);
  });
});
