// Staff actions on stopped or queued applications (SUBMISSION-PROTOCOL §10, §7.8) as a pure
// function: each either returns the new state with its audit effects or a refusal staff can read.
// Runs in main.
import type { DiscardReason } from '../../preload/contract';
import { abandonAndRestart, abandonGuardHolds, containerBlockingNewAttempt, currentContainer } from './abandon-restart';
import type { MachineContext } from './machine-context';
import { resetStreak } from './retry-accounting';
import type { Effect, SubmissionState, SyncAuditAction, Transition } from './submission-types';
import { isTerminalStep, type AttentionReason } from './submission-types';

/** §10: which staff actions each queued reason offers. */
export const QUEUED_REASON_ACTIONS: Record<string, readonly StaffCommand['kind'][]> = {
  queued_in_use: ['submit_new', 'cancel'],
  queued_conflict: ['submit_new', 'close'],
  completed_elsewhere: ['submit_new', 'close'],
  queued_withdrawn: ['submit_new', 'cancel'],
  queued_no_access: ['submit_new', 'cancel'],
  queued_unresolved: ['continue_anyway', 'submit_new', 'close'],
};

function offered(reason: AttentionReason | null, kind: StaffCommand['kind']): boolean {
  return reason !== null && (QUEUED_REASON_ACTIONS[reason]?.includes(kind) ?? false);
}

export type StaffCommand =
  /** rejected / restarts / retry_budget: try again (§10). */
  | { kind: 'retry' }
  /** Stop the app for good; only while nothing may have been published (§7.8). */
  | { kind: 'cancel' }
  /** Administrators: discard an unsent application, with a reason code. */
  | { kind: 'discard'; reason: DiscardReason }
  /** publish_unresolved: staff found it in TrustID → CLOSED_BY_STAFF. */
  | { kind: 'found_in_trustid' }
  /** publish_unresolved: the audited override that may break I1. */
  | { kind: 'send_again' }
  /** An image was retaken or the captured data edited (local_image_corrupt, or any PENDING app, §7.8). */
  | { kind: 'retake' }
  /** RESULT_OVERDUE (or a record open on screen): one retrieve now. */
  | { kind: 'check_now' }
  /** §10 queued reasons: make this a kiosk application with a fresh container; the queued one is left as it is (audited). */
  | { kind: 'submit_new' }
  /** §10 queued_conflict, completed_elsewhere, queued_unresolved: stop tracking → CLOSED_BY_STAFF. */
  | { kind: 'close' }
  /** §10 queued_unresolved: send the unsettled step again, accepting a possible second copy (I12, audited). */
  | { kind: 'continue_anyway' };

export type StaffActor = { userId: string; admin: boolean };

export type StaffRefusal = { refused: true; code: string; message: string };
export type StaffOutcome = (Transition & { refused: false }) | StaffRefusal;

function refuse(code: string, message: string): StaffRefusal {
  return { refused: true, code: `sync.${code}`, message };
}

const alreadySent = refuse(
  'already-sent',
  'This application may already have reached TrustID, so it can no longer be changed or cancelled here. Look it up in TrustID instead.',
);

function audit(action: SyncAuditAction, s: SubmissionState, actor: StaffActor, detail?: string): Effect {
  const ids = s.containers.map((c) => c.containerId);
  return detail === undefined ? { type: 'audit', action, containerIds: ids, actor: actor.userId } : { type: 'audit', action, containerIds: ids, actor: actor.userId, detail };
}

/** True while no publish of any container of the app may have taken effect (§7.3, §7.8). */
function nothingMayBePublished(s: SubmissionState): boolean {
  return s.app.publishedAt === null && containerBlockingNewAttempt(s) === undefined && abandonGuardHolds(currentContainer(s));
}

