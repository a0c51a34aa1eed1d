// The per-application state machine of SUBMISSION-PROTOCOL §7 as a pure function:
// `nextSubmissionStep(state, event, ctx) → { state, effects }`. The worker persists the returned
// state (one transaction, W1/W2) and carries out the effects. Runs in main; no I/O.
import { abandonAndRestart, abandonGuardHolds, containerBlockingNewAttempt, currentContainer } from './abandon-restart';
import { enterAttention } from './attention';
import { clampRetryAfter } from './backoff';
import type { MachineContext } from './machine-context';
import { nextPollAt, resultDeadlinePassed } from './poll-schedule';
import { recordFailure, recordOutcomeDetails, resetStreak } from './retry-accounting';
import { accountFactsOf } from './queued-read';
import { queuedBuildOutcome, queuedPublishOutcome, queuedReadOutcome, recordForeignOnResult, type MachineHelpers } from './queued-steps';
import { publishAccepted, publishAmbiguous } from './publish-answers';
import { positionAfterContainer, positionAfterDocument, positionAfterImage, type Position } from './step-sequence';
import type { CallOutcome, ContainerAttempt, Effect, OutcomeClass, StepCall, SubmissionState, Transition } from './submission-types';
import { captureMarker, isMutatingStep, isTerminalStep, PUBLISHED_STORAGE } from './submission-types';

export type SubmissionEvent =
  /** The worker is about to run the app's current step: returns the SENT state and the call. */
  | { type: 'begin' }
  /** The classified answer to the call `begin` asked for. */
  | { type: 'outcome'; outcome: CallOutcome }
  /** §7.2: the local file failed its sha256 check (or is missing); no call is made. */
  | { type: 'local_image_corrupt' };

export class SubmissionMachineError extends Error {
  override readonly name = 'SubmissionMachineError';
}

/** ApplicantPhoto is ImageType 1 (API §4.4, §7.1). */
export const APPLICANT_PHOTO_IMAGE_TYPE = 1;

/** API §8.1: Temp (1) and Queued (7) are positive evidence that C exists unpublished. */
const UNPUBLISHED_STORAGE = new Set([1, 7]);

export function nextSubmissionStep(state: SubmissionState, event: SubmissionEvent, ctx: MachineContext): Transition {
  const draft = structuredClone(state);
  switch (event.type) {
    case 'begin':
      return { state: draft, effects: begin(draft, ctx) };
    case 'local_image_corrupt':
      if (draft.app.step !== 'UPLOAD_IMAGE' && draft.app.step !== 'UPLOAD_APPLICANT_PHOTO') {
        throw new SubmissionMachineError(`local_image_corrupt reported at step ${draft.app.step}`);
      }
      if (draft.app.phase !== 'PENDING') throw new SubmissionMachineError('the image check must come before the SENT commit');
      return { state: draft, effects: enterAttention(draft, 'local_image_corrupt') };
    case 'outcome':
      return { state: draft, effects: applyOutcome(draft, event.outcome, ctx) };
  }
}

// ---------------------------------------------------------------------------------------------
// begin: W1 (SENT before the call), §7.5 proactive expiry, I1 before any new container.

