// Builders for submission states at any point of the §7.1 sequence, for the sync unit tests.
import type { MachineContext } from '../../../../main/sync/machine-context';
import { nextSubmissionStep } from '../../../../main/sync/submission-machine';
import type { AppShape, CallOutcome, ContainerAttempt, Step, SubmissionState } from '../../../../main/sync/submission-types';
import { newSubmissionApp } from '../../../../main/sync/submission-types';
import { defaultSyncParams, type SyncParams } from '../../../../main/sync/sync-params';

export const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
export const APP_ID = '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47';
export const C1 = 'c1000000-0000-4000-8000-000000000001';

/** Two documents (front+back, then a single page) and an applicant photo. */
export const SHAPE: AppShape = { documents: [{ imageTypes: [2, 3] }, { imageTypes: [2] }], hasApplicantPhoto: true };

export function ctxAt(now: number, over: Partial<MachineContext> & { params?: Partial<SyncParams> } = {}): MachineContext {
  return { now, onlineS: over.onlineS ?? 1000, random: over.random ?? (() => 0.5), params: { ...defaultSyncParams, ...over.params } };
}

export function container(over: Partial<ContainerAttempt> = {}): ContainerAttempt {
  return {
    containerId: C1,
    appId: APP_ID,
    origin: 'kiosk',
    createdAt: T0,
    publishAttempted: false,
    publishAmbiguous: false,
    publishLastOutcome: 'none',
    publishedConfirmedAt: null,
    abandonedAt: null,
    abandonReason: null,
    ...over,
  };
}

export type At = {
  step: Step;
  docIndex?: number;
  imgIndex?: number;
  c?: Partial<ContainerAttempt> | null;
  shape?: AppShape;
};

/** A PENDING state at the given step, with the container and remote items it implies. */
export function stateAt(at: At): SubmissionState {
  const app = newSubmissionApp(APP_ID, 'acct-1', T0 - 60_000);
  app.step = at.step;
  app.stepDocIndex = at.docIndex ?? 0;
  app.stepImgIndex = at.imgIndex ?? 0;
  app.nextAttemptAt = T0;
  const s: SubmissionState = { app, containers: [], remoteDocuments: [], remoteImages: [], shape: at.shape ?? SHAPE };
  if (at.step !== 'CREATE_CONTAINER' && at.c !== null) {
    s.containers.push(container(at.c ?? {}));
    app.currentContainerId = C1;
    for (let d = 0; d < s.shape.documents.length; d++) {
      if (at.step === 'CREATE_DOCUMENT' && d >= app.stepDocIndex) break;
      s.remoteDocuments.push({ containerId: C1, docIndex: d, documentId: `d${d}` });
    }
  }
  if (at.step === 'AWAIT_RESULT' || at.step === 'RESULT_OVERDUE') {
    app.publishedAt = T0 - 60_000;
    app.resultStatus = 'processing';
  }
  return s;
}

/** Begin the step (committing SENT where the step mutates), then apply the outcome. */
export function runStep(s: SubmissionState, outcome: CallOutcome, ctx: MachineContext) {
  const begun = nextSubmissionStep(s, { type: 'begin' }, ctx);
  return { begun, done: nextSubmissionStep(begun.state, { type: 'outcome', outcome }, ctx) };
}

export const ok = (id = 'new-id'): CallOutcome => ({ class: 'OK', id, httpStatus: 200 });
export const retrieved = (storageType: number, referred = false): CallOutcome => ({
  class: 'OK',
  httpStatus: 200,
  retrieved: { storageType, referred, snapshot: JSON.stringify({ DocumentStorageType: storageType }) },
});