export function applyStaffAction(state: SubmissionState, action: StaffCommand, actor: StaffActor, ctx: MachineContext): StaffOutcome {
  const draft = structuredClone(state);
  const { app } = draft;
  const ok = (effects: Effect[]): StaffOutcome => ({ refused: false, state: draft, effects });
  if (isTerminalStep(app.step)) return refuse('finished', 'This application is already finished; there is nothing to do.');
  if (app.phase === 'SENT') return refuse('busy', 'This application is being sent right now. Wait a moment and try again.');

  if (app.origin === 'queued') {
    const queued = queuedStaffAction(draft, action, actor, ctx);
    if (queued !== undefined) return queued;
  }

  switch (action.kind) {
    case 'submit_new':
    case 'close':
    case 'continue_anyway':
      return refuse('not-applicable', 'This is only for queued applications that stopped.');
    case 'retry': {
      const reason = app.attentionReason;
      if (reason !== 'rejected' && reason !== 'restarts' && reason !== 'retry_budget') {
        return refuse('not-applicable', 'Retry is only offered for applications that stopped after repeated failures.');
      }
      app.attentionReason = null;
      resetStreak(app);
      app.nextAttemptAt = ctx.now;
      const effects: Effect[] = [audit('staff.retry', draft, actor, reason)];
      if (reason === 'rejected') {
        app.rejections = 0;
        // §10: "resets rejections and restarts (the guard must hold)".
        if (currentContainer(draft) !== null) {
          if (!abandonGuardHolds(currentContainer(draft))) return alreadySent;
          effects.push(...abandonAndRestart(draft, { reason: 'rejected', cause: 'immediate' }, ctx));
        }
      } else if (reason === 'restarts') {
        app.restarts = 0;
      }
      return ok(effects);
    }

    case 'cancel':
    case 'discard': {
      if (action.kind === 'discard' && !actor.admin) return refuse('admin-only', 'Only an administrator can discard an application.');
      if (action.kind === 'cancel' && app.attentionReason === 'publish_unresolved') return alreadySent;
      if (!nothingMayBePublished(draft)) return alreadySent;
      const effects: Effect[] = [];
      const c = currentContainer(draft);
      if (c !== null) {
        c.abandonedAt = ctx.now;
        c.abandonReason = 'cancelled';
        effects.push({ type: 'audit', action: 'sync.container-abandoned', containerIds: [c.containerId], detail: 'cancelled' });
      }
      app.currentContainerId = null;
      app.attentionReason = null;
      app.step = 'CANCELLED';
      app.phase = 'PENDING';
      effects.push(audit(action.kind === 'discard' ? 'staff.discard' : 'staff.cancel', draft, actor, action.kind === 'discard' ? action.reason : undefined));
      return ok(effects);
    }

    case 'found_in_trustid':
      if (app.attentionReason !== 'publish_unresolved') return refuse('not-applicable', 'This is only for applications whose arrival TrustID could not confirm.');
      app.attentionReason = null;
      app.step = 'CLOSED_BY_STAFF';
      return ok([audit('staff.found-in-trustid', draft, actor)]);

    case 'send_again': {
      if (app.attentionReason !== 'publish_unresolved') return refuse('not-applicable', 'This is only for applications whose arrival TrustID could not confirm.');
      app.attentionReason = null;
      resetStreak(app);
      // §10: the only path that can break I1; the audit entry records who confirmed and when.
      const effects: Effect[] = [audit('staff.send-again', draft, actor, 'declared not in TrustID')];
      effects.push(...abandonAndRestart(draft, { reason: 'staff_declared_unpublished', cause: 'immediate', staffOverride: true }, ctx));
      return ok(effects);
    }

    case 'retake': {
      const building = app.step === 'CREATE_CONTAINER' || app.step === 'CREATE_DOCUMENT' || app.step === 'UPLOAD_IMAGE' || app.step === 'UPLOAD_APPLICANT_PHOTO' || app.step === 'PUBLISH';
      if (!building || !nothingMayBePublished(draft)) return alreadySent;
      if (app.attentionReason !== null && app.attentionReason !== 'local_image_corrupt') {
        return refuse('not-applicable', 'Resolve what stopped this application first.');
      }
      app.attentionReason = null;
      resetStreak(app);
      const effects: Effect[] = [audit('staff.retake', draft, actor)];
      // §7.8: an edit abandons the container (reason `edited`) and the app starts again.
      if (currentContainer(draft) !== null) effects.push(...abandonAndRestart(draft, { reason: 'edited', cause: 'immediate' }, ctx));
      else app.nextAttemptAt = ctx.now;
      return ok(effects);
    }

    case 'check_now':
      if (app.step !== 'RESULT_OVERDUE' && app.step !== 'AWAIT_RESULT') return refuse('not-applicable', 'There is no result to check for yet.');
      if (app.currentContainerId === null) return refuse('not-applicable', 'There is no result to check for yet.');
      return ok([audit('staff.check-now', draft, actor), { type: 'call', call: { kind: 'retrieve', containerId: app.currentContainerId, purpose: 'poll' } }]);
  }
}

/**
 * §10 and §13.7 for apps of origin `queued`: they never restart, so retry repeats the step, cancel
 * leaves C untouched (I11), and the queued reasons get their own actions. undefined = as for kiosk apps.
 */
