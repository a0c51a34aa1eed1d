// The capture of one visitor as a state machine (issue 13 item 5): (state, event) → new state and
// effects, no I/O, no timers, no store. The shell (capture-service.ts) feeds it staff's requests,
// reader events and the answers of its own work, and performs the effects. Submit runs
// submit → checks-settled → save effect → saved | save-failed. Pure; runs in main.
import type { CaptureDraft, DocumentType } from '../../preload/contract';
import type { AppError } from '../app-error';
import type { MrzEvent } from '../devices/driver';
import { captureBlockers } from './capture-blockers';
import { draftView, identityOf, stepsFor } from './capture-draft';
import { applyEdit, type CaptureEdit } from './capture-edits';
import { imageArrived, measured, mrzArrived, placed, type ArrivedImage } from './capture-intake';
import { refuse } from './capture-refusals';
import { imageStates, type CaptureState } from './capture-state';
import { forgetVisitor, refused, unchanged, workingCopy, type CaptureContext, type CaptureEffect, type CaptureTransition } from './capture-transition';
import type { FormField } from './field-values';
import { localReference } from './local-reference';
import type { ImageMeasures } from './quality-checks';
import { savePlanOf, type Submitter } from './save-input';

export type CaptureEvent =
  | { type: 'start'; documentType: DocumentType; queued: { id: string; name: string } | null }
  | CaptureEdit
  /** A form arrived (or could not be had: then none). `announceFor`: the draft to re-send, if still open. */
  | { type: 'definitions'; form: 'application' | 'document'; definitions: FormField[]; announceFor: string | null }
  | { type: 'reader-placed'; deviceId: string }
  | ({ type: 'reader-image' } & ArrivedImage)
  | { type: 'reader-mrz'; draftId: string; deviceId: string; mrz: MrzEvent }
  | { type: 'measured'; imageId: string; measures: ImageMeasures | null }
  | { type: 'submit'; who: Submitter | null }
  /** Every reader event before Submit is in the draft and judged. */
  | { type: 'checks-settled'; draftId: string; who: Submitter }
  | { type: 'saved'; appId: string; documents: number; images: number; online: boolean }
  | { type: 'save-failed'; code: string }
  | { type: 'finish' }
  /** Sign-out: like Finish, but while saving it waits for the save. */
  | { type: 'clear' }
  | { type: 'discard'; actor: string }
  | { type: 'stop' };

/** What the renderer sees of the capture: the draft with its blockers, or null. */
export function captureView(state: CaptureState, mrzExpected: boolean): CaptureDraft | null {
  if (!state.draft) return null;
  const images = imageStates(state);
  const blockers = captureBlockers(state.draft, images, { mrzExpected, definitions: state.definitions, documentDefinitions: state.documentDefinitions });
  return draftView(state.draft, images, blockers);
}

/** Why a new check cannot start now, or null (asked before the queued application is looked up, and again after). */
export function startRefusal(state: CaptureState): AppError | null {
  return state.draft ? refuse.alreadyOpen() : null;
}

export function nextCaptureStep(state: CaptureState, event: CaptureEvent, ctx: CaptureContext): CaptureTransition {
  switch (event.type) {
    case 'start':
      return start(state, event.documentType, event.queued, ctx);
    case 'definitions': {
      const next = workingCopy(state);
      if (event.form === 'application') next.definitions = event.definitions;
      else next.documentDefinitions = event.definitions;
      const announce = event.announceFor !== null && next.draft?.id === event.announceFor;
      return { state: next, effects: announce ? [{ type: 'changed' }] : [] };
    }
    case 'reader-placed':
      return placed(state, event.deviceId);
    case 'reader-image':
      return imageArrived(state, event, ctx);
    case 'reader-mrz':
      return mrzArrived(state, event, ctx);
    case 'measured':
      return measured(state, event.imageId, event.measures, ctx);
    case 'submit':
      return submit(state, event.who);
    case 'checks-settled':
      return checksSettled(state, event.draftId, event.who, ctx);
    case 'saved':
      return saved(state, event);
    case 'save-failed': {
      if (state.phase.name !== 'saving') return unchanged(state);
      // Nothing is lost: the draft and its images stay for another try (disk full, no key).
      const failed: CaptureEffect = { type: 'log', level: 'warn', facts: { code: event.code }, message: 'capture not saved' };
      if (state.phase.forgetAfter) {
        const done = finish({ ...state, phase: { name: 'capturing' } });
        return { ...done, effects: [failed, ...done.effects] };
      }
      return { state: { ...state, phase: { name: 'capturing' } }, effects: [failed] };
    }
    case 'finish':
      return finish(state);
    case 'clear':
      // Sign-out while Submit is saving: the save finishes (the store has the bytes), then the
      // visitor is forgotten, receipt and all.
      if (state.phase.name === 'saving') return { state: { ...state, phase: { name: 'saving', forgetAfter: true } }, effects: [] };
      return finish(state);
    case 'discard':
      return discard(state, event.actor, ctx);
    case 'stop': {
      const next = workingCopy(state);
      const effects: CaptureEffect[] = [];
      forgetVisitor(next, effects);
      next.phase = { name: 'idle' };
      return { state: next, effects };
    }
    default:
      return applyEdit(state, event, ctx);
  }
}

