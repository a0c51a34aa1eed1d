// Every cell of the SUBMISSION-PROTOCOL §7.2 state table, plus the guards around it (§5 caps and
// budget, §6 renewal guard, §7.4 re-check rounds, §7.5 proactive expiry, §7.6 deadline).
import { describe, expect, it } from 'vitest';
import { nextSubmissionStep } from '../../../../main/sync/submission-machine';
import type { CallOutcome, OutcomeClass, SubmissionState, Transition } from '../../../../main/sync/submission-types';
import { C1, ctxAt, ok, retrieved, runStep, stateAt, T0 } from './sync-fixtures';

const ctx = ctxAt(T0);
const MIN = 60_000;

const outcomes: Record<Exclude<OutcomeClass, 'AUTH'>, CallOutcome> = {
  OK: ok('id-from-server'),
  NOT_APPLIED: { class: 'NOT_APPLIED', transportFailure: true, message: 'connect ECONNREFUSED' },
  AMBIGUOUS: { class: 'AMBIGUOUS', httpStatus: 502 },
  SESSION: { class: 'SESSION', httpStatus: 200 },
  REJECTED: { class: 'REJECTED', httpStatus: 200, message: 'Document container not found.' },
  CONFIG: { class: 'CONFIG', httpStatus: 403 },
};

type Check = (after: Transition, before: SubmissionState) => void;

function expectRetriedSameStep(after: Transition, before: SubmissionState): void {
  const a = after.state.app;
  expect(a.step).toBe(before.app.step);
  expect([a.stepDocIndex, a.stepImgIndex]).toEqual([before.app.stepDocIndex, before.app.stepImgIndex]);
  expect(a.phase).toBe('PENDING');
  expect(a.failures).toBe(before.app.failures + 1);
  expect(a.streakStartedOnlineS).toBe(ctx.onlineS);
  expect(a.nextAttemptAt).toBeGreaterThan(T0);
  expect(a.nextAttemptAt - T0).toBeLessThanOrEqual(ctx.params.backoffBaseMs);
  expect(a.currentContainerId).toBe(before.app.currentContainerId);
  expect(a.attentionReason).toBeNull();
}

function expectRenewed(after: Transition, before: SubmissionState): void {
  const a = after.state.app;
  expect(after.effects).toContainEqual({ type: 'renew_session' });
  expect(a.step).toBe(before.app.step);
  expect(a.phase).toBe('PENDING');
  expect(a.failures).toBe(before.app.failures);
  expect(a.sessionRenewals).toBe(before.app.sessionRenewals + 1);
  expect(a.nextAttemptAt).toBe(T0);
  expect(a.currentContainerId).toBe(before.app.currentContainerId);
}

function expectPaused(after: Transition, before: SubmissionState): void {
  const a = after.state.app;
  expect(after.effects).toContainEqual({ type: 'pause', kind: 'PAUSED_CONFIG' });
  expect(a.step).toBe(before.app.step);
  expect(a.phase).toBe('PENDING');
  expect(a.failures).toBe(before.app.failures);
  expect(a.currentContainerId).toBe(before.app.currentContainerId);
}

function expectRestarted(reason: string): Check {
  return (after, before) => {
    const a = after.state.app;
    expect(a.step).toBe('CREATE_CONTAINER');
    expect(a.phase).toBe('PENDING');
    expect(a.currentContainerId).toBeNull();
    expect(a.restarts).toBe(before.app.restarts + 1);
    expect(a.failures).toBe(before.app.failures + 1);
    expect(a.nextAttemptAt).toBeGreaterThan(T0);
    const c = after.state.containers.find((x) => x.containerId === C1);
    expect(c?.abandonedAt).toBe(T0);
    expect(c?.abandonReason).toBe(reason);
    expect(after.effects).toContainEqual(expect.objectContaining({ type: 'audit', action: 'sync.container-abandoned', containerIds: [C1] }));
  };
}

