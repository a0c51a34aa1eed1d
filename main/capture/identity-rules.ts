// One person per check (issue 11 §1): what each MRZ read says about the holder, compared across
// the reads of one document (a retake must show the same document) and across the documents of a
// check (a second document must be the same person's). Pure; runs in main.
//
// Real-world differences are allowed where they are common and harmless: an older document in a
// maiden name (surname only), a second nationality's passport (nationality, issuing state), a
// different document's number and code. What must agree is the date of birth; given names that
// differ too (twins share a surname and a birthday) need staff to vouch for the documents.
import type { DocumentType, HolderField } from '../../preload/contract';
import type { MrzReading } from '../devices/mrz/mrz-reading';

/** What one read says about the holder; null where the MRZ did not say (or its check digit failed). */
export type HolderFacts = Record<HolderField, string | null>;


export type IdentityIssue =
  /** A later read of a document (a retake, its other side) shows another document. Never overridable. */
  | { kind: 'different-document'; document: number; fields: HolderField[]; overridable: false }
  /** Two documents of the check disagree on what must agree. */
  | { kind: 'different-person'; documents: [number, number]; fields: HolderField[]; overridable: boolean };

export type IdentityNote =
  /** Two documents differ only where the same person's documents may (a maiden name, a second nationality). */
  { kind: 'allowed-difference'; documents: [number, number]; fields: HolderField[] };

export type IdentityVerdict = {
  issues: IdentityIssue[];
  notes: IdentityNote[];
  /** Whether Submit is blocked: an issue the override does not cover. */
  blocking: boolean;
  /** The override covers these issues exactly; null when there is nothing to override. */
  overrideKey: string | null;
};

/** One document as the rules see it: each distinct read of it, in arrival order. */
export type DocumentReads = { reads: readonly HolderFacts[] };

const sameDocumentFields: readonly HolderField[] = ['documentCode', 'issuingState', 'documentNumber', 'surname', 'givenNames', 'birthDate', 'nationality'];

function clean(value: string | null | undefined): string | null {
  const v = (value ?? '').replace(/[<\s]+/g, ' ').trim().toUpperCase();
  return v === '' ? null : v;
}

/** Facts from a parsed MRZ; a field whose own check digit failed counts as unknown (the reading nulls it). */
export function holderFactsOf(reading: MrzReading): HolderFacts | null {
  if (!reading.ok) return null;
  const v = reading.values;
  // A value whose own check digit failed may be a misread: unknown, not a difference.
  const checked = (digit: string) => !reading.fields.some((f) => f.name === digit && !f.valid);
  return {
    surname: clean(v.lastName),
    givenNames: clean(v.firstName),
    birthDate: checked('birthDateCheckDigit') ? reading.birthDate : null,
    documentNumber: checked('documentNumberCheckDigit') ? clean(reading.documentNumber ?? v.documentNumber) : null,
    nationality: clean(v.nationality),
    issuingState: clean(v.issuingState),
    documentCode: clean(v.documentCode),
  };
}

function differs(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** Given names agree when one's names start the other's ("ANGELA" and "ANGELA ZOE"). */
function givenNamesDiffer(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const [short, long] = a.length <= b.length ? [a.split(' '), b.split(' ')] : [b.split(' '), a.split(' ')];
  return !short.every((name, i) => long[i] === name);
}

/** Where a later read of one document disagrees with its first read. */
export function documentDifferences(first: HolderFacts, later: HolderFacts): HolderField[] {
  return sameDocumentFields.filter((f) => differs(first[f], later[f]));
}

/**
 * Two documents of one check: the fields that stop Submit, whether staff may vouch for them, and
 * the differences allowed without a word from staff (shown as a note).
 */
export function personDifferences(a: HolderFacts, b: HolderFacts): { blocking: HolderField[]; overridable: boolean; allowed: HolderField[] } {
  const birth = differs(a.birthDate, b.birthDate);
  const given = givenNamesDiffer(a.givenNames, b.givenNames);
  const surname = differs(a.surname, b.surname);
  const allowed = (['nationality', 'issuingState'] as const).filter((f) => differs(a[f], b[f]));
  if (birth) return { blocking: ['birthDate', ...(surname ? (['surname'] as const) : []), ...(given ? (['givenNames'] as const) : [])], overridable: false, allowed };
  if (given) return { blocking: [...(surname ? (['surname'] as const) : []), 'givenNames'], overridable: true, allowed };
  return { blocking: [], overridable: false, allowed: [...(surname ? (['surname'] as const) : []), ...allowed] };
}

/** Every issue and note of a check; `override` is the key staff vouched for, if any. */
export function checkIdentity(documents: readonly DocumentReads[], override: string | null): IdentityVerdict {
  const issues: IdentityIssue[] = [];
  const notes: IdentityNote[] = [];
  const firsts: (HolderFacts | null)[] = [];
  for (const [index, doc] of documents.entries()) {
    const [first, ...later] = doc.reads;
    firsts.push(first ?? null);
    if (!first) continue;
    const fields = [...new Set(later.flatMap((read) => documentDifferences(first, read)))];
    if (fields.length > 0) issues.push({ kind: 'different-document', document: index, fields: sameDocumentFields.filter((f) => fields.includes(f)), overridable: false });
  }
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      const a = firsts[i];
      const b = firsts[j];
      if (!a || !b) continue;
      const found = personDifferences(a, b);
      if (found.blocking.length > 0) issues.push({ kind: 'different-person', documents: [i, j], fields: found.blocking, overridable: found.overridable });
      if (found.allowed.length > 0) notes.push({ kind: 'allowed-difference', documents: [i, j], fields: found.allowed });
    }
  }
  const overridable = issues.filter((issue) => issue.overridable);
  const overrideKey = overridable.length > 0 ? JSON.stringify(overridable.map((issue) => [issue.kind, issue.kind === 'different-person' ? issue.documents : issue.document, issue.fields])) : null;
  const covered = (issue: IdentityIssue) => issue.overridable && override !== null && override === overrideKey;
  return { issues, notes, blocking: issues.some((issue) => !covered(issue)), overrideKey };
}

const drivingLicenceFormats = new Set(['FRENCH_DRIVING_LICENSE', 'SWISS_DRIVING_LICENSE']);

/**
 * The document type an MRZ says it is (ICAO 9303 part 3 §4.2.2 document codes: P passport,
 * I/A/C identity and residence cards, V visa), or null when it does not say.
 */
export function documentTypeOfMrz(reading: MrzReading): DocumentType | null {
  if (!reading.ok) return null;
  if (drivingLicenceFormats.has(reading.format)) return 'driving-licence';
  const code = clean(reading.values.documentCode) ?? '';
  if (code.startsWith('P')) return 'passport';
  if (code.startsWith('V')) return 'other';
  if (/^[IAC]/.test(code)) return code[1] === 'R' ? 'residence-permit' : 'id-card';
  return null;
}

/** Whether the type staff chose agrees with what the MRZ says (an ID-card code fits a residence card too). */
export function typeAgrees(chosen: DocumentType, read: DocumentType): boolean {
  if (chosen === read) return true;
  const cards: DocumentType[] = ['id-card', 'residence-permit'];
  return cards.includes(chosen) && cards.includes(read);
}
