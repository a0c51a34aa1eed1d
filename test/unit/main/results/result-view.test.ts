import { describe, expect, it } from 'vitest';
import { containerVerdict, resultDetail } from '../../../../main/results/result-view';
import { Container } from '../../../../main/trustid';
import type { ResultSummary } from '../../../../preload/contract';

const summary: ResultSummary = { id: 'app-1', localReference: 'ABCD-1234', capturedAt: 1, name: null, verdict: 'processing', documentCount: 1, origin: 'kiosk', state: 'being_checked' };

function container(over: Record<string, unknown>, docs: Array<Record<string, unknown>>) {
  return Container.parse({ Id: '54eaaf9a-40a0-4e46-a156-d28299f3b6f3', DocumentStorageType: 3, Documents: docs, ...over });
}

const doc = (over: Record<string, unknown> = {}) => ({ DocumentId: '54eaaf9a-40a0-4e46-a156-d28299f3b6f4', DocumentName: 'Passport', OperatorStatus: 1, ...over });

describe('result view', () => {
  it('reads an accepted passport as accepted, with what TrustID read', () => {
    const c = container({ Fullname: 'ANNA MARIA ERIKSSON' }, [
      doc({
        DocumentFields: [
          { Name: 'VI Surname', FieldValueString: 'ERIKSSON', SourceId: 2 },
          { Name: 'VI Surname', FieldValueString: 'ERIKSS0N', SourceId: 1 },
          { Name: 'VI Expiration Date', FieldValueDate: '/Date(1893456000000+0000)/', SourceId: 2 },
        ],
        GeneralDocumentProperties: [{ Name: 'Expiry date', Value: true, ValueUndefined: false }],
      }),
    ]);
    const detail = resultDetail(summary, c);
    expect(detail.verdict).toBe('accepted');
    expect(detail.name).toBe('ANNA MARIA ERIKSSON');
    expect(detail.documents[0]!.fields).toEqual([
      { label: 'Surname', value: 'ERIKSSON', code: 'surname' },
      { label: 'Expiry date', value: '2030-01-01', code: 'expiryDate' },
    ]);
    expect(detail.documents[0]!.facts).toEqual([{ name: 'The document is in date', passed: true, explanation: 'Passed.', code: 'expiry' }]);
  });

  it('shows the document-level custom field values under their display names, but not the capture marker (issue 10 §5)', () => {
    const entry = (name: string, display: string, index: number, value: string) => ({ Key: name, Value: { Index: index, PropertyName: name, DisplayName: display, Value: value } });
    const c = container({}, [
      doc({
        CustomFieldDictionary: [
          entry('BadgeNumber', 'Badge Number', 0, 'B-2047'),
          entry('Desk', '', 1, ''),
          entry('KioskCaptureRef', 'Kiosk capture', 9, '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47:0'),
        ],
      }),
    ]);
    expect(resultDetail(summary, c).documents[0]!.fields).toEqual([{ label: 'Badge Number', value: 'B-2047' }]);
  });

  it('puts failed checks first, explained, and takes the worst document for the application', () => {
    const c = container({}, [
      doc(),
      doc({
        DocumentName: 'ID card',
        OperatorStatus: 3,
        MrzValidationProperties: [
          { Name: 'Check digits', Value: true, ValueUndefined: false },
          { Name: 'MRZ Validations', Value: false, ValueUndefined: false, ErrorMessage: 'The document number check digit is wrong.' },
          { Name: 'Unknown', Value: false, ValueUndefined: true },
        ],
        OperatorMessage: '  Checked by the operator. ',
      }),
    ]);
    const detail = resultDetail(summary, c);
    expect(detail.verdict).toBe('failed');
    const card = detail.documents[1]!;
    expect(card.verdict).toBe('failed');
    expect(card.facts.map((f) => [f.name, f.passed])).toEqual([
      ['The machine-readable zone is consistent', false],
      ['The check digits are correct', true],
    ]);
    expect(card.facts[0]!.explanation).toBe('The document number check digit is wrong.');
    expect(card.notes).toEqual(['Checked by the operator.']);
  });

  it('says processing or referred until the result is final, and uses the expert verdict once audited', () => {
    expect(containerVerdict(container({ DocumentStorageType: 4 }, [doc()]))).toBe('processing');
    expect(containerVerdict(container({ DocumentStorageType: 6 }, [doc()]))).toBe('referred');
    expect(containerVerdict(container({}, [doc({ OperatorStatus: 2, Audited: true, AuditorStatus: 1 })]))).toBe('accepted');
  });

  it('marks an application TrustID flagged for attention', () => {
    expect(resultDetail(summary, container({ OverallStatus: 1 }, [doc()])).attention).toBe(true);
  });
});