function expectAt(step: string, docIndex = 0, imgIndex = 0): Check {
  return (after) => {
    const a = after.state.app;
    expect([a.step, a.stepDocIndex, a.stepImgIndex]).toEqual([step, docIndex, imgIndex]);
    expect(a.phase).toBe('PENDING');
    expect(a.failures).toBe(0);
    expect(a.attentionReason).toBeNull();
  };
}

const both =
  (...checks: Check[]): Check =>
  (after, before) => {
    for (const c of checks) c(after, before);
  };

type Row = { name: string; state: () => SubmissionState; cells: Record<Exclude<OutcomeClass, 'AUTH'>, Check> };

const rows: Row[] = [
  {
    name: 'CREATE_CONTAINER',
    state: () => stateAt({ step: 'CREATE_CONTAINER' }),
    cells: {
      OK: both(expectAt('CREATE_DOCUMENT', 0), (after) => {
        expect(after.state.app.currentContainerId).toBe('id-from-server');
        expect(after.state.containers).toEqual([expect.objectContaining({ containerId: 'id-from-server', createdAt: T0, publishLastOutcome: 'none' })]);
      }),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRetriedSameStep,
      SESSION: expectRenewed,
      REJECTED: both(expectRetriedSameStep, (after) => expect(after.state.app.rejections).toBe(1)),
      CONFIG: expectPaused,
    },
  },
  {
    name: 'CREATE_DOCUMENT(1)',
    state: () => stateAt({ step: 'CREATE_DOCUMENT', docIndex: 1 }),
    cells: {
      OK: both(expectAt('UPLOAD_IMAGE', 1, 0), (after) =>
        expect(after.state.remoteDocuments).toContainEqual({ containerId: C1, docIndex: 1, documentId: 'id-from-server' }),
      ),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRestarted('ambiguous_document'),
      SESSION: expectRenewed,
      REJECTED: both(expectRestarted('rejected'), (after) => expect(after.state.app.rejections).toBe(1)),
      CONFIG: expectPaused,
    },
  },
  {
    name: 'UPLOAD_IMAGE(0,0)',
    state: () => stateAt({ step: 'UPLOAD_IMAGE', docIndex: 0, imgIndex: 0 }),
    cells: {
      OK: both(expectAt('UPLOAD_IMAGE', 0, 1), (after) =>
        expect(after.state.remoteImages).toContainEqual({ containerId: C1, docIndex: 0, imgIndex: 0, imageType: 2, imageId: 'id-from-server' }),
      ),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRestarted('ambiguous_image'),
      SESSION: expectRenewed,
      REJECTED: both(expectRestarted('rejected'), (after) => expect(after.state.app.rejections).toBe(1)),
      CONFIG: expectPaused,
    },
  },
  {
    name: 'UPLOAD_IMAGE(1,0), the last image',
    state: () => stateAt({ step: 'UPLOAD_IMAGE', docIndex: 1, imgIndex: 0 }),
    cells: {
      OK: expectAt('UPLOAD_APPLICANT_PHOTO'),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRestarted('ambiguous_image'),
      SESSION: expectRenewed,
      REJECTED: expectRestarted('rejected'),
      CONFIG: expectPaused,
    },
  },
  {
    name: 'UPLOAD_APPLICANT_PHOTO',
    state: () => stateAt({ step: 'UPLOAD_APPLICANT_PHOTO' }),
    cells: {
      OK: both(expectAt('PUBLISH'), (after) => expect(after.state.remoteImages).toContainEqual(expect.objectContaining({ imgIndex: -1, imageType: 1 }))),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRestarted('ambiguous_image'),
      SESSION: expectRenewed,
      REJECTED: expectRestarted('rejected'),
      CONFIG: expectPaused,
    },
  },
  {
    name: 'PUBLISH, first attempt',
    state: () => stateAt({ step: 'PUBLISH' }),
    cells: {
      OK: (after) => {
        const a = after.state.app;
        expect(a.step).toBe('AWAIT_RESULT');
        expect(a.publishedAt).toBe(T0);
        expect(after.state.containers[0]?.publishLastOutcome).toBe('ok');
        // §7.6: first poll at 30 s, ±10 %.
        expect(a.nextAttemptAt - T0).toBeGreaterThanOrEqual(27_000);
        expect(a.nextAttemptAt - T0).toBeLessThanOrEqual(33_000);
        expect(after.effects).toContainEqual(expect.objectContaining({ type: 'audit', action: 'sync.published' }));
      },
      NOT_APPLIED: both(expectRetriedSameStep, (after) => {
        expect(after.state.containers[0]?.publishLastOutcome).toBe('not_applied');
        expect(after.state.containers[0]?.publishAttempted).toBe(true);
      }),
      AMBIGUOUS: (after) => {
        const a = after.state.app;
        const c = after.state.containers[0];
        expect(a.step).toBe('VERIFY_PUBLISH');
        expect(c?.publishAmbiguous).toBe(true);
        expect(c?.publishLastOutcome).toBe('ambiguous');
        expect(c?.abandonedAt).toBeNull();
        expect(a.nextAttemptAt).toBe(T0 + 2 * MIN);
      },
      SESSION: expectRenewed,
      REJECTED: both(expectRestarted('rejected'), (after) => {
        expect(after.state.app.rejections).toBe(1);
        expect(after.state.containers[0]?.publishLastOutcome).toBe('rejected');
      }),
      CONFIG: both(expectPaused, (after) => expect(after.state.containers[0]?.publishLastOutcome).toBe('not_applied')),
    },
  },
  {
    name: 'PUBLISH again after an ambiguous publish',
    state: () => stateAt({ step: 'PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } }),
    cells: {
      OK: (after) => expect(after.state.app.step).toBe('AWAIT_RESULT'),
      NOT_APPLIED: both(expectRetriedSameStep, (after) => expect(after.state.containers[0]?.publishAmbiguous).toBe(true)),
      AMBIGUOUS: (after) => expect([after.state.app.step, after.state.app.nextAttemptAt]).toEqual(['VERIFY_PUBLISH', T0 + 2 * MIN]),
      SESSION: expectRenewed,
      REJECTED: (after) => {
        // §7.4 step 4: re-check mode, never a restart.
        const a = after.state.app;
        expect(a.step).toBe('VERIFY_PUBLISH');
        expect(a.verifyStartedAt).toBe(T0);
        expect(a.nextAttemptAt).toBe(T0 + 2 * MIN);
        expect(a.currentContainerId).toBe(C1);
        expect(after.state.containers[0]?.abandonedAt).toBeNull();
        expect(after.state.containers[0]?.publishLastOutcome).toBe('rejected');
      },
      CONFIG: expectPaused,
    },
  },
  {
    name: 'VERIFY_PUBLISH after an ambiguous publish',
    state: () => stateAt({ step: 'VERIFY_PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } }),
    cells: {
      OK: (after) => {
        expect(after.state.app.step).toBe('AWAIT_RESULT');
        expect(after.state.app.publishedAt).toBe(T0);
        expect(after.state.containers[0]?.publishedConfirmedAt).toBe(T0);
      },
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRetriedSameStep,
      SESSION: expectRenewed,
      REJECTED: (after) => {
        // Not (yet) published and the last publish was ambiguous: publish the same C.
        expect(after.state.app.step).toBe('PUBLISH');
        expect(after.state.app.currentContainerId).toBe(C1);
        expect(after.state.app.nextAttemptAt).toBe(T0);
      },
      CONFIG: expectPaused,
    },
  },
  {
    name: 'VERIFY_PUBLISH in re-check mode',
    state: () => {
      const s = stateAt({ step: 'VERIFY_PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'rejected' } });
      s.app.verifyStartedAt = T0 - 2 * MIN;
      return s;
    },
    cells: {
      OK: (after) => expect(after.state.app.step).toBe('AWAIT_RESULT'),
      NOT_APPLIED: expectRetriedSameStep,
      AMBIGUOUS: expectRetriedSameStep,
      SESSION: expectRenewed,
      REJECTED: (after) => {
        const a = after.state.app;
        expect(a.step).toBe('VERIFY_PUBLISH');
        expect(a.verifyRound).toBe(1);
        expect(a.nextAttemptAt).toBe(T0 - 2 * MIN + 5 * MIN);
        expect(after.state.containers[0]?.abandonedAt).toBeNull();
      },
      CONFIG: expectPaused,
    },
  },
  {
    name: 'AWAIT_RESULT',
    state: () => stateAt({ step: 'AWAIT_RESULT', c: { publishAttempted: true, publishLastOutcome: 'ok' } }),
    cells: {
      OK: (after) => {
        expect(after.state.app.step).toBe('COMPLETED');
        expect(after.state.app.resultStatus).toBe('final');
        expect(after.state.app.resultSnapshot).toContain('DocumentStorageType');
      },
      NOT_APPLIED: expectNextPollSlot,
      AMBIGUOUS: expectNextPollSlot,
      SESSION: expectRenewed,
      REJECTED: expectNextPollSlot,
      CONFIG: expectPaused,
    },
  },
];

function expectNextPollSlot(after: Transition, before: SubmissionState): void {
  const a = after.state.app;
  expect(a.step).toBe('AWAIT_RESULT');
  expect(a.failures).toBe(before.app.failures);
  // 1 min after publish: still in the 30 s band.
  expect(a.nextAttemptAt - T0).toBeGreaterThanOrEqual(27_000);
  expect(a.nextAttemptAt - T0).toBeLessThanOrEqual(33_000);
  expect(after.effects.some((e) => e.type === 'call')).toBe(false);
}

function outcomeFor(row: Row, cls: keyof typeof outcomes): CallOutcome {
  if (cls === 'OK' && /VERIFY|AWAIT/.test(row.name)) return row.name.startsWith('AWAIT') ? retrieved(3) : retrieved(5);
  return outcomes[cls];
}

describe('§7.2 state table', () => {
  const classes = Object.keys(outcomes) as (keyof typeof outcomes)[];
  const cells = rows.flatMap((row) => classes.map((cls) => [row.name, cls, row] as const));

  it('covers every state of the table with every outcome class', () => {
    const names = rows.map((r) => r.name.split(/[ (,]/)[0]);
    for (const s of ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH', 'VERIFY_PUBLISH', 'AWAIT_RESULT']) {
      expect(names).toContain(s);
    }
    expect(cells.length).toBe(rows.length * 6);
  });

  it.each(cells)('%s on %s', (_name, cls, row) => {
    const before = row.state();
    const { begun, done } = runStep(before, outcomeFor(row, cls), ctx);
    // W1 / W5: mutating steps commit SENT before the call; reads do not.
    const mutating = !/VERIFY|AWAIT/.test(row.name);
    expect(begun.state.app.phase).toBe(mutating ? 'SENT' : 'PENDING');
    expect(begun.effects.filter((e) => e.type === 'call')).toHaveLength(1);
    row.cells[cls](done, begun.state);
  });
});

describe('outcomes of a successful retrieve', () => {
  const verifyState = () => stateAt({ step: 'VERIFY_PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } });

  it.each([
    [3, false, 'COMPLETED', 'final'],
    [4, false, 'AWAIT_RESULT', 'processing'],
    [5, false, 'AWAIT_RESULT', 'processing'],
    [6, false, 'AWAIT_RESULT', 'referred'],
    [4, true, 'AWAIT_RESULT', 'referred'],
  ] as const)('verify: storage type %i (Referred %s) means published → %s, %s', (storage, referred, step, status) => {
    const { done } = runStep(verifyState(), retrieved(storage, referred), ctx);
    expect(done.state.app.step).toBe(step);
    expect(done.state.app.resultStatus).toBe(status);
    expect(done.state.containers[0]?.publishedConfirmedAt).toBe(T0);
  });

  it.each([1, 7])('verify after an ambiguous publish: storage type %i publishes the same container again', (storage) => {
    const { done } = runStep(verifyState(), retrieved(storage), ctx);
    expect(done.state.app.step).toBe('PUBLISH');
    expect(done.state.app.currentContainerId).toBe(C1);
    expect(done.state.containers).toHaveLength(1);
  });

  it('verify in re-check mode: an unpublished storage type clears the ambiguity and restarts, counting a rejection', () => {
    const s = stateAt({ step: 'VERIFY_PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'rejected' } });
    s.app.verifyStartedAt = T0 - 2 * MIN;
    const { done } = runStep(s, retrieved(1), ctx);
    expect(done.state.containers[0]?.publishAmbiguous).toBe(false);
    expect(done.state.containers[0]?.abandonReason).toBe('rejected');
    expect(done.state.app.step).toBe('CREATE_CONTAINER');
    expect(done.state.app.rejections).toBe(1);
  });

  it.each([
    [6, false, 'referred'],
    [5, true, 'referred'],
    [4, false, 'processing'],
  ] as const)('polling: storage type %i (Referred %s) keeps polling as %s', (storage, referred, status) => {
    const s = stateAt({ step: 'AWAIT_RESULT', c: { publishLastOutcome: 'ok' } });
    const { done } = runStep(s, retrieved(storage, referred), ctx);
    expect(done.state.app.step).toBe('AWAIT_RESULT');
    expect(done.state.app.resultStatus).toBe(status);
    expect(done.state.app.nextAttemptAt).toBeGreaterThan(T0);
  });

  it('polling: an unpublished storage type is logged as an anomaly and polling goes on', () => {
    const s = stateAt({ step: 'AWAIT_RESULT', c: { publishLastOutcome: 'ok' } });
    const { done } = runStep(s, retrieved(1), ctx);
    expect(done.state.app.step).toBe('AWAIT_RESULT');
    expect(done.effects).toContainEqual(expect.objectContaining({ type: 'log', level: 'warn' }));
  });
});

describe('guards around the table', () => {
  it('treats the third consecutive SESSION outcome for one step as NOT_APPLIED', () => {
    let s = stateAt({ step: 'UPLOAD_IMAGE' });
    for (let i = 0; i < 2; i++) {
      const { done } = runStep(s, outcomes.SESSION, ctx);
      expect(done.effects).toContainEqual({ type: 'renew_session' });
      s = done.state;
    }
    expect(s.app.failures).toBe(0);
    const { done } = runStep(s, outcomes.SESSION, ctx);
    expect(done.effects).not.toContainEqual({ type: 'renew_session' });
    expect(done.state.app.failures).toBe(1);
    expect(done.state.app.sessionRenewals).toBe(0);
    expect(done.state.app.step).toBe('UPLOAD_IMAGE');
  });

  it('an OK between renewals resets the renewal count', () => {
    let s = stateAt({ step: 'UPLOAD_IMAGE' });
    s = runStep(s, outcomes.SESSION, ctx).done.state;
    s = runStep(s, ok('img'), ctx).done.state;
    expect(s.app.sessionRenewals).toBe(0);
  });

  it('moves the app to NEEDS_ATTENTION(rejected) on the third rejection, keeping its container', () => {
    const s = stateAt({ step: 'CREATE_DOCUMENT' });
    s.app.rejections = 2;
    const { done } = runStep(s, outcomes.REJECTED, ctx);
    expect(done.state.app.attentionReason).toBe('rejected');
    expect(done.state.app.rejections).toBe(3);
    expect(done.state.app.currentContainerId).toBe(C1);
  });

  it('moves the app to NEEDS_ATTENTION(restarts) on the eleventh restart, with C abandoned', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE' });
    s.app.restarts = 10;
    const { done } = runStep(s, outcomes.AMBIGUOUS, ctx);
    expect(done.state.app.attentionReason).toBe('restarts');
    expect(done.state.app.restarts).toBe(11);
    expect(done.state.containers[0]?.abandonReason).toBe('ambiguous_image');
  });

  it('stops a failure streak longer than 24 h of online time with NEEDS_ATTENTION(retry_budget)', () => {
    const s = stateAt({ step: 'CREATE_DOCUMENT' });
    s.app.failures = 40;
    s.app.streakStartedOnlineS = 500;
    const within = runStep(s, outcomes.NOT_APPLIED, ctxAt(T0, { onlineS: 500 + 24 * 3600 })).done;
    expect(within.state.app.attentionReason).toBeNull();
    const beyond = runStep(s, outcomes.NOT_APPLIED, ctxAt(T0, { onlineS: 501 + 24 * 3600 })).done;
    expect(beyond.state.app.attentionReason).toBe('retry_budget');
  });

  it('honours Retry-After and, on a 429, holds back the whole queue', () => {
    const s = stateAt({ step: 'CREATE_DOCUMENT' });
    const { done } = runStep(s, { class: 'NOT_APPLIED', httpStatus: 429, retryAfterMs: 90_000 }, ctx);
    expect(done.state.app.nextAttemptAt).toBe(T0 + 90_000);
    expect(done.state.app.retryAfterUntil).toBe(T0 + 90_000);
    expect(done.effects).toContainEqual({ type: 'not_before', until: T0 + 90_000 });
  });

  it('clamps a Retry-After above 60 min to 60 min', () => {
    const s = stateAt({ step: 'CREATE_DOCUMENT' });
    const { done } = runStep(s, { class: 'NOT_APPLIED', httpStatus: 503, retryAfterMs: 5 * 3600_000 }, ctx);
    expect(done.state.app.nextAttemptAt).toBe(T0 + 60 * MIN);
    expect(done.effects.some((e) => e.type === 'not_before')).toBe(false);
  });

  it('treats an OK without the id the call must return as AMBIGUOUS', () => {
    const { done } = runStep(stateAt({ step: 'UPLOAD_IMAGE' }), { class: 'OK', httpStatus: 200 }, ctx);
    expect(done.state.app.step).toBe('CREATE_CONTAINER');
    expect(done.state.containers[0]?.abandonReason).toBe('ambiguous_image');
  });

  it('abandons a container older than 12 h before a build step, without a call or a counted restart', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE', c: { createdAt: T0 - 12 * 3600_000 - 1 } });
    const t = nextSubmissionStep(s, { type: 'begin' }, ctx);
    expect(t.effects.some((e) => e.type === 'call')).toBe(false);
    expect(t.state.app.step).toBe('CREATE_CONTAINER');
    expect(t.state.app.restarts).toBe(0);
    expect(t.state.app.nextAttemptAt).toBe(T0);
    expect(t.state.containers[0]?.abandonReason).toBe('expired_age');
  });

  it('does not abandon an old container that may already be published; it publishes it again instead', () => {
    const s = stateAt({ step: 'PUBLISH', c: { createdAt: T0 - 13 * 3600_000, publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } });
    const t = nextSubmissionStep(s, { type: 'begin' }, ctx);
    expect(t.effects).toContainEqual({ type: 'call', call: { kind: 'publish', containerId: C1 } });
    expect(t.state.containers[0]?.abandonedAt).toBeNull();
  });

  it('refuses to create a container while another may be published (I1) and asks for attention', () => {
    const s = stateAt({ step: 'CREATE_CONTAINER' });
    s.containers.push({ ...stateAt({ step: 'PUBLISH' }).containers[0]!, publishAmbiguous: true, abandonedAt: T0, abandonReason: 'rejected' });
    const t = nextSubmissionStep(s, { type: 'begin' }, ctx);
    expect(t.effects.some((e) => e.type === 'call')).toBe(false);
    expect(t.state.app.attentionReason).toBe('publish_unresolved');
  });

  it('a corrupt local image stops the app before anything is sent', () => {
    const s = stateAt({ step: 'UPLOAD_IMAGE' });
    const t = nextSubmissionStep(s, { type: 'local_image_corrupt' }, ctx);
    expect(t.state.app.attentionReason).toBe('local_image_corrupt');
    expect(t.state.app.phase).toBe('PENDING');
    expect(t.effects.some((e) => e.type === 'call')).toBe(false);
  });

  it('re-check mode reads at 2, 5, 10, 20 and 30 min, then asks staff (publish_unresolved), never restarting', () => {
    let s = stateAt({ step: 'PUBLISH', c: { publishAttempted: true, publishAmbiguous: true, publishLastOutcome: 'ambiguous' } });
    s = runStep(s, outcomes.REJECTED, ctx).done.state;
    const due: number[] = [s.app.nextAttemptAt - T0];
    for (let round = 0; round < 5; round++) {
      s = runStep(s, outcomes.REJECTED, ctxAt(s.app.nextAttemptAt)).done.state;
      if (s.app.attentionReason === null) due.push(s.app.nextAttemptAt - T0);
    }
    expect(due).toEqual([2, 5, 10, 20, 30].map((m) => m * MIN));
    expect(s.app.attentionReason).toBe('publish_unresolved');
    expect(s.containers).toHaveLength(1);
    expect(s.containers[0]?.abandonedAt).toBeNull();
  });

  it('gives RESULT_OVERDUE once 48 h pass without a final result', () => {
    const s = stateAt({ step: 'AWAIT_RESULT', c: { publishLastOutcome: 'ok' } });
    s.app.publishedAt = T0 - 48 * 3600_000;
    const { done } = runStep(s, retrieved(6, true), ctx);
    expect(done.state.app.step).toBe('RESULT_OVERDUE');
  });

  it('a final result on "Check now" completes an overdue app; anything else leaves it overdue', () => {
    const s = stateAt({ step: 'RESULT_OVERDUE', c: { publishLastOutcome: 'ok' } });
    expect(runStep(s, retrieved(6, true), ctx).done.state.app.step).toBe('RESULT_OVERDUE');
    expect(runStep(s, outcomes.AMBIGUOUS, ctx).done.state.app.step).toBe('RESULT_OVERDUE');
    expect(runStep(s, retrieved(3), ctx).done.state.app.step).toBe('COMPLETED');
  });

  it('an AUTH outcome pauses with PAUSED_AUTH and keeps the step PENDING', () => {
    const { done } = runStep(stateAt({ step: 'CREATE_DOCUMENT' }), { class: 'AUTH' }, ctx);
    expect(done.effects).toContainEqual({ type: 'pause', kind: 'PAUSED_AUTH' });
    expect(done.state.app.phase).toBe('PENDING');
    expect(done.state.app.step).toBe('CREATE_DOCUMENT');
  });

  it('refuses an outcome for a mutating step that was never marked SENT (I3)', () => {
    expect(() => nextSubmissionStep(stateAt({ step: 'PUBLISH' }), { type: 'outcome', outcome: ok() }, ctx)).toThrow(/SENT/);
  });

  it('walks a clean run through every step in order, with one call each', () => {
    let s = stateAt({ step: 'CREATE_CONTAINER' });
    const calls: string[] = [];
    let n = 0;
    while (s.app.step !== 'AWAIT_RESULT') {
      const begun = nextSubmissionStep(s, { type: 'begin' }, ctx);
      const call = begun.effects.find((e) => e.type === 'call');
      if (call?.type !== 'call') throw new Error('no call');
      calls.push(call.call.kind);
      s = nextSubmissionStep(begun.state, { type: 'outcome', outcome: ok(`id${n++}`) }, ctx).state;
    }
    expect(calls).toEqual(['createContainer', 'createDocument', 'uploadImage', 'uploadImage', 'createDocument', 'uploadImage', 'uploadApplicantPhoto', 'publish']);
    expect(s.remoteImages.map((i) => [i.docIndex, i.imgIndex, i.imageType])).toEqual([
      [0, 0, 2],
      [0, 1, 3],
      [1, 0, 2],
      [-1, -1, 1],
    ]);
  });
});
