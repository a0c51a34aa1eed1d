import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStatus } from '../../../../main/trustid/enums';
import { Container } from '../../../../main/trustid/models';
import {
  applicationSummary,
  bestDocumentField,
  clientApplicationReference,
  displayImages,
  documentReasons,
  documentVerdict,
  failedChecks,
  isPublished,
  processingState,
} from '../../../../main/trustid/result-reading';
import { RetrieveContainerResponse } from '../../../../main/trustid/responses';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/trustid', name), 'utf8')) as unknown;
const full = () => RetrieveContainerResponse.parse(fixture('retrieve-container.json')).Container!;
const withDocs = (...docs: Record<string, unknown>[]) =>
  Container.parse({ Id: 'c', DocumentStorageType: 3, Documents: docs.map((d, i) => ({ DocumentId: `d${i}`, ...d })) });

describe('reading a result (RAW-API §5.7)', () => {
  it('reads the processing state from the storage type, with final winning over Referred', () => {
    expect(processingState({ DocumentStorageType: 3, Referred: true })).toBe('final');
    expect(processingState({ DocumentStorageType: 6, Referred: false })).toBe('referred');
    expect(processingState({ DocumentStorageType: 5, Referred: true })).toBe('referred');
    expect(processingState({ DocumentStorageType: 4, Referred: false })).toBe('processing');
    expect(processingState({ DocumentStorageType: 1, Referred: false })).toBe('unpublished');
    expect(processingState({ DocumentStorageType: 7, Referred: false })).toBe('queued');
    expect(processingState({ DocumentStorageType: 42, Referred: false })).toBe('unknown');
    expect([1, 3, 4, 5, 6, 7].map((t) => isPublished({ DocumentStorageType: t }))).toEqual([false, true, true, true, true, false]);
  });

  it("takes the expert's verdict once audited", () => {
    expect(documentVerdict({ Audited: true, AuditorStatus: 1, OperatorStatus: 2 })).toBe(1);
    expect(documentVerdict({ Audited: false, AuditorStatus: 1, OperatorStatus: 2 })).toBe(2);
    expect(documentVerdict({ Audited: false, AuditorStatus: 0, OperatorStatus: null })).toBe(0);
  });

  it('summarises an application as its worst document verdict', () => {
    const v = (...s: number[]) => applicationSummary(withDocs(...s.map((OperatorStatus) => ({ OperatorStatus })))).verdict;
    expect(v(1, 3, 4)).toBe(DocumentStatus.Failed);
    expect(v(1, 4, 2)).toBe(DocumentStatus.Rejected);
    expect(v(1, 2, 5)).toBe(DocumentStatus.Referred);
    expect(v(1, 0, 5)).toBe(DocumentStatus.Undefined);
    expect(v(1, 5)).toBe(DocumentStatus.NoValidation);
    expect(v(1, 1)).toBe(DocumentStatus.Accepted);
    expect(v()).toBe(DocumentStatus.Undefined);
    expect(applicationSummary(Container.parse({ Id: 'c', DocumentStorageType: 3, OverallStatus: 1 })).attention).toBe(true);
  });

  it('lists failed checks and reviewer words as the reasons, skipping undefined checks', () => {
    const c = withDocs({
      OperatorStatus: 3,
      GeneralDocumentProperties: [
        { Name: 'Expiry date', Value: false, ValueUndefined: false, ErrorMessage: 'Document has expired' },
        { Name: 'UV', Value: false, ValueUndefined: true },
      ],
      MrzValidationProperties: [{ Name: 'MRZ Validations', Value: false, ValueUndefined: false }],
      Notes: 'Image is not clear enough. ',
    });
    const doc = c.Documents[0]!;
    expect(failedChecks(doc).map((p) => p.Name)).toEqual(['Expiry date', 'MRZ Validations']);
    expect(documentReasons(doc)).toEqual(['Expiry date: Document has expired', 'MRZ Validations', 'Image is not clear enough.']);
  });

  it('picks the most trusted source of a field and finds the client reference', () => {
    const c = full();
    expect(bestDocumentField(c.Documents[0]!, 'VI Surname')?.FieldValueString).toBe('SAMPLE');
    expect(bestDocumentField(c.Documents[0]!, 'VI Nothing')).toBeUndefined();
    expect(clientApplicationReference(c)).toBe('018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47');
  });

  it('shows the derived image instead of the original it was cut from (RAW-API §9.3)', () => {
    const doc = full().Documents[0]!;
    expect(displayImages(doc).map((i) => i.ImageType)).toEqual([2]);
    const single = withDocs({ Images: [{ Id: 'i1', ImageType: 2 }] }).Documents[0]!;
    expect(displayImages(single).map((i) => i.Id)).toEqual(['i1']);
  });
});
