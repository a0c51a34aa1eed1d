// MRZ reading and ICAO 9303 check digits (RAW-API §4.2, §8.4): the ICAO specimens, and property
// tests that every digit the builder writes checks out and any single change is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTd3, checkDigit, mrzDateToMs, parseMrz, splitMrz } from '../../../../../main/demo/emulator/mrz';

// ICAO 9303 part 4 Appendix A (TD3) and part 5 Appendix A (TD1) specimens.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

describe('MRZ', () => {
  it('computes the ICAO check digits of the specimen', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('ZE184226B<<<<<')).toBe(1);
    expect(checkDigit('<<<<')).toBe(0);
  });

  it('reads the TD3 specimen with every check passing', () => {
    const parsed = parseMrz(TD3.join('\n'));
    expect(parsed).toMatchObject({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: ['ANNA', 'MARIA'],
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
    });
    expect(parsed?.checks.every((check) => check.valid)).toBe(true);
  });

  it('reads the TD1 specimen with every check passing', () => {
    const parsed = parseMrz(TD1.join('\r\n'));
    expect(parsed).toMatchObject({ format: 'TD1', documentCode: 'I', documentNumber: 'D23145890', surname: 'ERIKSSON', givenNames: ['ANNA', 'MARIA'], nationality: 'UTO' });
    expect(parsed?.checks.map((check) => check.valid)).toEqual([true, true, true, true]);
  });

  it('accepts lines joined without a separator, and lower case', () => {
    expect(splitMrz(TD3.join(''))).toEqual(TD3);
    expect(splitMrz(TD1.join('').toLowerCase())).toEqual(TD1);
    expect(parseMrz('not an mrz')).toBeNull();
    expect(splitMrz(`${TD3[0]}\n${TD3[1]}<`)).toBeNull();
  });

  it('reports the check that fails rather than throwing', () => {
    const broken = `${TD3[0]}\n${TD3[1]?.replace('7408122', '7408123')}`;
    const failed = parseMrz(broken)?.checks.filter((check) => !check.valid).map((check) => check.name);
    expect(failed).toEqual(['Date of birth check digit', 'Composite check digit']);
  });

  it('reads MRZ dates: birth dates in the future are last century, expiry dates are this one', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(mrzDateToMs('740812', 'birth', now)).toBe(Date.UTC(1974, 7, 12));
    expect(mrzDateToMs('100101', 'birth', now)).toBe(Date.UTC(2010, 0, 1));
    expect(mrzDateToMs('740812', 'expiry', now)).toBe(Date.UTC(2074, 7, 12));
    expect(mrzDateToMs('990231', 'expiry', now)).toBeNull();
    expect(mrzDateToMs('99<<31', 'expiry', now)).toBeNull();
  });

  const fields = fc.record({
    surname: fc.stringMatching(/^[A-Z]{1,12}$/),
    given: fc.stringMatching(/^[A-Z]{1,10}$/),
    number: fc.stringMatching(/^[A-Z0-9]{9}$/),
    birth: fc.date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2020, 0, 1)), noInvalidDate: true }),
    expiry: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true }),
  });
  const yymmdd = (date: Date) => date.toISOString().slice(2, 10).replaceAll('-', '');
  const build = (value: { surname: string; given: string; number: string; birth: Date; expiry: Date }) =>
    buildTd3({ issuingState: 'UTO', surname: value.surname, givenNames: [value.given], documentNumber: value.number, nationality: 'UTO', birthDate: yymmdd(value.birth), sex: 'F', expiryDate: yymmdd(value.expiry) });

  it('builds TD3 zones whose every check digit verifies', () => {
    fc.assert(
      fc.property(fields, (value) => {
        const parsed = parseMrz(build(value));
        expect(parsed?.checks.every((check) => check.valid)).toBe(true);
        expect(parsed?.surname).toBe(value.surname);
        expect(parsed?.documentNumber).toBe(value.number);
      }),
    );
  });

  it('catches any single changed digit in the checked fields of line two', () => {
    const checked = [...Array(10).keys(), ...[13, 14, 15, 16, 17, 18, 19], ...[21, 22, 23, 24, 25, 26, 27], 43];
    fc.assert(
      fc.property(fields, fc.constantFrom(...checked), fc.integer({ min: 1, max: 9 }), (value, position, shift) => {
        const [one = '', two = ''] = build(value).split('\n');
        const char = two.charAt(position);
        if (!/\d/.test(char)) return;
        const changed = `${two.slice(0, position)}${(Number(char) + shift) % 10}${two.slice(position + 1)}`;
        expect(parseMrz(`${one}\n${changed}`)?.checks.some((check) => !check.valid)).toBe(true);
      }),
    );
  });
});
