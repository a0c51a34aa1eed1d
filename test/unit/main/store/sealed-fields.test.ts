import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, noCustody } from '../../../../main/store/key-custody';
import { uuidv7 } from '../../../../main/store/ids';
import { keyRing } from '../../../../main/store/key-ring';
import { SealBrokenError } from '../../../../main/store/seal';
import { normaliseSurname, openField, sealField, surnameHmac, surnameSearchForms } from '../../../../main/store/sealed-fields';

describe('sealed fields', () => {
  const keys = keyRing(() => ephemeralCustody());
  const fixed = ephemeralCustody();
  const stable = keyRing(() => fixed);

  it('opens what it sealed only under the same table, column and row', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (value, row) => {
        const sealed = sealField(stable, 'documents', 'personal', row, value);
        expect(openField(stable, 'documents', 'personal', row, sealed)).toBe(value);
        expect(() => openField(stable, 'documents', 'personal', `${row}x`, sealed)).toThrow(SealBrokenError);
        expect(() => openField(stable, 'documents', 'other', row, sealed)).toThrow(SealBrokenError);
      }),
      { numRuns: 50 },
    );
  });

  it('never leaves the plaintext in the sealed bytes, and seals the same value differently each time', () => {
    const a = sealField(stable, 't', 'c', 'r', 'QUIXWORTH');
    const b = sealField(stable, 't', 'c', 'r', 'QUIXWORTH');
    expect(a.includes(Buffer.from('QUIXWORTH'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('fails with store.no-key when custody has no key', () => {
    const none = keyRing(() => noCustody('No key store on this computer.'));
    expect(() => sealField(none, 't', 'c', 'r', 'x')).toThrow(expect.objectContaining({ code: 'store.no-key', message: expect.stringContaining('No key store on this computer.') }));
    expect(none.available()).toBe(false);
    void keys;
  });

  it('normalises typed and MRZ spellings of a surname to the same form', () => {
    expect(normaliseSurname("O'Brien-Smith")).toBe('OBRIENSMITH');
    expect(normaliseSurname('OBRIEN<SMITH')).toBe('OBRIENSMITH');
    expect(normaliseSurname('  Müller ')).toBe('MULLER');
    expect(normaliseSurname('Strauß')).toBe('STRAUSS');
    expect(normaliseSurname('Ødegård')).toBe('OEDEGARD');
    expect(normaliseSurname('Łukasiewicz')).toBe('LUKASIEWICZ');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normaliseSurname(s);
        expect(once).toMatch(/^[A-Z]*$/);
        expect(normaliseSurname(once)).toBe(once);
      }),
    );
  });

  it('lets a search for an umlaut name find both MRZ spellings', () => {
    expect(surnameSearchForms('Müller')).toEqual(['MULLER', 'MUELLER']);
    expect(surnameSearchForms('Smith')).toEqual(['SMITH']);
    expect(surnameSearchForms('<<')).toEqual([]);
  });

  it('gives equal HMACs for spellings that normalise alike, different ones otherwise, and none for an empty name', () => {
    expect(surnameHmac(stable, 'de la Cruz')!.equals(surnameHmac(stable, 'DELACRUZ')!)).toBe(true);
    expect(surnameHmac(stable, 'Cruz')!.equals(surnameHmac(stable, 'Cruise')!)).toBe(false);
    expect(surnameHmac(stable, "'-")).toBeNull();
    // Keyed: another data key gives another HMAC, so the column cannot be matched without the key.
    expect(surnameHmac(keyRing(() => ephemeralCustody()), 'Cruz')!.equals(surnameHmac(stable, 'Cruz')!)).toBe(false);
  });
});

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID whose order follows time', () => {
    const ids = [1_000, 2_000, 2_001, 1_800_000_000_000].map((t) => uuidv7(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7(5)).not.toBe(uuidv7(5));
  });
});