function start(state: CaptureState, documentType: DocumentType, queued: { id: string; name: string } | null, ctx: CaptureContext): CaptureTransition {
  const refusal = startRefusal(state);
  if (refusal) return refused(state, refusal);
  const next = workingCopy(state);
  const id = ctx.newId();
  next.phase = { name: 'capturing' };
  next.draft = {
    id,
    startedAt: ctx.now,
    queuedApplication: queued,
    documents: [{ type: documentType, mrz: null, steps: stepsFor(documentType, ctx.lights) }],
    fields: {},
    person: null,
    active: 0,
  };
  return {
    state: next,
    effects: [
      { type: 'log', level: 'info', facts: { documentType, queued: queued !== null }, message: 'capture started' },
      // The form's definitions arrive when they arrive; required ones join the blockers then.
      { type: 'load-definitions', draftId: id },
      { type: 'changed' },
    ],
  };
}

function submit(state: CaptureState, who: Submitter | null): CaptureTransition {
  if (!state.draft && state.phase.name === 'submitted') return { state, effects: [], receipt: state.phase.receipt };
  if (!state.draft) return refused(state, refuse.none());
  // Saving, or waiting for the last checks: a second press is refused.
  if (state.phase.name === 'saving' || state.phase.name === 'checking') return refused(state, refuse.busy());
  if (!who) return refused(state, refuse.signedOut());
  return { state: { ...state, phase: { name: 'checking' } }, effects: [] };
}

function checksSettled(state: CaptureState, draftId: string, who: Submitter, ctx: CaptureContext): CaptureTransition {
  const notSaved = (code: string): CaptureEffect => ({ type: 'log', level: 'warn', facts: { code }, message: 'capture not saved' });
  // Finished or signed out while the checks ran.
  if (!state.draft || state.draft.id !== draftId || state.phase.name !== 'checking') return refused(state, refuse.none(), [notSaved('capture.none')]);
  const back = { ...state, phase: { name: 'capturing' as const } };
  const view = captureView(state, ctx.mrzExpected);
  if (!view || view.blockers.length > 0) return refused(back, refuse.notReady(view?.blockers ?? []), [notSaved('capture.not-ready')]);
  if (identityOf(state.draft).blocking) return refused(back, refuse.identityMismatch(), [notSaved('capture.identity-mismatch')]);
  const { plan, leftOut } = savePlanOf(state, who, ctx.imageTypes);
  const effects: CaptureEffect[] = [];
  // Only how many: the values are personal.
  if (leftOut > 0) effects.push({ type: 'log', level: 'warn', facts: { left: leftOut }, message: 'custom field values not saved: their fields are no longer on the form' });
  effects.push({ type: 'save', plan });
  return { state: { ...state, phase: { name: 'saving', forgetAfter: false } }, effects };
}

function saved(state: CaptureState, event: Extract<CaptureEvent, { type: 'saved' }>): CaptureTransition {
  if (state.phase.name !== 'saving') return unchanged(state);
  const forgetAfter = state.phase.forgetAfter;
  const queued = !event.online;
  const receipt = {
    applicationId: event.appId,
    localReference: localReference(event.appId),
    queued,
    message: queued ? 'Saved on this kiosk. It will be sent to TrustID automatically when the connection is back.' : 'Saved on this kiosk and being sent to TrustID now.',
  };
  const next = workingCopy(state);
  // Durable from here on (store: saved means fsynced and committed): the visitor's data now lives
  // sealed in the store, so the draft and its buffers go at once.
  const effects: CaptureEffect[] = [];
  forgetVisitor(next, effects);
  next.phase = forgetAfter ? { name: 'idle' } : { name: 'submitted', receipt };
  effects.push(
    { type: 'wake-sync', appId: event.appId },
    { type: 'log', level: 'info', facts: { documents: event.documents, images: event.images, queued }, message: 'capture submitted' },
  );
  if (forgetAfter) effects.push({ type: 'log', level: 'info', message: 'capture finished' });
  effects.push({ type: 'changed' });
  return { state: next, effects, receipt };
}

function finish(state: CaptureState): CaptureTransition {
  if (state.phase.name === 'saving') return refused(state, refuse.busyFinish());
  const had = state.draft !== null || state.phase.name === 'submitted';
  const next = workingCopy(state);
  const effects: CaptureEffect[] = [];
  forgetVisitor(next, effects);
  next.phase = { name: 'idle' };
  if (had) effects.push({ type: 'log', level: 'info', message: 'capture finished' });
  effects.push({ type: 'changed' });
  return { state: next, effects };
}

/** Throws away an unfinished check staff chose not to resume; the audit holds counts only. */
function discard(state: CaptureState, actor: string, ctx: CaptureContext): CaptureTransition {
  const draft = state.draft;
  if (!draft) return unchanged(state);
  const images = draft.documents.reduce((n, d) => n + d.steps.filter((s) => s.imageId !== null).length, 0);
  const detail = { documents: draft.documents.length, images, ageSeconds: Math.max(0, Math.round((ctx.now - draft.startedAt) / 1000)) };
  const done = finish(state);
  if (done.refusal) return done;
  return {
    ...done,
    effects: [...done.effects, { type: 'audit', entry: { action: 'capture.draft-discarded', actor, detail } }, { type: 'log', level: 'info', facts: detail, message: 'unfinished capture discarded' }],
  };
}
