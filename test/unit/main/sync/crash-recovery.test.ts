// §7.7 crash recovery: each step found SENT is treated as AMBIGUOUS.
import { describe, expect, it } from 'vitest';
import { recoverAfterCrash } from '../../../../main/sync/crash-recovery';
import { nextSubmissionStep } from '../../../../main/sync/submission-machine';
import { C1, ctxAt, stateAt, T0 } from './sync-fixtures';

const MIN = 60_000;

function sentAt(step: Parameters<typeof stateAt>[0], at = T0) {
  return nextSubmissionStep(stateAt(step), { type: 'begin' }, ctxAt(at)).state;
}

describe('crash recovery', () => {
  it('runs a SENT CREATE_CONTAINER again at once, without counting anything', () => {
    const { state } = recoverAfterCrash(sentAt({ step: 'CREATE_CONTAINER' }), ctxAt(T0 + 5_000));
    expect(state.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', nextAttemptAt: T0 + 5_000, failures: 0, restarts: 0 });
  });

  it.each([
    ['CREATE_DOCUMENT', 'ambiguous_document'],
    ['UPLOAD_IMAGE', 'ambiguous_image'],
    ['UPLOAD_APPLICANT_PHOTO', 'ambiguous_image'],
  ] as const)('restarts a SENT %s, abandoning the container (%s)', (step, reason) => {
    const { state, effects } = recoverAfterCrash(sentAt({ step }), ctxAt(T0 + 5_000));
    expect(state.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', currentContainerId: null, restarts: 1 });
    expect(state.containers[0]).toMatchObject({ containerId: C1, abandonedAt: T0 + 5_000, abandonReason: reason });
    expect(effects).toContainEqual(expect.objectContaining({ action: 'sync.container-abandoned' }));
  });

  it('turns a SENT PUBLISH into an ambiguous publish, verified after the settle delay from sent_at', () => {
    const { state } = recoverAfterCrash(sentAt({ step: 'PUBLISH' }), ctxAt(T0 + 30_000));
    expect(state.app).toMatchObject({ step: 'VERIFY_PUBLISH', phase: 'PENDING', nextAttemptAt: T0 + 2 * MIN, currentContainerId: C1 });
    expect(state.containers[0]).toMatchObject({ publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous', abandonedAt: null });
  });

  it('verifies at once when the settle delay has already passed', () => {
    const { state } = recoverAfterCrash(sentAt({ step: 'PUBLISH' }), ctxAt(T0 + 10 * MIN));
    expect(state.app.nextAttemptAt).toBe(T0 + 10 * MIN);
  });

  it('leaves PENDING apps untouched', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE' });
    expect(recoverAfterCrash(s, ctxAt(T0)).state).toEqual(s);
  });
});
