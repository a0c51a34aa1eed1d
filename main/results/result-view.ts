// A TrustID result for staff (RAW-API §5.7): the overall and per-document verdicts (the renderer
// words them in the staff's language), the checks that passed or failed, the fields TrustID read,
// the images. Pure.
import type { ResultDetail, ResultSummary, Verdict } from '../../preload/contract';
import {
  applicationSummary,
  bestDocumentField,
  displayImages,
  documentVerdict,
  DocumentStatus,
  ImageType,
  type Container,
  type Document,
  type FeedbackProperty,
} from '../trustid';

const verdictOf: Record<number, Verdict> = {
  [DocumentStatus.Accepted]: 'accepted',
  [DocumentStatus.Referred]: 'referred',
  [DocumentStatus.Failed]: 'failed',
  [DocumentStatus.Rejected]: 'rejected',
  [DocumentStatus.NoValidation]: 'no-validation',
  [DocumentStatus.Undefined]: 'undefined',
};

/** Plain-words names for the checks TrustID reports (RAW-API §7.5), with the code the renderer words them by; others are shown as named. */
const checkNames: Record<string, { code: string; name: string }> = {
  'MRZ Validations': { code: 'mrz', name: 'The machine-readable zone is consistent' },
  'Expiry date': { code: 'expiry', name: 'The document is in date' },
  'Document details complete': { code: 'complete', name: 'All the document’s details are present' },
  'Check digits': { code: 'checkDigits', name: 'The check digits are correct' },
  'Document blacklisted': { code: 'blockList', name: 'The document is not on a block list' },
};

const VISIBLE_FIELDS: Array<[string, string, string]> = [
  ['VI Surname', 'Surname', 'surname'],
  ['VI Firstname', 'First name', 'firstName'],
  ['VI Middlename', 'Middle name', 'middleName'],
  ['VI Document Number', 'Document number', 'documentNumber'],
  ['VI Birth Date', 'Date of birth', 'dateOfBirth'],
  ['VI Expiration Date', 'Expiry date', 'expiryDate'],
];

export function verdictFromNumber(status: number): Verdict {
  return verdictOf[status] ?? 'undefined';
}

function fact(p: FeedbackProperty): { name: string; passed: boolean; explanation: string; code?: string; fromTrustId?: boolean } {
  const name = p.Name ?? 'Check';
  const known = checkNames[name];
  const passed = p.Value === true;
  const message = passed ? '' : (p.ErrorMessage?.trim() ?? '');
  return {
    name: known?.name ?? name,
    passed,
    explanation: passed ? 'Passed.' : message || 'Did not pass.',
    ...(known ? { code: known.code } : {}),
    ...(message ? { fromTrustId: true } : {}),
  };
}

function fieldValue(doc: Document, name: string): string | null {
  const f = bestDocumentField(doc, name);
  if (!f) return null;
  if (f.FieldValueString) return f.FieldValueString;
  return f.FieldValueDate ? f.FieldValueDate.toISOString().slice(0, 10) : null;
}

/**
 * Issue 10 §5: the document-level custom field values (RAW-API §7.9) staff or TrustID set, under
 * their display names. The capture marker ("<application id>:<document index>") is the kiosk's
 * bookkeeping, not something staff filled in, so it is not shown.
 */
function documentCustomFields(doc: Document): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  for (const entry of doc.CustomFieldDictionary) {
    const value = entry.Value?.Value;
    if (typeof value !== 'string' || value === '' || CAPTURE_MARKER.test(value)) continue;
    out.push({ label: entry.Value?.DisplayName?.trim() || entry.Value?.PropertyName?.trim() || entry.Key || 'Document field', value });
  }
  return out;
}

const CAPTURE_MARKER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+$/i;

function documentView(doc: Document) {
  const verdict = verdictFromNumber(documentVerdict(doc));
  const properties = [...doc.GeneralDocumentProperties, ...doc.DocumentResultsSummary, ...doc.MrzValidationProperties, ...doc.MissingFieldsProperties];
  const facts = properties.filter((p) => p.ValueUndefined === false).map(fact);
  // Failed checks first: they are what staff must act on.
  facts.sort((a, b) => Number(a.passed) - Number(b.passed));
  const notes = [doc.AuditorMessage, doc.OperatorMessage, doc.Notes].map((t) => t?.trim()).filter((t): t is string => Boolean(t));
  return {
    name: doc.DocumentName?.trim() || 'Document',
    verdict,
    facts,
    fields: [
      ...VISIBLE_FIELDS.flatMap(([name, label, code]) => {
        const value = fieldValue(doc, name);
        return value ? [{ label, value, code }] : [];
      }),
      // Account-defined labels: shown as TrustID holds them, without a code to word.
      ...documentCustomFields(doc),
    ],
    images: displayImages(doc).map((img) => {
      const kind = img.ImageType === ImageType.ApplicantPhoto ? ('photo' as const) : img.ImageType === ImageType.CardBackDefault ? ('back' as const) : ('front' as const);
      return { id: img.Id, label: kind === 'photo' ? 'Photo' : `Image (${kind})`, kind };
    }),
    notes,
  };
}

/** The application's verdict: 'processing' or 'referred' until the result is final. */
export function containerVerdict(container: Container): Verdict {
  const summary = applicationSummary(container);
  if (summary.state === 'referred') return 'referred';
  if (summary.state !== 'final') return 'processing';
  return verdictFromNumber(summary.verdict);
}

export function resultDetail(summary: ResultSummary, container: Container): ResultDetail {
  const verdict = containerVerdict(container);
  const attention = applicationSummary(container).attention;
  return {
    ...summary,
    name: container.Fullname?.trim() || summary.name,
    verdict,
    attention,
    documents: container.Documents.map(documentView),
    remoteAvailable: true,
  };
}