function begin(s: SubmissionState, ctx: MachineContext): Effect[] {
  const { app } = s;
  if (app.attentionReason !== null) throw new SubmissionMachineError('an app that needs attention is out of the queue');
  if (isTerminalStep(app.step)) throw new SubmissionMachineError(`nothing to run at ${app.step}`);
  if (app.phase !== 'PENDING') throw new SubmissionMachineError('a SENT step must go through crash recovery first');

  if (app.step === 'CREATE_CONTAINER') {
    const blocking = containerBlockingNewAttempt(s);
    if (blocking !== undefined) {
      // I1 / §7.4 step 5. The table never gets here; if it does, stop rather than risk a 2nd publish.
      return [
        { type: 'log', level: 'error', message: 'refused to create a container while another may be published; this is a bug' },
        ...enterAttention(s, 'publish_unresolved'),
      ];
    }
    app.phase = 'SENT';
    app.sentAt = ctx.now;
    return [{ type: 'call', call: { kind: 'createContainer', appId: app.id } }];
  }

  const c = currentContainer(s);
  if (c === null && app.origin === 'queued') {
    // I11: C is fixed from W0 on; without it there is nothing safe to do but ask staff.
    return [{ type: 'log', level: 'error', message: `queued app at ${app.step} has no container; this is a bug` }, ...enterAttention(s, 'queued_unresolved')];
  }
  if (c === null) {
    // Every step after CREATE_CONTAINER names C (I4 commits it with the advance); a missing one is
    // damage, and starting again is safe because there is nothing that could be published.
    return [
      { type: 'log', level: 'error', message: `step ${app.step} has no current container; restarting` },
      ...abandonAndRestart(s, { reason: 'rejected', cause: 'immediate' }, ctx),
    ];
  }

  // §13.1: a queued container is never restarted, so the age limit does not apply to it.
  if (app.origin === 'kiosk' && isMutatingStep(app.step) && ctx.now - c.createdAt > ctx.params.containerAgeLimitMs && abandonGuardHolds(c)) {
    // §7.5 proactive: rebuild rather than publish into a container that may vanish halfway.
    return abandonAndRestart(s, { reason: 'expired_age', cause: 'immediate' }, ctx);
  }

  const call = callFor(s, c);
  if (call === null && app.origin === 'queued') {
    return [{ type: 'log', level: 'error', message: `no DocumentId stored for document ${app.stepDocIndex} of a queued app` }, ...enterAttention(s, 'queued_unresolved')];
  }
  if (call === null) {
    return [
      { type: 'log', level: 'error', message: `no DocumentId stored for document ${app.stepDocIndex}; restarting` },
      ...abandonAndRestart(s, { reason: 'ambiguous_document', cause: 'immediate' }, ctx),
    ];
  }
  if (isMutatingStep(app.step)) {
    app.phase = 'SENT';
    app.sentAt = ctx.now;
    // W1: the SENT commit for a publish also records that a publish was attempted.
    if (app.step === 'PUBLISH') c.publishAttempted = true;
  }
  return [{ type: 'call', call }];
}

function callFor(s: SubmissionState, c: ContainerAttempt): StepCall | null {
  const { app } = s;
  const containerId = c.containerId;
  switch (app.step) {
    case 'CREATE_DOCUMENT':
      // §2: the capture marker goes on every document when the account has a marker slot.
      return accountFactsOf(s).markerSlot
        ? { kind: 'createDocument', containerId, docIndex: app.stepDocIndex, marker: captureMarker(app.id, app.stepDocIndex) }
        : { kind: 'createDocument', containerId, docIndex: app.stepDocIndex };
    case 'UPLOAD_IMAGE': {
      const doc = s.remoteDocuments.find((d) => d.containerId === containerId && d.docIndex === app.stepDocIndex);
      const imageType = s.shape.documents[app.stepDocIndex]?.imageTypes[app.stepImgIndex];
      if (doc === undefined || imageType === undefined) return null;
      return { kind: 'uploadImage', containerId, documentId: doc.documentId, docIndex: app.stepDocIndex, imgIndex: app.stepImgIndex, imageType };
    }
    case 'UPLOAD_APPLICANT_PHOTO':
      return { kind: 'uploadApplicantPhoto', containerId };
    case 'PUBLISH':
      return { kind: 'publish', containerId };
    case 'VERIFY_PUBLISH':
      return { kind: 'retrieve', containerId, purpose: 'verify' };
    case 'AWAIT_RESULT':
    case 'RESULT_OVERDUE':
      return { kind: 'retrieve', containerId, purpose: 'poll' };
    case 'CHECK_QUEUED':
    case 'CHECK_BEFORE_PUBLISH':
    case 'RECONCILE':
    case 'CONFIRM_PUBLISH':
      return { kind: 'retrieve', containerId, purpose: 'check' };
    default:
      throw new SubmissionMachineError(`no call for step ${app.step}`);
  }
}

// ---------------------------------------------------------------------------------------------
// outcomes: the cells of the §7.2 table.

