// The form values of a guest link or a prepared queued application, checked against the account's
// form before anything is stored or sent (RAW-API §11.1, §12.1).
import { describe, expect, it } from 'vitest';
import { checkedFieldValues } from '../../../../../main/app/handlers/guest-link-handlers';
import type { FormField } from '../../../../../main/capture/field-values';

const FORM: FormField[] = [
  { id: 'booking', label: 'Booking reference', kind: 'text', required: true, choices: [], versionId: 'v-booking', valueType: 'string' },
  { id: 'guests', label: 'Guests', kind: 'number', required: false, choices: [], versionId: 'v-guests', valueType: 'int' },
  { id: 'arrival', label: 'Arrival', kind: 'date', required: false, choices: [], versionId: 'v-arrival', valueType: 'date' },
];

describe('checkedFieldValues', () => {
  it('turns typed values into TrustID values with their version ids and keeps the labels', () => {
    expect(checkedFieldValues({ booking: ' B-77 ', guests: '3', arrival: '2026-12-24' }, FORM)).toEqual({
      fields: [
        { fieldId: 'booking', versionId: 'v-booking', kind: 'string', value: 'B-77' },
        { fieldId: 'guests', versionId: 'v-guests', kind: 'int', value: '3' },
        { fieldId: 'arrival', versionId: 'v-arrival', kind: 'date', value: '2026-12-24' },
      ],
      labels: { booking: 'Booking reference', guests: 'Guests', arrival: 'Arrival' },
    });
  });

  it('refuses a missing mandatory field by its label', () => {
    expect(() => checkedFieldValues({ guests: '2' }, FORM)).toThrow(expect.objectContaining({ code: 'guest.field-required', message: expect.stringContaining('Booking reference') }));
  });

  it('refuses a value that does not fit its field, naming the field and never echoing the value', () => {
    let error: unknown;
    try {
      checkedFieldValues({ booking: 'B', guests: 'lots-of-SECRET' }, FORM);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'capture.invalid-field' });
    expect((error as Error).message).toContain('Guests');
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('refuses a field that is not on the account’s form', () => {
    expect(() => checkedFieldValues({ booking: 'B', other: 'x' }, FORM)).toThrow(expect.objectContaining({ code: 'capture.unknown-field' }));
  });
});