function queuedStaffAction(draft: SubmissionState, action: StaffCommand, actor: StaffActor, ctx: MachineContext): StaffOutcome | undefined {
  const { app } = draft;
  const ok = (effects: Effect[]): StaffOutcome => ({ refused: false, state: draft, effects });
  const c = currentContainer(draft);
  const reason = app.attentionReason;
  switch (action.kind) {
    case 'submit_new': {
      if (!offered(reason, 'submit_new')) return refuse('not-applicable', 'This is only for queued applications that stopped.');
      // Turns the app into one of origin `kiosk` (§10): a fresh container through §7. The queued
      // container is only marked as left behind here; nothing is sent to it or about it.
      const effects: Effect[] = [audit('staff.submit-new', draft, actor, reason ?? undefined)];
      if (c !== null) {
        c.abandonedAt = ctx.now;
        c.abandonReason = 'staff_submitted_new';
      }
      app.origin = 'kiosk';
      app.attentionReason = null;
      app.reconcile = null;
      app.currentContainerId = null;
      app.step = 'CREATE_CONTAINER';
      app.stepDocIndex = 0;
      app.stepImgIndex = 0;
      app.phase = 'PENDING';
      app.verifyRound = 0;
      app.verifyStartedAt = null;
      app.rejections = 0;
      resetStreak(app);
      app.nextAttemptAt = ctx.now;
      return ok(effects);
    }
    case 'close':
      if (!offered(reason, 'close')) return refuse('not-applicable', 'This is only for queued applications that stopped.');
      app.attentionReason = null;
      app.reconcile = null;
      app.step = 'CLOSED_BY_STAFF';
      return ok([audit('staff.close', draft, actor, reason ?? undefined)]);
    case 'continue_anyway': {
      if (reason !== 'queued_unresolved' || app.reconcile === null) return refuse('not-applicable', 'This is only for queued applications whose last step could not be checked.');
      // I12: the audited staff action that may add a second copy of a document or image.
      const effects: Effect[] = [audit('staff.continue-anyway', draft, actor, app.reconcile.step)];
      app.step = app.reconcile.step;
      app.reconcile = null;
      app.attentionReason = null;
      resetStreak(app);
      app.nextAttemptAt = ctx.now;
      return ok(effects);
    }
    case 'retry': {
      if (reason !== 'rejected' && reason !== 'retry_budget') return refuse('not-applicable', 'Retry is only offered for applications that stopped after repeated failures.');
      const effects: Effect[] = [audit('staff.retry', draft, actor, reason)];
      app.attentionReason = null;
      resetStreak(app);
      app.nextAttemptAt = ctx.now;
      if (reason === 'rejected') {
        // §13.3: "Retry" resets the count and repeats the step; the fixed C makes a publish safe to repeat.
        app.rejections = 0;
        if (app.step === 'RECONCILE' && app.reconcile !== null) app.step = app.reconcile.step;
        if (app.step === 'CONFIRM_PUBLISH') app.step = 'PUBLISH';
        app.reconcile = null;
        app.verifyRound = 0;
        app.verifyStartedAt = null;
      }
      return ok(effects);
    }
    case 'cancel':
    case 'discard': {
      if (action.kind === 'discard' && !actor.admin) return refuse('admin-only', 'Only an administrator can discard an application.');
      if (reason !== null && QUEUED_REASON_ACTIONS[reason] !== undefined && !offered(reason, 'cancel')) {
        return refuse('not-applicable', 'Submit it as a new application, or close it.');
      }
      // §13.7: allowed as long as no publish of C has been attempted; C itself is left untouched.
      if (app.publishedAt !== null || (c !== null && c.publishAttempted)) return alreadySent;
      app.attentionReason = null;
      app.reconcile = null;
      app.step = 'CANCELLED';
      app.phase = 'PENDING';
      return ok([audit(action.kind === 'discard' ? 'staff.discard' : 'staff.cancel', draft, actor, action.kind === 'discard' ? action.reason : 'queued')]);
    }
    case 'retake': {
      // §13.7: edits only until the first CREATE_DOCUMENT has been marked SENT.
      const untouched = draft.remoteDocuments.length === 0 && app.reconcile === null && (app.step === 'CHECK_QUEUED' || (app.step === 'CREATE_DOCUMENT' && app.stepDocIndex === 0));
      if (!untouched || (reason !== null && reason !== 'local_image_corrupt')) {
        return refuse('queued-started', 'Documents have already been added to this queued application in TrustID, so the capture can no longer be changed.');
      }
      app.attentionReason = null;
      app.step = 'CHECK_QUEUED';
      app.stepDocIndex = 0;
      app.stepImgIndex = 0;
      resetStreak(app);
      app.nextAttemptAt = ctx.now;
      return ok([audit('staff.retake', draft, actor)]);
    }
    default:
      return undefined;
  }
}