function applyOutcome(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  if (isMutatingStep(app.step) && app.phase !== 'SENT') throw new SubmissionMachineError('I3: an outcome for a mutating step that was never marked SENT');
  recordOutcomeDetails(app, outcome);
  let cls: OutcomeClass = outcome.class;
  // OK without the id the call must return is a protocol error, ambiguous for creates (§4 class 5).
  if (cls === 'OK' && needsId(app.step) && !outcome.id) cls = 'AMBIGUOUS';
  if (cls === 'OK' && isRetrieve(app.step) && !outcome.retrieved) cls = 'AMBIGUOUS';
  if (cls === 'SESSION') {
    if (app.sessionRenewals < ctx.params.sessionRenewalGuard) return renew(s, ctx);
    // §6 renewal loop guard: the 3rd consecutive SESSION for one step is NOT_APPLIED.
    cls = 'NOT_APPLIED';
  }
  if (cls !== 'OK') app.sessionRenewals = 0;
  if (cls === 'CONFIG' && outcome.accessDenied === true && app.origin === 'queued') {
    // §13.6: this account may not see or change C; only this app stops, the queue keeps running.
    if (app.step === 'PUBLISH') (currentContainer(s) as ContainerAttempt).publishLastOutcome = 'not_applied';
    return enterAttention(s, 'queued_no_access');
  }
  if (cls === 'CONFIG' || cls === 'AUTH') return pause(s, cls === 'AUTH' ? 'PAUSED_AUTH' : 'PAUSED_CONFIG');

  if (app.origin === 'queued') {
    const h = machineHelpers;
    switch (app.step) {
      case 'CREATE_DOCUMENT':
      case 'UPLOAD_IMAGE':
      case 'UPLOAD_APPLICANT_PHOTO':
        return queuedBuildOutcome(s, cls, outcome, ctx, h);
      case 'PUBLISH':
        return queuedPublishOutcome(s, cls, outcome, ctx, h);
      case 'CHECK_QUEUED':
      case 'CHECK_BEFORE_PUBLISH':
      case 'RECONCILE':
      case 'CONFIRM_PUBLISH':
        return queuedReadOutcome(s, cls, outcome, ctx, h);
      default:
        break;
    }
  }

  switch (app.step) {
    case 'CREATE_CONTAINER':
      return createContainerOutcome(s, cls, outcome, ctx);
    case 'CREATE_DOCUMENT':
    case 'UPLOAD_IMAGE':
    case 'UPLOAD_APPLICANT_PHOTO':
      return buildStepOutcome(s, cls, outcome, ctx);
    case 'PUBLISH':
      return publishOutcome(s, cls, outcome, ctx);
    case 'VERIFY_PUBLISH':
      return verifyOutcome(s, cls, outcome, ctx);
    case 'AWAIT_RESULT':
      return pollOutcome(s, cls, outcome, ctx);
    case 'RESULT_OVERDUE':
      return overdueCheckOutcome(s, cls, outcome, ctx);
    default:
      throw new SubmissionMachineError(`no outcome expected at ${app.step}`);
  }
}

function needsId(step: string): boolean {
  return step === 'CREATE_CONTAINER' || step === 'CREATE_DOCUMENT' || step === 'UPLOAD_IMAGE' || step === 'UPLOAD_APPLICANT_PHOTO';
}

function isRetrieve(step: string): boolean {
  return (
    step === 'VERIFY_PUBLISH' ||
    step === 'AWAIT_RESULT' ||
    step === 'RESULT_OVERDUE' ||
    step === 'CHECK_QUEUED' ||
    step === 'CHECK_BEFORE_PUBLISH' ||
    step === 'RECONCILE' ||
    step === 'CONFIRM_PUBLISH'
  );
}

/** §6: drop the session, commit PENDING (SessionExpired means not applied), repeat at once. */
function renew(s: SubmissionState, ctx: MachineContext): Effect[] {
  const { app } = s;
  app.sessionRenewals += 1;
  app.phase = 'PENDING';
  // I7: no failure counted, no budget used.
  app.nextAttemptAt = Math.max(ctx.now, app.step === 'RESULT_OVERDUE' ? app.nextAttemptAt : ctx.now);
  return [{ type: 'renew_session' }];
}

