// Crash recovery of SUBMISSION-PROTOCOL §7.7 as a pure transformation: every app found with
// `phase = SENT` at start-up is treated as if its step had come back AMBIGUOUS. The worker applies
// it to all such apps in one transaction before any lane starts. Runs in main.
import { abandonAndRestart, currentContainer } from './abandon-restart';
import type { MachineContext } from './machine-context';
import type { Effect, SubmissionState, Transition } from './submission-types';

export function needsRecovery(s: SubmissionState): boolean {
  return s.app.phase === 'SENT';
}

export function recoverAfterCrash(state: SubmissionState, ctx: MachineContext): Transition {
  const draft = structuredClone(state);
  const { app } = draft;
  if (app.phase !== 'SENT') return { state: draft, effects: [] };
  const effects: Effect[] = [];
  switch (app.step) {
    case 'CREATE_CONTAINER':
      // A possible orphan container is harmless: it is never published and TrustID purges it.
      app.phase = 'PENDING';
      app.nextAttemptAt = ctx.now;
      break;
    case 'CREATE_DOCUMENT':
    case 'UPLOAD_IMAGE':
    case 'UPLOAD_APPLICANT_PHOTO':
      if (app.origin === 'queued') {
        // §13.5: never a restart (I11); read C after the settle delay to learn whether it landed (I12).
        app.reconcile = { step: app.step, cause: 'ambiguous' };
        app.step = 'RECONCILE';
        app.phase = 'PENDING';
        app.nextAttemptAt = Math.max(ctx.now, (app.sentAt ?? ctx.now) + ctx.params.settleDelayMs);
        break;
      }
      // A duplicate document or image may exist in C; the guard holds before publish.
      effects.push(
        ...abandonAndRestart(draft, { reason: app.step === 'CREATE_DOCUMENT' ? 'ambiguous_document' : 'ambiguous_image', cause: 'immediate' }, ctx),
      );
      break;
    case 'PUBLISH': {
      const c = currentContainer(draft);
      if (c === null) {
        effects.push({ type: 'log', level: 'error', message: 'PUBLISH found SENT without a current container; restarting' });
        effects.push(...abandonAndRestart(draft, { reason: 'rejected', cause: 'immediate' }, ctx));
        break;
      }
      c.publishAmbiguous = true;
      c.publishLastOutcome = 'ambiguous';
      app.phase = 'PENDING';
      // §13.5: a queued app confirms by reading its fixed C; a kiosk app verifies (§7.7).
      app.step = app.origin === 'queued' ? 'CONFIRM_PUBLISH' : 'VERIFY_PUBLISH';
      app.verifyRound = 0;
      app.verifyStartedAt = null;
      // §7.4 settle delay, measured from the SENT commit; at once if that time has passed.
      app.nextAttemptAt = Math.max(ctx.now, (app.sentAt ?? ctx.now) + ctx.params.settleDelayMs);
      break;
    }
    default:
      // Read-only steps never use SENT (W5); a SENT here is damage, and PENDING is the safe reading.
      effects.push({ type: 'log', level: 'error', message: `step ${app.step} was found SENT; set back to PENDING` });
      app.phase = 'PENDING';
  }
  return { state: draft, effects };
}
