// Staff actions on stopped or queued applications (SUBMISSION-PROTOCOL §10, §7.8) as a pure
// function: each either returns the new state with its audit effects or a refusal staff can read.
// Runs in main.
import { abandonAndRestart, abandonGuardHolds, containerBlockingNewAttempt, currentContainer } from './abandon-restart';
import type { MachineContext } from './machine-context';
import { resetStreak } from './retry-accounting';
import type { Effect, SubmissionState, SyncAuditAction, Transition } from './submission-types';
import { isTerminalStep } from './submission-types';

/** Why an administrator discarded an unsent application. Codes, not free text: the audit log holds
 * no personal data, and a typed reason could carry some. */
// The same codes as the store's own discard (main/store/capture.ts), so either path audits alike.
export const DISCARD_REASONS = ['captured-in-error', 'duplicate', 'visitor-left', 'wrong-document', 'test', 'other'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

export type StaffAction =
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
  | { kind: 'check_now' };

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

export function applyStaffAction(state: SubmissionState, action: StaffAction, actor: StaffActor, ctx: MachineContext): StaffOutcome {
  const draft = structuredClone(state);
  const { app } = draft;
  const ok = (effects: Effect[]): StaffOutcome => ({ refused: false, state: draft, effects });
  if (isTerminalStep(app.step)) return refuse('finished', 'This application is already finished; there is nothing to do.');
  if (app.phase === 'SENT') return refuse('busy', 'This application is being sent right now. Wait a moment and try again.');

  switch (action.kind) {
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
