// The cells of SUBMISSION-PROTOCOL §13.4 and §13.5 for apps of origin `queued`: completing an
// existing container C that is never created, abandoned or restarted (I11), where an ambiguous build
// step is resent only after a read has shown it did not land (I12). Pure; called by
// submission-machine.ts, which passes in its shared cells. Runs in main.
import { currentContainer } from './abandon-restart';
import { enterAttention } from './attention';
import { clampRetryAfter } from './backoff';
import type { MachineContext } from './machine-context';
import {
  accountFactsOf,
  classifyQueuedRead,
  documentsMarked,
  foreignItems,
  learnFromRead,
  markerAbsenceCounts,
  ourItemsMissingOrAltered,
  type QueuedReadCase,
} from './queued-read';
import { recordFailure, resetStreak } from './retry-accounting';
import { publishAccepted, publishAmbiguous } from './publish-answers';
import { positionAfterDocument, positionAfterImage, type Position } from './step-sequence';
import type { CallOutcome, ContainerAttempt, Effect, OutcomeClass, RetrievedContainer, Step, SubmissionState } from './submission-types';
import { captureMarker } from './submission-types';

/** ApplicantPhoto is ImageType 1 (API §4.4). */
const APPLICANT_PHOTO_IMAGE_TYPE = 1;

/** The shared cells of the §7.2 machine that these steps reuse. */
export type MachineHelpers = {
  retry(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext): Effect[];
  advance(s: SubmissionState, to: { step: Step; docIndex: number; imgIndex: number }, ctx: MachineContext): void;
  countRejection(s: SubmissionState, ctx: MachineContext): boolean;
  recordResult(s: SubmissionState, r: RetrievedContainer, ctx: MachineContext): Effect[];
};

export class QueuedMachineError extends Error {
  override readonly name = 'QueuedMachineError';
}

/** §13.3: in a queued app, every "→ PUBLISH" of the build sequence goes through CHECK_BEFORE_PUBLISH. */
export function queuedPosition(p: Position): { step: Step; docIndex: number; imgIndex: number } {
  return p.step === 'PUBLISH' ? { step: 'CHECK_BEFORE_PUBLISH', docIndex: 0, imgIndex: 0 } : p;
}

/** Where the first build step of a queued app is (after CHECK_QUEUED). */
export function queuedFirstBuildPosition(s: SubmissionState): { step: Step; docIndex: number; imgIndex: number } {
  if (s.shape.documents.length > 0) return { step: 'CREATE_DOCUMENT', docIndex: 0, imgIndex: 0 };
  return queuedPosition(positionAfterDocument(s.shape, -1));
}

function container(s: SubmissionState): ContainerAttempt {
  const c = currentContainer(s);
  if (c === null) throw new QueuedMachineError('a queued app always has its container (I11)');
  return c;
}

/** Enter RECONCILE for the current build step: after the settle delay when ambiguous, at once when refused. */
function toReconcile(s: SubmissionState, cause: 'ambiguous' | 'rejected', outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  const step = app.step as 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO';
  const sentAt = app.sentAt ?? ctx.now;
  app.reconcile = { step, cause };
  app.step = 'RECONCILE';
  app.phase = 'PENDING';
  if (cause === 'rejected') {
    app.nextAttemptAt = ctx.now;
    return [];
  }
  const r = recordFailure(app, outcome, ctx);
  // §13.5: a request the server is still working on gets time to finish before C is read.
  app.nextAttemptAt = Math.max(sentAt + ctx.params.settleDelayMs, app.retryAfterUntil ?? 0, ctx.now);
  return r.effects;
}

/** §13.5 rows CREATE_DOCUMENT, UPLOAD_IMAGE, UPLOAD_APPLICANT_PHOTO. */
export function queuedBuildOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext, h: MachineHelpers): Effect[] {
  switch (cls) {
    case 'OK':
      recordBuildSuccess(s, outcome.id as string, ctx, h);
      return [];
    case 'NOT_APPLIED':
      return h.retry(s, outcome, ctx);
    case 'AMBIGUOUS':
      return toReconcile(s, 'ambiguous', outcome, ctx);
    case 'REJECTED':
      return toReconcile(s, 'rejected', outcome, ctx);
    default:
      throw new QueuedMachineError(`unhandled ${cls} at ${s.app.step}`);
  }
}

