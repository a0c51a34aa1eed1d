// One person per check: the pure rules, with MRZs composed for each case and parsed for real.
import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../../../../preload/contract';
import {
  checkIdentity,
  documentDifferences,
  documentTypeOfMrz,
  holderFactsOf,
  personDifferences,
  typeAgrees,
  type HolderFacts,
} from '../../../../main/capture/identity-rules';
import { composeTd1, composeTd3, type MrzHolder } from '../../../../main/devices/mrz/compose-mrz';
import { parseMrz } from '../../../../main/devices/mrz/parse-mrz';

const today = '2026-05-01';
const angela: MrzHolder = {
  documentCode: 'P<',
  issuingState: 'GBR',
  lastName: 'SPECIMEN',
  givenNames: 'ANGELA ZOE',
  documentNumber: 'UP1234567',
  nationality: 'GBR',
  birthDate: '900115',
  sex: 'F',
  expiryDate: '300101',
};
const martin: MrzHolder = { ...angela, documentCode: 'ID', givenNames: 'MARTIN ALEX', documentNumber: 'IC9876543', birthDate: '851203', sex: 'M' };

function facts(holder: MrzHolder, td1 = false): HolderFacts {
  const reading = parseMrz(td1 ? composeTd1(holder) : composeTd3(holder), { today });
  const out = holderFactsOf(reading);
  if (!out) throw new Error('test MRZ did not parse');
  return out;
}

describe('holder facts', () => {
  it('reads names, date of birth, number, nationality and code from a passport MRZ', () => {
    expect(facts(angela)).toEqual({
      surname: 'SPECIMEN',
      givenNames: 'ANGELA ZOE',
      birthDate: '1990-01-15',
      documentNumber: 'UP1234567',
      nationality: 'GBR',
      issuingState: 'GBR',
      documentCode: 'P',
    });
  });

  it('leaves a date of birth whose check digit fails unknown, so it is never compared', () => {
    const lines = composeTd3(angela);
    const broken = [lines[0], lines[1].slice(0, 19) + String((Number(lines[1][19]) + 1) % 10) + lines[1].slice(20)];
    const read = holderFactsOf(parseMrz(broken, { today }));
    expect(read?.birthDate).toBeNull();
    expect(read?.surname).toBe('SPECIMEN');
  });

  it('has no facts for an MRZ that could not be parsed', () => {
    expect(holderFactsOf(parseMrz(['NOT AN MRZ'], { today }))).toBeNull();
  });
});

describe('reads of one document (a retake, the other side)', () => {
  it('agree when they show the same document', () => {
    expect(documentDifferences(facts(angela), facts(angela))).toEqual([]);
  });

  it('name every field that differs when a retake shows another document', () => {
    expect(documentDifferences(facts(angela), facts(martin, true))).toEqual(['documentCode', 'documentNumber', 'givenNames', 'birthDate']);
  });

  it('block Submit and cannot be overridden', () => {
    const verdict = checkIdentity([{ reads: [facts(angela), facts(martin, true)] }], null);
    expect(verdict.issues).toEqual([{ kind: 'different-document', document: 0, fields: ['documentCode', 'documentNumber', 'givenNames', 'birthDate'], overridable: false }]);
    expect(verdict.blocking).toBe(true);
    expect(verdict.overrideKey).toBeNull();
  });
});