function pause(s: SubmissionState, kind: 'PAUSED_CONFIG' | 'PAUSED_AUTH'): Effect[] {
  const { app } = s;
  if (app.step === 'PUBLISH') {
    // CONFIG is "not applied on the server" (§4).
    const c = currentContainer(s);
    if (c !== null) c.publishLastOutcome = 'not_applied';
  }
  app.phase = 'PENDING';
  return [{ type: 'pause', kind }];
}

/** The table's "retry": PENDING, counted, backoff; the time budget can stop the app. */
function retry(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  s.app.phase = 'PENDING';
  const r = recordFailure(s.app, outcome, ctx);
  return r.budgetExceeded ? [...r.effects, ...enterAttention(s, 'retry_budget')] : r.effects;
}

function advance(s: SubmissionState, to: Position, ctx: MachineContext): void {
  const { app } = s;
  app.step = to.step;
  app.stepDocIndex = to.docIndex;
  app.stepImgIndex = to.imgIndex;
  app.phase = 'PENDING';
  app.nextAttemptAt = ctx.now;
  resetStreak(app);
}

/** `rejections += 1`; true when that reaches the cap (§5: the 3rd moves the app to attention). */
function countRejection(s: SubmissionState, ctx: MachineContext): boolean {
  s.app.rejections += 1;
  return s.app.rejections >= ctx.params.rejectionCap;
}

function createContainerOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  switch (cls) {
    case 'OK': {
      const id = outcome.id as string;
      s.containers.push({
        containerId: id,
        appId: app.id,
        origin: 'kiosk',
        createdAt: ctx.now,
        publishAttempted: false,
        publishAmbiguous: false,
        publishLastOutcome: 'none',
        publishedConfirmedAt: null,
        abandonedAt: null,
        abandonReason: null,
      });
      app.currentContainerId = id;
      advance(s, positionAfterContainer(s.shape), ctx);
      return [{ type: 'audit', action: 'sync.container-created', containerIds: [id] }];
    }
    case 'NOT_APPLIED':
    case 'AMBIGUOUS':
      // An orphan container may exist after AMBIGUOUS; it is never published and TrustID purges it.
      return retry(s, outcome, ctx);
    case 'REJECTED':
      if (countRejection(s, ctx)) return enterAttention(s, 'rejected');
      return retry(s, outcome, ctx);
    default:
      throw new SubmissionMachineError(`unhandled ${cls} at CREATE_CONTAINER`);
  }
}

function buildStepOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  const c = currentContainer(s) as ContainerAttempt;
  const ambiguousReason = app.step === 'CREATE_DOCUMENT' ? 'ambiguous_document' : 'ambiguous_image';
  switch (cls) {
    case 'OK': {
      const id = outcome.id as string;
      // I4: the remote id is committed with the advance that depends on it.
      if (app.step === 'CREATE_DOCUMENT') {
        s.remoteDocuments.push({ containerId: c.containerId, docIndex: app.stepDocIndex, documentId: id });
        advance(s, positionAfterDocument(s.shape, app.stepDocIndex), ctx);
      } else if (app.step === 'UPLOAD_IMAGE') {
        const imageType = s.shape.documents[app.stepDocIndex]?.imageTypes[app.stepImgIndex] ?? 0;
        s.remoteImages.push({ containerId: c.containerId, docIndex: app.stepDocIndex, imgIndex: app.stepImgIndex, imageType, imageId: id });
        advance(s, positionAfterImage(s.shape, app.stepDocIndex, app.stepImgIndex), ctx);
      } else {
        s.remoteImages.push({ containerId: c.containerId, docIndex: -1, imgIndex: -1, imageType: APPLICANT_PHOTO_IMAGE_TYPE, imageId: id });
        advance(s, { step: 'PUBLISH', docIndex: 0, imgIndex: 0 }, ctx);
      }
      return [];
    }
    case 'NOT_APPLIED':
      return retry(s, outcome, ctx);
    case 'AMBIGUOUS':
      // A duplicate document or image might now exist in C: never build on it again (API §9.3).
      return abandonAndRestart(s, { reason: ambiguousReason, cause: 'failure', outcome }, ctx);
    case 'REJECTED':
      // Most likely C has been purged (§7.5 reactive).
      if (countRejection(s, ctx)) return enterAttention(s, 'rejected');
      return abandonAndRestart(s, { reason: 'rejected', cause: 'failure', outcome }, ctx);
    default:
      throw new SubmissionMachineError(`unhandled ${cls} at ${app.step}`);
  }
}

function publishOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  const c = currentContainer(s) as ContainerAttempt;
  switch (cls) {
    case 'OK':
      return publishAccepted(s, c, ctx);
    case 'NOT_APPLIED':
      c.publishLastOutcome = 'not_applied';
      return retry(s, outcome, ctx); // with the same C
    case 'AMBIGUOUS':
      return publishAmbiguous(s, c, outcome, ctx, 'VERIFY_PUBLISH');
    case 'REJECTED':
      c.publishLastOutcome = 'rejected';
      if (!c.publishAmbiguous) {
        // C was provably never published: a restart is safe.
        if (countRejection(s, ctx)) return enterAttention(s, 'rejected');
        return abandonAndRestart(s, { reason: 'rejected', cause: 'failure', outcome }, ctx);
      }
      // §7.4 step 4: a publish of C may have succeeded earlier; only read from now on.
      app.phase = 'PENDING';
      app.step = 'VERIFY_PUBLISH';
      app.verifyRound = 0;
      app.verifyStartedAt = ctx.now;
      app.nextAttemptAt = ctx.now + (ctx.params.recheckOffsetsMs[0] ?? 0);
      return [];
    default:
      throw new SubmissionMachineError(`unhandled ${cls} at PUBLISH`);
  }
}

function verifyOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  const { app } = s;
  const c = currentContainer(s) as ContainerAttempt;
  const recheckMode = c.publishLastOutcome === 'rejected';
  switch (cls) {
    case 'OK': {
      const r = outcome.retrieved!;
      if (PUBLISHED_STORAGE.has(r.storageType)) {
        c.publishedConfirmedAt = ctx.now;
        app.publishedAt ??= ctx.now;
        app.verifyRound = 0;
        app.verifyStartedAt = null;
        resetStreak(app);
        const effects: Effect[] = [{ type: 'audit', action: 'sync.published', containerIds: [c.containerId], detail: 'confirmed by retrieve' }];
        return [...effects, ...recordResult(s, r, ctx)];
      }
      if (UNPUBLISHED_STORAGE.has(r.storageType)) {
        if (!recheckMode) {
          // §7.4 step 2: not published and the last publish was ambiguous → publish the same C.
          return toPublishSameContainer(s, ctx);
        }
        // Positive evidence that C exists unpublished: the earlier ambiguous publish did not apply.
        c.publishAmbiguous = false;
        if (countRejection(s, ctx)) return enterAttention(s, 'rejected');
        return abandonAndRestart(s, { reason: 'rejected', cause: 'failure', outcome }, ctx);
      }
      return [
        { type: 'log', level: 'warn', message: `retrieve returned unknown storage type ${r.storageType}; retrying` },
        ...retry(s, outcome, ctx),
      ];
    }
    case 'NOT_APPLIED':
    case 'AMBIGUOUS':
      return retry(s, outcome, ctx);
    case 'REJECTED': {
      if (!recheckMode) return toPublishSameContainer(s, ctx);
      // §7.4 step 4: wait for the next re-check slot; never restart.
      app.verifyRound += 1;
      const offsets = ctx.params.recheckOffsetsMs;
      if (app.verifyRound >= offsets.length) return enterAttention(s, 'publish_unresolved');
      const started = app.verifyStartedAt ?? ctx.now;
      const slot = started + (offsets[app.verifyRound] ?? 0);
      const retryAfter = clampRetryAfter(outcome.retryAfterMs, ctx.params);
      app.nextAttemptAt = Math.max(slot, ctx.now, retryAfter === null ? 0 : ctx.now + retryAfter);
      return [];
    }
    default:
      throw new SubmissionMachineError(`unhandled ${cls} at VERIFY_PUBLISH`);
  }
}