/** I4: the remote id (and the marker it was sent with) is committed with the advance. */
function recordBuildSuccess(s: SubmissionState, id: string, ctx: MachineContext, h: MachineHelpers, step = s.app.step): void {
  const { app } = s;
  const c = container(s);
  if (step === 'CREATE_DOCUMENT') {
    const marker = accountFactsOf(s).markerSlot ? captureMarker(app.id, app.stepDocIndex) : null;
    s.remoteDocuments.push({ containerId: c.containerId, docIndex: app.stepDocIndex, documentId: id, marker });
    h.advance(s, queuedPosition(positionAfterDocument(s.shape, app.stepDocIndex)), ctx);
  } else if (step === 'UPLOAD_IMAGE') {
    const imageType = s.shape.documents[app.stepDocIndex]?.imageTypes[app.stepImgIndex] ?? 0;
    s.remoteImages.push({ containerId: c.containerId, docIndex: app.stepDocIndex, imgIndex: app.stepImgIndex, imageType, imageId: id });
    h.advance(s, queuedPosition(positionAfterImage(s.shape, app.stepDocIndex, app.stepImgIndex)), ctx);
  } else {
    s.remoteImages.push({ containerId: c.containerId, docIndex: -1, imgIndex: -1, imageType: APPLICANT_PHOTO_IMAGE_TYPE, imageId: id });
    h.advance(s, { step: 'CHECK_BEFORE_PUBLISH', docIndex: 0, imgIndex: 0 }, ctx);
  }
  app.reconcile = null;
}

/** §13.5 row PUBLISH. */
export function queuedPublishOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext, h: MachineHelpers): Effect[] {
  const { app } = s;
  const c = container(s);
  switch (cls) {
    case 'OK':
      return publishAccepted(s, c, ctx);
    case 'NOT_APPLIED':
      c.publishLastOutcome = 'not_applied';
      return h.retry(s, outcome, ctx);
    case 'AMBIGUOUS':
      return publishAmbiguous(s, c, outcome, ctx, 'CONFIRM_PUBLISH');
    case 'REJECTED':
      // §13.1: a refused publish is only a reason to read C (someone may have published it first).
      c.publishLastOutcome = 'rejected';
      app.phase = 'PENDING';
      app.step = 'CONFIRM_PUBLISH';
      app.verifyRound = 0;
      app.verifyStartedAt = ctx.now;
      app.nextAttemptAt = ctx.now;
      return [];
    default:
      throw new QueuedMachineError(`unhandled ${cls} at PUBLISH`);
  }
}

/** §13.3: the reads are repeated on transient failures like VERIFY_PUBLISH ("retry (same step)"). */
export function queuedReadOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext, h: MachineHelpers): Effect[] {
  if (cls === 'NOT_APPLIED' || cls === 'AMBIGUOUS') return h.retry(s, outcome, ctx);
  if (cls !== 'OK' && cls !== 'REJECTED') throw new QueuedMachineError(`unhandled ${cls} at ${s.app.step}`);
  if (cls === 'OK') learnFromRead(s, outcome.retrieved as RetrievedContainer);
  const readCase = classifyQueuedRead(s, { ...outcome, class: cls });
  const r = cls === 'OK' ? (outcome.retrieved as RetrievedContainer) : null;
  switch (s.app.step) {
    case 'CHECK_QUEUED':
      return checkQueued(s, readCase, r, ctx, h);
    case 'CHECK_BEFORE_PUBLISH':
      return checkBeforePublish(s, readCase, r, ctx, h);
    case 'RECONCILE':
      return reconcile(s, readCase, r, outcome, ctx, h);
    case 'CONFIRM_PUBLISH':
      return confirmPublish(s, readCase, r, outcome, ctx, h);
    default:
      throw new QueuedMachineError(`no queued read at ${s.app.step}`);
  }
}

function stop(s: SubmissionState, reason: Parameters<typeof enterAttention>[1], foreign?: string[]): Effect[] {
  if (foreign !== undefined) s.app.foreignDocuments = [...new Set([...s.app.foreignDocuments, ...foreign])];
  // queued_unresolved keeps the step being settled: "Continue anyway" sends exactly that step (§10).
  if (reason !== 'queued_unresolved') s.app.reconcile = null;
  return enterAttention(s, reason);
}

