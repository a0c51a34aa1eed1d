// What processing concludes about one document (RAW-API §8.4): the facts it can establish from
// what was submitted, the verdict the `auto` scenario derives from them, and how a chosen outcome
// is written onto the document. Runs wherever the emulator runs. Pure.
import type { Outcome } from './config';
import { mrzDateToMs, parseMrz } from './mrz';
import type { DocumentFieldRecord, DocumentRecord, DocumentResult, FeedbackFact } from './state';
import { DOC_STATUS } from './state';

const DAY_MS = 86_400_000;

function fact(name: string, value: boolean, errorMessage: string | null = null): FeedbackFact {
  return { name, value, valueUndefined: false, errorMessage: value ? null : errorMessage };
}

function undefinedFact(name: string): FeedbackFact {
  return { name, value: false, valueUndefined: true, errorMessage: null };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export type Established = { result: DocumentResult; autoOutcome: Outcome };

/**
 * Reads the document as a check would: fields from the MRZ (or the fixture applicant when there is
 * none), check digits, expiry against `nowMs`, whether any image arrived. `newFieldId` hands out
 * DocumentField ids.
 */
export function establishDocument(
  doc: DocumentRecord,
  hasImage: boolean,
  nowMs: number,
  referSurnames: readonly string[],
  newFieldId: () => number,
): Established {
  const mrzText = doc.mrz ?? doc.rfidMrz;
  const parsed = mrzText ? parseMrz(mrzText) : null;
  const nowYear = new Date(nowMs).getUTCFullYear();

  const surname = parsed?.surname ?? 'SAMPLE';
  const given = parsed?.givenNames ?? ['JANE'];
  const firstname = given[0] ?? '';
  const middlename = given.slice(1).join(' ');
  const documentNumber = parsed?.documentNumber ?? 'EMU000001';
  const birthMs = parsed ? mrzDateToMs(parsed.birthDate, 'birth', nowMs) : Date.UTC(1990, 0, 1);
  const expiryMs = parsed ? mrzDateToMs(parsed.expiryDate, 'expiry', nowMs) : Date.UTC(nowYear + 5, 0, 1);

  const textField = (name: string, displayName: string, value: string): DocumentFieldRecord => ({
    id: newFieldId(),
    name,
    displayName,
    dataType: 1,
    valueString: value,
    valueDate: null,
  });
  const dateField = (name: string, displayName: string, ms: number | null): DocumentFieldRecord => ({
    id: newFieldId(),
    name,
    displayName,
    dataType: 3,
    valueString: ms === null ? null : isoDay(ms),
    valueDate: ms,
  });
  // RAW-API §7.3: exactly these six VI fields, SourceId 2, DataType 1 text / 3 date.
  const fields = [
    textField('VI Document Number', 'Document Number', documentNumber),
    textField('VI Firstname', 'First Name', firstname),
    textField('VI Middlename', 'Middle Name', middlename),
    textField('VI Surname', 'Surname', surname),
    dateField('VI Birth Date', 'Birth Date', birthMs),
    dateField('VI Expiration Date', 'Expiration Date', expiryMs),
  ];

  const mrzUnreadable = mrzText !== null && parsed === null;
  const mrzChecks: FeedbackFact[] = parsed
    ? parsed.checks.map((check) => fact(check.name, check.valid, `The ${check.name.toLowerCase()} does not match the MRZ.`))
    : [];
  const checksPass = parsed ? parsed.checks.every((check) => check.valid) : !mrzUnreadable;
  // A document is valid through the whole of its expiry day.
  const expired = expiryMs !== null && expiryMs + DAY_MS <= nowMs;
  const detailsComplete = Boolean(surname && firstname && documentNumber && birthMs !== null && expiryMs !== null);

  const general: FeedbackFact[] = [
    expiryMs === null ? undefinedFact('Expiry date') : fact('Expiry date', !expired, `The document expired on ${isoDay(expiryMs)}.`),
    mrzText === null
      ? undefinedFact('MRZ Validations')
      : fact('MRZ Validations', checksPass, mrzUnreadable ? 'The MRZ could not be read.' : 'One or more MRZ check digits are wrong.'),
    fact('Document details complete', detailsComplete, 'Some document details could not be read.'),
  ];
  const missing: FeedbackFact[] = [fact('Document image', hasImage, 'No image of the document was received.')];

  let autoOutcome: Outcome = 'pass';
  if (!hasImage) autoOutcome = 'reject';
  else if (!checksPass || expired) autoOutcome = 'fail';
  else if (referSurnames.some((name) => name.toUpperCase() === surname.toUpperCase())) autoOutcome = 'refer';

  const summary: FeedbackFact[] = [fact('Document checks', autoOutcome !== 'fail', 'The document failed one or more checks.')];

  return {
    autoOutcome,
    result: {
      documentName: parsed?.format === 'TD3' ? 'Passport' : 'Identity Card',
      fields,
      general,
      summary,
      mrzChecks,
      missing,
      issuingCountry: parsed?.issuingState ?? null,
      nationality: parsed?.nationality ?? null,
      fullname: [firstname, middlename, surname].filter((part) => part.length > 0).join(' '),
      mrzLineCount: parsed?.lines.length ?? 0,
      mrzCharacterCount: parsed ? parsed.lines.join('').length : 0,
    },
  };
}

/** Writes a verdict onto a document whose facts are established (§8.4 scenarios). */
export function applyOutcome(doc: DocumentRecord, outcome: Outcome): void {
  const result = doc.result;
  doc.notes = null;
  switch (outcome) {
    case 'pass':
      doc.operatorStatus = DOC_STATUS.Accepted;
      break;
    case 'fail':
      doc.operatorStatus = DOC_STATUS.Failed;
      // A chosen `fail` on a clean document still needs a fact that says why (§8.4 `fail`).
      if (result && ![...result.general, ...result.summary, ...result.mrzChecks].some((item) => !item.valueUndefined && !item.value)) {
        result.summary.push(fact('Security features', false, 'The security features could not be verified.'));
      }
      break;
    case 'reject':
      doc.operatorStatus = DOC_STATUS.Rejected;
      doc.notes = 'Image is not clear enough.';
      break;
    case 'refer':
      doc.operatorStatus = DOC_STATUS.Referred;
      break;
  }
}
