import { describe, expect, it } from 'vitest';
import { ageOn, isExpired, localIsoDay, resolveBirthDate, resolveExpiryDate } from '../../../../../main/devices/mrz/mrz-dates';

describe('MRZ dates', () => {
  it('puts a birth date in the past century when this century would be in the future', () => {
    expect(resolveBirthDate('740812', '2026-05-01')).toBe('1974-08-12');
    expect(resolveBirthDate('100101', '2026-05-01')).toBe('2010-01-01');
    expect(resolveBirthDate('261231', '2026-05-01')).toBe('1926-12-31');
    expect(resolveBirthDate('260501', '2026-05-01')).toBe('2026-05-01');
  });

  it('resolves expiry dates within fifty years of today', () => {
    expect(resolveExpiryDate('120415', '2026-05-01')).toBe('2012-04-15');
    expect(resolveExpiryDate('340101', '2026-05-01')).toBe('2034-01-01');
    expect(resolveExpiryDate('990101', '2026-05-01')).toBe('1999-01-01');
  });

  it('rejects impossible dates', () => {
    expect(resolveBirthDate('740230', '2026-05-01')).toBeNull();
    expect(resolveBirthDate('741301', '2026-05-01')).toBeNull();
    expect(resolveExpiryDate('12O415', '2026-05-01')).toBeNull();
  });

  it('counts age in whole years, turning a year older on the birthday itself', () => {
    expect(ageOn('080501', '2026-04-30')).toBe(17);
    expect(ageOn('080501', '2026-05-01')).toBe(18);
    expect(ageOn('740812', '2026-05-01')).toBe(51);
  });

  it('takes an unknown day or month as the latest possible, never making a holder older', () => {
    expect(ageOn('0805<<', '2026-05-30')).toBe(17);
    expect(ageOn('0805<<', '2026-05-31')).toBe(18);
    expect(ageOn('08<<<<', '2026-12-30')).toBe(17);
  });

  it('treats a document as valid through its expiry day', () => {
    expect(isExpired('2026-05-01', '2026-05-01')).toBe(false);
    expect(isExpired('2026-05-01', '2026-05-02')).toBe(true);
  });

  it('formats the local day of a Date', () => {
    expect(localIsoDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
