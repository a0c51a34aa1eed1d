// When captured data may still change, and what an edit does to the submission (SUBMISSION-PROTOCOL
// §7.8): only while the phase is PENDING and no container may have been published (the abandon guard
// of §7.3); an existing container is abandoned ('edited') and the app starts again from
// CREATE_CONTAINER. Runs in main (plain Node).
import type { AppError } from '../app-error';
import type { StoreContext } from './store-context';
import { editInFlightError, editRefusedError, notFoundError } from './store-errors';
import { PUBLISHED_STEPS, type Step } from './submission-records';
import type { AppRow } from './submission-repo';

type GuardContainer = { publish_ambiguous: number; publish_last_outcome: string; abandon_reason: string | null };

/** null when the app may be edited or discarded now; otherwise the error to show. */
export function editRefusal(
  app: Pick<AppRow, 'step' | 'phase' | 'published_at' | 'purge_state'> & Partial<Pick<AppRow, 'origin' | 'step_doc_index' | 'reconcile_step'>>,
  containers: readonly GuardContainer[],
  queuedDocumentsSent = false,
): AppError | null {
  if (app.purge_state !== 'none') return editRefusedError('purged');
  if (app.step === 'CANCELLED') return editRefusedError('cancelled');
  if (app.origin === 'queued') {
    // SUBMISSION-PROTOCOL §13.7: edits only until the first CREATE_DOCUMENT has been marked SENT,
    // because what was added to a queued container cannot be taken back.
    const untouched = app.step === 'CHECK_QUEUED' || (app.step === 'CREATE_DOCUMENT' && app.step_doc_index === 0 && app.phase === 'PENDING' && app.reconcile_step === null);
    if (!untouched || queuedDocumentsSent) return editRefusedError('sent');
  }
  if (app.published_at !== null || PUBLISHED_STEPS.includes(app.step as Step)) return editRefusedError('sent');
  // §7.8: "once a publish may have taken effect, edits are refused" (I1).
  const maybePublished = containers.some(
    (c) => (c.publish_ambiguous === 1 || c.publish_last_outcome === 'ok') && c.abandon_reason !== 'staff_declared_unpublished',
  );
  if (maybePublished) return editRefusedError('sent');
  // A request for the current step may be in flight; the worker resolves it first.
  if (app.phase === 'SENT') return editInFlightError();
  return null;
}

/** Reads the app and its containers inside the caller's transaction and throws if it may not change. */
export function assertEditable(ctx: StoreContext, appId: string): AppRow {
  const app = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(appId) as AppRow | undefined;
  if (!app) throw notFoundError(`Application ${appId}`);
  const containers = ctx.db.prepare('SELECT publish_ambiguous, publish_last_outcome, abandon_reason FROM containers WHERE app_id = ?').all(appId) as GuardContainer[];
  const sent = ctx.db.prepare('SELECT 1 FROM remote_documents r JOIN containers c USING (container_id) WHERE c.app_id = ?').get(appId) !== undefined;
  const refusal = editRefusal(app, containers, sent);
  if (refusal) throw refusal;
  return app;
}

/**
 * §7.3 steps 1–4 for an edit or a cancellation, in the caller's transaction: abandon the current
 * container, clear the failure streak and any attention reason (staff have acted), and make the app
 * due now. `restarts` counts a container abandoned by an edit (§7.3 step 3); the restart cap is the sync
 * engine's to apply at its next restart, not a reason to refuse a staff edit.
 */
export function restartAfterEdit(ctx: StoreContext, app: AppRow, reason: 'edited' | 'cancelled'): void {
  const now = ctx.now();
  if (app.origin === 'queued') {
    // §13.7: the queued container is left untouched (I11); the app reads it again before building.
    ctx.db
      .prepare(
        `UPDATE applications SET step = ?, step_doc_index = 0, step_img_index = 0, phase = 'PENDING', sent_at = NULL,
           failures = 0, streak_started_online_s = NULL, session_renewals = 0, next_attempt_at = ?, attention_reason = NULL,
           attention_at = NULL, reconcile_step = NULL, reconcile_cause = NULL, revision = revision + 1, updated_at = ? WHERE id = ?`,
      )
      .run(reason === 'cancelled' ? 'CANCELLED' : 'CHECK_QUEUED', now, now, app.id);
    return;
  }
  const abandoned =
    app.current_container_id === null
      ? 0
      : ctx.db.prepare('UPDATE containers SET abandoned_at = ?, abandon_reason = ? WHERE container_id = ? AND abandoned_at IS NULL').run(now, reason, app.current_container_id).changes;
  const step: Step = reason === 'cancelled' ? 'CANCELLED' : 'CREATE_CONTAINER';
  ctx.db
    .prepare(
      `UPDATE applications SET step = ?, step_doc_index = 0, step_img_index = 0, phase = 'PENDING', sent_at = NULL,
         current_container_id = NULL, failures = 0, streak_started_online_s = NULL, session_renewals = 0,
         restarts = restarts + ?, next_attempt_at = ?, attention_reason = NULL, attention_at = NULL,
         verify_round = 0, verify_started_at = NULL, revision = revision + 1, updated_at = ?
       WHERE id = ?`,
    )
    .run(step, reason === 'edited' ? abandoned : 0, now, now, app.id);
}
