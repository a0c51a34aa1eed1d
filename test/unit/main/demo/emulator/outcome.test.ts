// What processing concludes about one document (RAW-API §8.4), from plain records.
import { describe, expect, it } from 'vitest';
import { applyOutcome, establishDocument } from '../../../../../main/demo/emulator/outcome';
import { buildTd3 } from '../../../../../main/demo/emulator/mrz';
import type { DocumentRecord } from '../../../../../main/demo/emulator/state';

const NOW = Date.UTC(2026, 5, 1, 12);

function doc(mrz: string | null): DocumentRecord {
  return {
    id: 'd',
    containerId: 'c',
    createdAt: NOW,
    updatedAt: NOW,
    documentType: 0,
    mrz,
    rfidMrz: null,
    scannerType: null,
    feedbackPersonMatches: 0,
    imageIds: [],
    operatorStatus: 0,
    operatorMessage: null,
    notes: null,
    audited: false,
    auditorStatus: 0,
    auditedByUser: null,
    auditorMessage: null,
    result: null,
  };
}

const passport = (surname: string, expiry: string) =>
  buildTd3({ issuingState: 'GBR', surname, givenNames: ['JANE'], documentNumber: '123456789', nationality: 'GBR', birthDate: '900101', sex: 'F', expiryDate: expiry });

function establish(mrz: string | null, hasImage = true, refer = ['REFER']) {
  let id = 1;
  return establishDocument(doc(mrz), hasImage, NOW, refer, () => id++);
}

const falseNames = (result: ReturnType<typeof establish>['result']) =>
  [...result.general, ...result.summary, ...result.mrzChecks, ...result.missing].filter((fact) => !fact.valueUndefined && !fact.value).map((fact) => fact.name);

describe('document outcome', () => {
  it('passes a valid in-date passport with every fact true', () => {
    const { autoOutcome, result } = establish(passport('SAMPLE', '310101'));
    expect(autoOutcome).toBe('pass');
    expect(falseNames(result)).toEqual([]);
    expect(result.documentName).toBe('Passport');
    expect(result.issuingCountry).toBe('GBR');
  });

  it('is valid through the whole expiry day and failed the day after', () => {
    const lastDay = establishDocument(doc(passport('SAMPLE', '260601')), true, Date.UTC(2026, 5, 1, 23, 59), [], () => 1);
    expect(lastDay.autoOutcome).toBe('pass');
    const dayAfter = establishDocument(doc(passport('SAMPLE', '260601')), true, Date.UTC(2026, 5, 2), [], () => 1);
    expect(dayAfter.autoOutcome).toBe('fail');
    expect(falseNames(dayAfter.result)).toEqual(['Expiry date', 'Document checks']);
  });

  it('fails an MRZ that cannot be read at all', () => {
    const { autoOutcome, result } = establish('P<GARBAGE');
    expect(autoOutcome).toBe('fail');
    expect(result.general.find((fact) => fact.name === 'MRZ Validations')?.errorMessage).toBe('The MRZ could not be read.');
  });

  it('rejects a document without an image before judging its MRZ', () => {
    expect(establish(passport('SAMPLE', '100101'), false).autoOutcome).toBe('reject');
  });

  it('refers a listed surname, case-insensitively', () => {
    expect(establish(passport('REFER', '310101'), true, ['refer']).autoOutcome).toBe('refer');
    expect(establish(passport('REFERS', '310101')).autoOutcome).toBe('pass');
  });

  it('uses the fixture applicant when no MRZ was sent, with MRZ checks undefined', () => {
    const { autoOutcome, result } = establish(null);
    expect(autoOutcome).toBe('pass');
    expect(result.fullname).toBe('JANE SAMPLE');
    expect(result.documentName).toBe('Identity Card');
    expect(result.general.find((fact) => fact.name === 'MRZ Validations')).toMatchObject({ valueUndefined: true });
    expect(result.fields.map((field) => field.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes chosen verdicts, adding a reason to a chosen failure that has none', () => {
    const record = doc(passport('SAMPLE', '310101'));
    record.result = establish(record.mrz).result;
    applyOutcome(record, 'fail');
    expect(record.operatorStatus).toBe(3);
    expect(falseNames(record.result)).toEqual(['Security features']);
    applyOutcome(record, 'reject');
    expect(record).toMatchObject({ operatorStatus: 4, notes: 'Image is not clear enough.' });
    applyOutcome(record, 'refer');
    expect(record).toMatchObject({ operatorStatus: 2, notes: null });
    applyOutcome(record, 'pass');
    expect(record.operatorStatus).toBe(1);
  });
});