function checkQueued(s: SubmissionState, readCase: QueuedReadCase, r: RetrievedContainer | null, ctx: MachineContext, h: MachineHelpers): Effect[] {
  switch (readCase) {
    case 'published':
      return stop(s, 'completed_elsewhere');
    case 'gone':
      return stop(s, 'queued_withdrawn');
    case 'queued': {
      const foreign = foreignItems(s, r as RetrievedContainer);
      if (foreign.length > 0) return stop(s, 'queued_in_use', foreign);
      h.advance(s, queuedFirstBuildPosition(s), ctx);
      return [];
    }
    case 'unknown':
      // The answers to the build steps will tell (§13.4).
      h.advance(s, queuedFirstBuildPosition(s), ctx);
      return [];
  }
}

function checkBeforePublish(s: SubmissionState, readCase: QueuedReadCase, r: RetrievedContainer | null, ctx: MachineContext, h: MachineHelpers): Effect[] {
  switch (readCase) {
    case 'published':
      return stop(s, 'completed_elsewhere');
    case 'gone':
      return stop(s, 'queued_withdrawn');
    case 'queued': {
      const foreign = foreignItems(s, r as RetrievedContainer);
      if (foreign.length > 0 || ourItemsMissingOrAltered(s, r as RetrievedContainer)) return stop(s, 'queued_conflict', foreign);
      h.advance(s, { step: 'PUBLISH', docIndex: 0, imgIndex: 0 }, ctx);
      return [];
    }
    case 'unknown':
      h.advance(s, { step: 'PUBLISH', docIndex: 0, imgIndex: 0 }, ctx);
      return [];
  }
}

function reconcile(
  s: SubmissionState,
  readCase: QueuedReadCase,
  r: RetrievedContainer | null,
  outcome: CallOutcome,
  ctx: MachineContext,
  h: MachineHelpers,
): Effect[] {
  const { app } = s;
  const target = app.reconcile;
  if (target === null) return [{ type: 'log', level: 'error', message: 'RECONCILE without a step to settle' }, ...stop(s, 'queued_unresolved')];
  if (readCase === 'published') return stop(s, 'completed_elsewhere');
  if (readCase === 'gone') return stop(s, 'queued_withdrawn');
  if (readCase === 'unknown') return target.cause === 'ambiguous' ? stop(s, 'queued_unresolved') : repeatRefused(s, outcome, ctx, h);

  const read = r as RetrievedContainer;
  const settlingPhoto = target.step === 'UPLOAD_APPLICANT_PHOTO';
  const foreign = foreignItems(s, read, { settlingPhoto });
  if (foreign.length > 0) {
    // Without a marker slot a document our ambiguous createDocument made cannot be told from a
    // foreign one: stop unresolved, never send a second copy (§12 item 8).
    if (target.step === 'CREATE_DOCUMENT' && target.cause === 'ambiguous' && !accountFactsOf(s).markerSlot) return stop(s, 'queued_unresolved');
    return stop(s, 'queued_conflict', foreign);
  }
  if (target.cause === 'rejected') return repeatRefused(s, outcome, ctx, h);

  const absence = accountFactsOf(s).evidence.queuedReadsShowDocuments;
  switch (target.step) {
    case 'CREATE_DOCUMENT': {
      const known = new Set(s.remoteDocuments.map((d) => d.documentId));
      const marked = documentsMarked(read, captureMarker(app.id, app.stepDocIndex)).filter((d) => !known.has(d.documentId));
      if (marked.length === 1) return adopt(s, 'CREATE_DOCUMENT', (marked[0] as { documentId: string }).documentId, ctx, h);
      if (marked.length > 1) return stop(s, 'queued_conflict', marked.map((d) => d.documentId));
      return markerAbsenceCounts(s) ? resend(s, ctx) : stop(s, 'queued_unresolved');
    }
    case 'UPLOAD_IMAGE': {
      const doc = s.remoteDocuments.find((d) => d.containerId === app.currentContainerId && d.docIndex === app.stepDocIndex);
      const shown = (read.documents ?? []).find((d) => d.documentId === doc?.documentId);
      const recorded = new Set(s.remoteImages.map((i) => i.imageId));
      const unrecorded = (shown?.imageIds ?? []).filter((id) => !recorded.has(id));
      if (unrecorded.length === 1) return adopt(s, 'UPLOAD_IMAGE', unrecorded[0] as string, ctx, h);
      if (unrecorded.length > 1) return stop(s, 'queued_conflict', unrecorded);
      return absence && shown !== undefined ? resend(s, ctx) : stop(s, 'queued_unresolved');
    }
    case 'UPLOAD_APPLICANT_PHOTO': {
      const photo = read.applicantPhotoId ?? null;
      if (photo !== null) return adopt(s, 'UPLOAD_APPLICANT_PHOTO', photo, ctx, h);
      return absence ? resend(s, ctx) : stop(s, 'queued_unresolved');
    }
  }
}

