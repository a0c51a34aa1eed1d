import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCheckDigitValid, mrzCharValue, mrzCheckDigit } from '../../../../../main/devices/mrz/check-digit';

describe('mrzCheckDigit', () => {
  it('gives the check digits printed on the ICAO 9303 specimen passport', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(mrzCheckDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe(0);
  });

  it('values letters from 10 to 35 and the filler as 0', () => {
    expect(mrzCharValue('A')).toBe(10);
    expect(mrzCharValue('Z')).toBe(35);
    expect(mrzCharValue('<')).toBe(0);
    expect(mrzCharValue('7')).toBe(7);
    expect(mrzCharValue('a')).toBeNull();
  });

  it('refuses text an MRZ cannot hold instead of guessing', () => {
    expect(mrzCheckDigit('L89890 C3')).toBeNull();
    expect(isCheckDigitValid('abc', '0')).toBe(false);
  });

  it('catches every single-digit substitution in a numeric field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6}$/), fc.nat(5), fc.integer({ min: 1, max: 9 }), (text, at, delta) => {
        const changed = text.slice(0, at) + String((Number(text[at]) + delta) % 10) + text.slice(at + 1);
        expect(mrzCheckDigit(changed)).not.toBe(mrzCheckDigit(text));
      }),
    );
  });
});