describe('documents of one check (one person)', () => {
  it('the two demo people differ in date of birth: blocked, not overridable', () => {
    const found = personDifferences(facts(angela), facts(martin, true));
    expect(found).toEqual({ blocking: ['birthDate', 'givenNames'], overridable: false, allowed: [] });
    const verdict = checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(martin, true)] }], 'anything');
    expect(verdict.blocking).toBe(true);
    expect(verdict.issues[0]).toMatchObject({ kind: 'different-person', documents: [0, 1], overridable: false });
  });

  it('a maiden name on an older document is allowed and noted', () => {
    const older = { ...angela, lastName: 'MAIDEN', documentNumber: 'UP7654321' };
    const verdict = checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(older)] }], null);
    expect(verdict.blocking).toBe(false);
    expect(verdict.issues).toEqual([]);
    expect(verdict.notes).toEqual([{ kind: 'allowed-difference', documents: [0, 1], fields: ['surname'] }]);
  });

  it("a second nationality's passport is allowed and noted", () => {
    const second = { ...angela, issuingState: 'IRL', nationality: 'IRL', documentNumber: 'PX5550001' };
    const verdict = checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(second)] }], null);
    expect(verdict.blocking).toBe(false);
    expect(verdict.notes[0]?.fields).toEqual(['nationality', 'issuingState']);
  });

  it('a given name left out on one document still agrees', () => {
    const short = { ...angela, givenNames: 'ANGELA', documentNumber: 'UP0000001' };
    expect(personDifferences(facts(angela), facts(short)).blocking).toEqual([]);
  });

  it('different given names on the same birthday (twins) block until staff vouch with a reason', () => {
    const twin = { ...angela, givenNames: 'ANNA MAY', documentNumber: 'UP0000002' };
    const docs = [{ reads: [facts(angela)] }, { reads: [facts(twin)] }];
    const before = checkIdentity(docs, null);
    expect(before.blocking).toBe(true);
    expect(before.issues).toEqual([{ kind: 'different-person', documents: [0, 1], fields: ['givenNames'], overridable: true }]);
    expect(before.overrideKey).not.toBeNull();
    expect(checkIdentity(docs, before.overrideKey).blocking).toBe(false);
  });

  it('an override given for other differences does not cover new ones', () => {
    const twin = { ...angela, givenNames: 'ANNA MAY', documentNumber: 'UP0000002' };
    const both = { ...twin, lastName: 'OTHER' };
    const key = checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(twin)] }], null).overrideKey;
    expect(checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(both)] }], key).blocking).toBe(true);
  });

  it('an override never covers a document that differs from its own earlier read', () => {
    const twin = { ...angela, givenNames: 'ANNA MAY', documentNumber: 'UP0000002' };
    const docs = [{ reads: [facts(angela), facts(martin, true)] }, { reads: [facts(twin)] }];
    const key = checkIdentity(docs, null).overrideKey;
    expect(key).not.toBeNull();
    expect(checkIdentity(docs, key).blocking).toBe(true);
  });

  it('documents with nothing read are not compared (no MRZ, no facts)', () => {
    expect(checkIdentity([{ reads: [] }, { reads: [facts(martin, true)] }], null)).toEqual({ issues: [], notes: [], blocking: false, overrideKey: null });
  });

  it('compares every pair of three documents', () => {
    const verdict = checkIdentity([{ reads: [facts(angela)] }, { reads: [facts(angela)] }, { reads: [facts(martin, true)] }], null);
    expect(verdict.issues.map((i) => i.kind === 'different-person' && i.documents)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe('document type and MRZ document code', () => {
  const typeOf = (code: string, td1 = false) => documentTypeOfMrz(parseMrz(td1 ? composeTd1({ ...martin, documentCode: code }) : composeTd3({ ...angela, documentCode: code }), { today }));

  it('maps passport, card, residence card codes', () => {
    expect(typeOf('P<')).toBe('passport');
    expect(typeOf('ID', true)).toBe('id-card');
    expect(typeOf('I<', true)).toBe('id-card');
    expect(typeOf('IR', true)).toBe('residence-permit');
    expect(typeOf('AC', true)).toBe('id-card');
  });

  it('says nothing for an unreadable MRZ', () => {
    expect(documentTypeOfMrz(parseMrz(['garbage'], { today }))).toBeNull();
  });

  const table: Array<[DocumentType, DocumentType, boolean]> = [
    ['passport', 'passport', true],
    ['driving-licence', 'passport', false],
    ['id-card', 'residence-permit', true],
    ['residence-permit', 'id-card', true],
    ['passport', 'id-card', false],
    ['other', 'passport', false],
  ];
  it.each(table)('chosen %s, read %s: agrees = %s', (chosen, read, agrees) => {
    expect(typeAgrees(chosen, read)).toBe(agrees);
  });
});