/** Settle an ambiguous step as if it had answered OK with this id. */
function adopt(s: SubmissionState, step: 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO', id: string, ctx: MachineContext, h: MachineHelpers): Effect[] {
  s.app.step = step;
  recordBuildSuccess(s, id, ctx, h, step);
  return [];
}

/** The read proved the ambiguous step did not land: send it again (I12). */
function resend(s: SubmissionState, ctx: MachineContext): Effect[] {
  const { app } = s;
  app.step = (app.reconcile as NonNullable<typeof app.reconcile>).step;
  app.reconcile = null;
  app.phase = 'PENDING';
  app.nextAttemptAt = Math.max(ctx.now, app.retryAfterUntil ?? 0);
  return [];
}

/** §13.4: after a refused build step with C still queued, the refusal concerned the request itself. */
function repeatRefused(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext, h: MachineHelpers): Effect[] {
  const { app } = s;
  if (h.countRejection(s, ctx)) return stop(s, 'rejected');
  app.step = (app.reconcile as NonNullable<typeof app.reconcile>).step;
  app.reconcile = null;
  return h.retry(s, { ...outcome, class: 'REJECTED' }, ctx);
}

function confirmPublish(
  s: SubmissionState,
  readCase: QueuedReadCase,
  r: RetrievedContainer | null,
  outcome: CallOutcome,
  ctx: MachineContext,
  h: MachineHelpers,
): Effect[] {
  const { app } = s;
  const c = container(s);
  const recheckMode = c.publishLastOutcome === 'rejected';
  switch (readCase) {
    case 'published': {
      c.publishedConfirmedAt = ctx.now;
      app.publishedAt ??= ctx.now;
      app.verifyRound = 0;
      app.verifyStartedAt = null;
      resetStreak(app);
      const effects: Effect[] = [{ type: 'audit', action: 'sync.published', containerIds: [c.containerId], detail: 'confirmed by retrieve' }];
      return [...effects, ...h.recordResult(s, r as RetrievedContainer, ctx)];
    }
    case 'gone':
      return stop(s, 'queued_withdrawn');
    case 'queued': {
      if (!recheckMode) {
        const read = r as RetrievedContainer;
        const foreign = foreignItems(s, read);
        if (foreign.length > 0 || ourItemsMissingOrAltered(s, read)) return stop(s, 'queued_conflict', foreign);
        // Publishing the same fixed C again cannot create a second application (§13.1).
        app.step = 'PUBLISH';
        app.phase = 'PENDING';
        app.verifyRound = 0;
        app.verifyStartedAt = null;
        app.nextAttemptAt = Math.max(ctx.now, app.retryAfterUntil ?? 0);
        return [];
      }
      return nextRecheckRound(s, outcome, ctx, 'rejected');
    }
    case 'unknown':
      return nextRecheckRound(s, outcome, ctx, 'publish_unresolved');
  }
}

/** §7.4 step 4 rounds (2, 5, 10, 20, 30 min after entering them); after the last, staff. */
function nextRecheckRound(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext, last: 'rejected' | 'publish_unresolved'): Effect[] {
  const { app } = s;
  app.verifyStartedAt ??= ctx.now;
  const offsets = ctx.params.recheckOffsetsMs;
  if (app.verifyRound >= offsets.length) return stop(s, last);
  const slot = app.verifyStartedAt + (offsets[app.verifyRound] ?? 0);
  app.verifyRound += 1;
  const retryAfter = clampRetryAfter(outcome.retryAfterMs, ctx.params);
  app.phase = 'PENDING';
  app.nextAttemptAt = Math.max(slot, ctx.now, retryAfter === null ? 0 : ctx.now + retryAfter);
  return [];
}

/** §13.4 "the remaining window": foreign documents in the published C are recorded and noted on the result. */
export function recordForeignOnResult(s: SubmissionState, r: RetrievedContainer): void {
  learnFromRead(s, r);
  if (r.documents === undefined) return;
  const foreign = foreignItems(s, r);
  if (foreign.length > 0) s.app.foreignDocuments = [...new Set([...s.app.foreignDocuments, ...foreign])];
}