function toPublishSameContainer(s: SubmissionState, ctx: MachineContext): Effect[] {
  const { app } = s;
  app.step = 'PUBLISH';
  app.phase = 'PENDING';
  app.verifyRound = 0;
  app.verifyStartedAt = null;
  app.nextAttemptAt = Math.max(ctx.now, app.retryAfterUntil ?? 0);
  return [];
}

/** Store what a successful retrieve says (§7.6, API §5.7); decides COMPLETED / keep polling. */
function recordResult(s: SubmissionState, r: NonNullable<CallOutcome['retrieved']>, ctx: MachineContext): Effect[] {
  const { app } = s;
  const c = currentContainer(s);
  app.resultCheckedAt = ctx.now;
  if (c !== null && PUBLISHED_STORAGE.has(r.storageType)) c.publishedConfirmedAt ??= ctx.now;
  // §13.4 "the remaining window": a published queued container may hold documents from elsewhere.
  if (app.origin === 'queued') recordForeignOnResult(s, r);
  const containerIds = c === null ? [] : [c.containerId];
  if (r.storageType === 3) {
    app.resultStatus = 'final';
    app.resultSnapshot = r.snapshot;
    app.step = 'COMPLETED';
    app.phase = 'PENDING';
    resetStreak(app);
    return [{ type: 'audit', action: 'sync.result-fetched', containerIds }];
  }
  const effects: Effect[] = [];
  if (r.storageType === 6 || r.referred) app.resultStatus = 'referred';
  else if (r.storageType === 4 || r.storageType === 5) app.resultStatus = 'processing';
  else effects.push({ type: 'log', level: 'warn', message: `published container reported storage type ${r.storageType}; still polling` });
  // Referred is a normal state (§7.6): keep the snapshot so staff see what is known so far.
  app.resultSnapshot = r.snapshot;
  if (app.step === 'RESULT_OVERDUE') return effects;
  app.step = 'AWAIT_RESULT';
  app.phase = 'PENDING';
  return [...effects, ...schedulePoll(s, null, ctx)];
}

function schedulePoll(s: SubmissionState, outcome: CallOutcome | null, ctx: MachineContext): Effect[] {
  const { app } = s;
  const publishedAt = app.publishedAt ?? ctx.now;
  if (resultDeadlinePassed(publishedAt, ctx.now, ctx.params)) {
    app.step = 'RESULT_OVERDUE';
    const c = app.currentContainerId;
    return [{ type: 'audit', action: 'sync.result-overdue', containerIds: c === null ? [] : [c] }];
  }
  const retryAfter = clampRetryAfter(outcome?.retryAfterMs, ctx.params);
  app.nextAttemptAt = nextPollAt(publishedAt, ctx.now, ctx.random, ctx.params, retryAfter === null ? null : ctx.now + retryAfter);
  return [];
}

function pollOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  switch (cls) {
    case 'OK':
      return recordResult(s, outcome.retrieved!, ctx);
    case 'NOT_APPLIED':
    case 'AMBIGUOUS':
    case 'REJECTED':
      // §7.2: next poll slot; a refusal is recorded and polling goes on. Never publish again.
      s.app.resultCheckedAt = ctx.now;
      return schedulePoll(s, outcome, ctx);
    default:
      throw new SubmissionMachineError(`unhandled ${cls} at AWAIT_RESULT`);
  }
}

/** §7.6 / §10: "Check now" on RESULT_OVERDUE makes one retrieve; a final result completes the app. */
function overdueCheckOutcome(s: SubmissionState, cls: OutcomeClass, outcome: CallOutcome, ctx: MachineContext): Effect[] {
  s.app.resultCheckedAt = ctx.now;
  if (cls === 'OK') return recordResult(s, outcome.retrieved!, ctx);
  return [];
}

/** The shared cells the queued steps (queued-steps.ts) reuse, passed in so the two files form no import circle. */
const machineHelpers: MachineHelpers = { retry, advance, countRejection, recordResult };
