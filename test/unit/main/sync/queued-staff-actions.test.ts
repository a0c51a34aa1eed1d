// §10 staff actions for the reasons only queued applications reach, and §13.7 edits and cancellation
// of a queued application (the queued container is never abandoned by anything but "Submit as a new
// application", which is audited).
import { describe, expect, it } from 'vitest';
import { applyStaffAction, type StaffCommand, type StaffOutcome } from '../../../../main/sync/staff-actions';
import type { AttentionReason, Step, SubmissionState } from '../../../../main/sync/submission-types';
import { newQueuedSubmissionApp, queuedContainerAttempt } from '../../../../main/sync/submission-types';
import { APP_ID, C1, ctxAt, T0 } from './sync-fixtures';

const staff = { userId: 'staff-7', admin: false };
const ctx = ctxAt(T0);

function queued(step: Step, reason: AttentionReason | null, docs = 0): SubmissionState {
  const app = newQueuedSubmissionApp(APP_ID, 'acct-1', T0 - 60_000, C1);
  app.step = step;
  app.attentionReason = reason;
  const s: SubmissionState = { app, containers: [queuedContainerAttempt(APP_ID, C1, T0 - 60_000)], remoteDocuments: [], remoteImages: [], shape: { documents: [{ imageTypes: [2] }], hasApplicantPhoto: false } };
  for (let d = 0; d < docs; d++) s.remoteDocuments.push({ containerId: C1, docIndex: d, documentId: `d${d}`, marker: `${APP_ID}:${d}` });
  return s;
}

const act = (s: SubmissionState, a: StaffCommand): StaffOutcome => applyStaffAction(s, a, staff, ctx);
function applied(r: StaffOutcome) {
  if (r.refused) throw new Error(`refused: ${r.message}`);
  return r;
}

describe('staff actions on queued applications', () => {
  it.each<AttentionReason>(['queued_in_use', 'queued_conflict', 'completed_elsewhere', 'queued_withdrawn', 'queued_no_access', 'queued_unresolved'])(
    '"Submit as a new application" on %s turns the app into one of origin kiosk with a fresh container, audited',
    (reason) => {
      const r = applied(act(queued('CHECK_BEFORE_PUBLISH', reason, 1), { kind: 'submit_new' }));
      expect(r.state.app).toMatchObject({ origin: 'kiosk', step: 'CREATE_CONTAINER', currentContainerId: null, attentionReason: null, nextAttemptAt: T0 });
      expect(r.state.containers[0]).toMatchObject({ containerId: C1, abandonReason: 'staff_submitted_new' });
      expect(r.effects).toContainEqual(expect.objectContaining({ type: 'audit', action: 'staff.submit-new', actor: 'staff-7', containerIds: [C1], detail: reason }));
    },
  );

  it('Close is offered for conflict, completed elsewhere and unresolved, and ends tracking', () => {
    for (const reason of ['queued_conflict', 'completed_elsewhere', 'queued_unresolved'] as const) {
      const r = applied(act(queued('CHECK_BEFORE_PUBLISH', reason, 1), { kind: 'close' }));
      expect(r.state.app.step).toBe('CLOSED_BY_STAFF');
    }
    expect(act(queued('CHECK_QUEUED', 'queued_in_use'), { kind: 'close' })).toMatchObject({ refused: true });
  });

  it('Cancel is offered for in use, withdrawn and no access, leaves C untouched, and is refused for a conflict', () => {
    const r = applied(act(queued('CHECK_QUEUED', 'queued_in_use'), { kind: 'cancel' }));
    expect(r.state.app.step).toBe('CANCELLED');
    expect(r.state.containers[0]?.abandonedAt).toBeNull();
    expect(act(queued('CHECK_BEFORE_PUBLISH', 'queued_conflict', 1), { kind: 'cancel' })).toMatchObject({ refused: true });
  });

  it('"Continue anyway" on queued_unresolved sends exactly the unsettled step again, audited (I12)', () => {
    const s = queued('RECONCILE', 'queued_unresolved');
    s.app.reconcile = { step: 'CREATE_DOCUMENT', cause: 'ambiguous' };
    const r = applied(act(s, { kind: 'continue_anyway' }));
    expect(r.state.app).toMatchObject({ step: 'CREATE_DOCUMENT', reconcile: null, attentionReason: null });
    expect(r.effects).toContainEqual(expect.objectContaining({ action: 'staff.continue-anyway', detail: 'CREATE_DOCUMENT' }));
    expect(act(queued('RECONCILE', 'queued_conflict'), { kind: 'continue_anyway' })).toMatchObject({ refused: true });
  });

  it('Retry on "rejected" resets the count and repeats the step instead of restarting (§13.3)', () => {
    const s = queued('RECONCILE', 'rejected', 1);
    s.app.reconcile = { step: 'UPLOAD_IMAGE', cause: 'rejected' };
    s.app.rejections = 3;
    const r = applied(act(s, { kind: 'retry' }));
    expect(r.state.app).toMatchObject({ step: 'UPLOAD_IMAGE', rejections: 0, origin: 'queued', currentContainerId: C1 });
    const confirm = queued('CONFIRM_PUBLISH', 'rejected', 1);
    expect(applied(act(confirm, { kind: 'retry' })).state.app.step).toBe('PUBLISH');
  });

  it('cancel is refused once a publish of C has been attempted (§13.7)', () => {
    const s = queued('CONFIRM_PUBLISH', 'publish_unresolved', 1);
    s.containers[0]!.publishAttempted = true;
    expect(act(s, { kind: 'cancel' })).toMatchObject({ refused: true, code: 'sync.already-sent' });
  });

  it('cancel after documents were sent but before any publish is allowed, and C stays as it is', () => {
    const s = queued('UPLOAD_IMAGE', 'retry_budget', 1);
    const r = applied(act(s, { kind: 'cancel' }));
    expect(r.state.app.step).toBe('CANCELLED');
    expect(r.state.containers).toHaveLength(1);
    expect(r.state.containers[0]?.abandonedAt).toBeNull();
  });

  it('edits are accepted until the first document was sent, then refused (§13.7)', () => {
    expect(applied(act(queued('CREATE_DOCUMENT', null), { kind: 'retake' })).state.app.step).toBe('CHECK_QUEUED');
    expect(act(queued('UPLOAD_IMAGE', null, 1), { kind: 'retake' })).toMatchObject({ refused: true, code: 'sync.queued-started' });
  });

  it('the queued-only actions are refused for kiosk applications', () => {
    const s = queued('UPLOAD_IMAGE', 'rejected');
    s.app.origin = 'kiosk';
    expect(act(s, { kind: 'submit_new' })).toMatchObject({ refused: true });
  });
});
