// §10 staff actions on stopped applications, and the §7.8 edit/cancel guard.
import { describe, expect, it } from 'vitest';
import { applyStaffAction, type StaffCommand, type StaffOutcome } from '../../../../main/sync/staff-actions';
import type { SubmissionState } from '../../../../main/sync/submission-types';
import { C1, ctxAt, stateAt, T0 } from './sync-fixtures';

const staff = { userId: 'staff-7', admin: false };
const admin = { userId: 'admin-1', admin: true };
const ctx = ctxAt(T0);

function act(s: SubmissionState, action: StaffCommand, who = staff): StaffOutcome {
  return applyStaffAction(s, action, who, ctx);
}

function applied(r: StaffOutcome) {
  if (r.refused) throw new Error(`refused: ${r.message}`);
  return r;
}

function stopped(reason: SubmissionState['app']['attentionReason'], at: Parameters<typeof stateAt>[0]): SubmissionState {
  const s = stateAt(at);
  s.app.attentionReason = reason;
  return s;
}

describe('staff actions', () => {
  it('Retry on "rejected" resets rejections and restarts from a new container', () => {
    const s = stopped('rejected', { step: 'UPLOAD_IMAGE' });
    s.app.rejections = 3;
    const r = applied(act(s, { kind: 'retry' }));
    expect(r.state.app).toMatchObject({ attentionReason: null, rejections: 0, step: 'CREATE_CONTAINER', currentContainerId: null, nextAttemptAt: T0 });
    expect(r.state.containers[0]?.abandonReason).toBe('rejected');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'audit', action: 'staff.retry', actor: 'staff-7', containerIds: [C1] }));
  });

  it('Retry on "restarts" resets the restart count and resumes', () => {
    const s = stopped('restarts', { step: 'CREATE_CONTAINER' });
    s.app.restarts = 11;
    expect(applied(act(s, { kind: 'retry' })).state.app).toMatchObject({ attentionReason: null, restarts: 0, step: 'CREATE_CONTAINER' });
  });

  it('Retry now on "retry_budget" starts a new streak at the same step', () => {
    const s = stopped('retry_budget', { step: 'PUBLISH', c: { publishAttempted: true, publishLastOutcome: 'not_applied' } });
    s.app.failures = 70;
    s.app.streakStartedOnlineS = 3;
    const r = applied(act(s, { kind: 'retry' }));
    expect(r.state.app).toMatchObject({ attentionReason: null, failures: 0, streakStartedOnlineS: null, step: 'PUBLISH', currentContainerId: C1 });
  });

  it('Cancel abandons the container and ends the app, while nothing may be published', () => {
    const r = applied(act(stopped('restarts', { step: 'UPLOAD_IMAGE' }), { kind: 'cancel' }));
    expect(r.state.app.step).toBe('CANCELLED');
    expect(r.state.containers[0]?.abandonReason).toBe('cancelled');
  });

  it('refuses Cancel once a publish may have taken effect', () => {
    const s = stopped('retry_budget', { step: 'VERIFY_PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } });
    const r = act(s, { kind: 'cancel' });
    expect(r).toMatchObject({ refused: true, code: 'sync.already-sent' });
  });

  it('"Found in TrustID" closes an unresolved app for good', () => {
    const s = stopped('publish_unresolved', { step: 'VERIFY_PUBLISH', c: { publishAmbiguous: true, publishLastOutcome: 'rejected' } });
    const r = applied(act(s, { kind: 'found_in_trustid' }));
    expect(r.state.app).toMatchObject({ step: 'CLOSED_BY_STAFF', attentionReason: null });
  });

  it('"Not in TrustID, send again" abandons the possibly published container under an audited override', () => {
    const s = stopped('publish_unresolved', { step: 'VERIFY_PUBLISH', c: { publishAmbiguous: true, publishLastOutcome: 'rejected' } });
    const r = applied(act(s, { kind: 'send_again' }));
    expect(r.state.app).toMatchObject({ step: 'CREATE_CONTAINER', attentionReason: null, currentContainerId: null });
    expect(r.state.containers[0]).toMatchObject({ abandonReason: 'staff_declared_unpublished', publishAmbiguous: true });
    expect(r.effects).toContainEqual(expect.objectContaining({ action: 'staff.send-again', actor: 'staff-7', containerIds: [C1] }));
  });

  it('a retake after a corrupt image abandons the container (edited) and starts again', () => {
    const r = applied(act(stopped('local_image_corrupt', { step: 'UPLOAD_IMAGE', docIndex: 1 }), { kind: 'retake' }));
    expect(r.state.app).toMatchObject({ attentionReason: null, step: 'CREATE_CONTAINER' });
    expect(r.state.containers[0]?.abandonReason).toBe('edited');
  });

  it('refuses edits once the application may have reached TrustID (§7.8)', () => {
    for (const s of [stateAt({ step: 'AWAIT_RESULT', c: { publishLastOutcome: 'ok' } }), stateAt({ step: 'VERIFY_PUBLISH', c: { publishAmbiguous: true, publishLastOutcome: 'ambiguous' } })]) {
      expect(act(s, { kind: 'retake' })).toMatchObject({ refused: true, code: 'sync.already-sent' });
    }
  });

  it('refuses any action while the step is being sent', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE' });
    s.app.phase = 'SENT';
    expect(act(s, { kind: 'retake' })).toMatchObject({ refused: true, code: 'sync.busy' });
  });

  it('lets only an administrator discard, with a reason code, and only an unsent app', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE' });
    expect(act(s, { kind: 'discard', reason: 'duplicate' }, staff)).toMatchObject({ refused: true, code: 'sync.admin-only' });
    const r = applied(act(s, { kind: 'discard', reason: 'duplicate' }, admin));
    expect(r.state.app.step).toBe('CANCELLED');
    expect(r.effects).toContainEqual(expect.objectContaining({ action: 'staff.discard', detail: 'duplicate', actor: 'admin-1' }));
    const published = stateAt({ step: 'AWAIT_RESULT', c: { publishLastOutcome: 'ok' } });
    expect(act(published, { kind: 'discard', reason: 'duplicate' }, admin)).toMatchObject({ refused: true });
  });

  it('"Check now" on an overdue app asks for one retrieve of its container', () => {
    const r = applied(act(stateAt({ step: 'RESULT_OVERDUE', c: { publishLastOutcome: 'ok' } }), { kind: 'check_now' }));
    expect(r.effects).toContainEqual({ type: 'call', call: { kind: 'retrieve', containerId: C1, purpose: 'poll' } });
    expect(r.state.app.step).toBe('RESULT_OVERDUE');
  });

  it('offers nothing on finished apps', () => {
    const s = stateAt({ step: 'COMPLETED', c: { publishLastOutcome: 'ok' } });
    expect(act(s, { kind: 'retry' })).toMatchObject({ refused: true, code: 'sync.finished' });
  });
});
