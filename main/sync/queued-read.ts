// Reading a queued container C (SUBMISSION-PROTOCOL §13.2, §13.4) as pure functions: which of the
// four cases an answer falls into, which documents are ours and which foreign, and what the answer
// teaches about the account (the evidence flags). Runs in main; no I/O.
import { PUBLISHED_STORAGE, type AccountEvidence, type AccountFacts, type CallOutcome, type RetrievedContainer, type RetrievedDocument, type SubmissionState } from './submission-types';


export type QueuedReadCase = 'published' | 'queued' | 'gone' | 'unknown';

export const NO_EVIDENCE: AccountEvidence = { queuedReadsShowDocuments: false, markersEchoed: false, queryListsQueued: false };

export function accountFactsOf(s: SubmissionState): AccountFacts {
  return s.account ?? { markerSlot: false, evidence: { ...NO_EVIDENCE } };
}

/**
 * §13.4 cases. Only OK and REJECTED answers reach here (transient ones are retried). A REJECTED read
 * proves C gone only once queued reads are known to show what is there (API §16 #19).
 */
export function classifyQueuedRead(s: SubmissionState, outcome: CallOutcome): QueuedReadCase {
  if (outcome.class === 'REJECTED') return accountFactsOf(s).evidence.queuedReadsShowDocuments ? 'gone' : 'unknown';
  const r = outcome.retrieved as RetrievedContainer;
  return PUBLISHED_STORAGE.has(r.storageType) ? 'published' : 'queued';
}

/**
 * §13.2: set the flags the answer proves (never clears one). `queued_reads_show_documents` needs a
 * Queued (7) answer showing a DocumentId this app got from an OK createDocument; `markers_echoed`
 * any answer showing a marker this app sent.
 */
export function learnFromRead(s: SubmissionState, r: RetrievedContainer): void {
  if (s.account === undefined) return;
  const ev = s.account.evidence;
  const c = s.app.currentContainerId;
  const docs = r.documents ?? [];
  const known = new Set(s.remoteDocuments.filter((d) => d.containerId === c).map((d) => d.documentId));
  if (r.storageType === 7 && docs.some((d) => known.has(d.documentId))) ev.queuedReadsShowDocuments = true;
  const sent = new Set(s.remoteDocuments.filter((d) => d.containerId === c && d.marker).map((d) => d.marker as string));
  if (docs.some((d) => d.customValues.some((v) => sent.has(v)))) ev.markersEchoed = true;
}

/** A document is ours when its id is among the app's remote items or a marker names this app (§13.4). */
export function isOurDocument(s: SubmissionState, d: RetrievedDocument): boolean {
  const c = s.app.currentContainerId;
  if (s.remoteDocuments.some((r) => r.containerId === c && r.documentId === d.documentId)) return true;
  return d.customValues.some((v) => v.startsWith(`${s.app.id}:`));
}

/** The documents of C carrying the marker of document i. */
export function documentsMarked(r: RetrievedContainer, marker: string): RetrievedDocument[] {
  return (r.documents ?? []).filter((d) => d.customValues.includes(marker));
}

/**
 * Foreign items in C: documents that are not ours, and an applicant photo this app did not upload
 * (unless the photo upload itself is being settled). Returned as ids, for `foreign_documents`.
 */
export function foreignItems(s: SubmissionState, r: RetrievedContainer, opts: { settlingPhoto?: boolean } = {}): string[] {
  const out = (r.documents ?? []).filter((d) => !isOurDocument(s, d)).map((d) => d.documentId);
  const photo = r.applicantPhotoId ?? null;
  const c = s.app.currentContainerId;
  const ownPhoto = s.remoteImages.some((i) => i.containerId === c && i.docIndex === -1 && i.imageId === photo);
  if (photo !== null && !ownPhoto && opts.settlingPhoto !== true) out.push(photo);
  return out;
}

/**
 * CHECK_BEFORE_PUBLISH (§13.4): none of the app's documents or images missing, where absence counts
 * only once queued reads are known to show documents (§13.2). Also true when one of our documents
 * shows an image this app did not upload: somebody else added to it.
 */
export function ourItemsMissingOrAltered(s: SubmissionState, r: RetrievedContainer): boolean {
  const c = s.app.currentContainerId;
  const docs = new Map((r.documents ?? []).map((d) => [d.documentId, d]));
  const absenceCounts = accountFactsOf(s).evidence.queuedReadsShowDocuments;
  for (const rd of s.remoteDocuments.filter((d) => d.containerId === c)) {
    const shown = docs.get(rd.documentId);
    const ownImages = s.remoteImages.filter((i) => i.containerId === c && i.docIndex === rd.docIndex).map((i) => i.imageId);
    if (shown === undefined) {
      if (absenceCounts) return true;
      continue;
    }
    if (shown.imageIds.some((id) => !ownImages.includes(id))) return true;
    if (absenceCounts && ownImages.some((id) => !shown.imageIds.includes(id))) return true;
  }
  const photo = s.remoteImages.find((i) => i.containerId === c && i.docIndex === -1);
  if (photo !== undefined && absenceCounts && r.applicantPhotoId !== photo.imageId) return true;
  return false;
}

/** Whether the absence of a marker proves a createDocument did not land (§13.2). */
export function markerAbsenceCounts(s: SubmissionState): boolean {
  const f = accountFactsOf(s);
  return f.markerSlot && f.evidence.queuedReadsShowDocuments && f.evidence.markersEchoed;
}
