// The submission records of SUBMISSION-PROTOCOL §3.1 as the sync engine sees them, and the values
// that flow through its pure state machines. Runs in main (plain Node); no I/O here.

/** Remote steps of §7.1 that create or change something at TrustID (they use the SENT phase, W1). */
export type MutatingStep = 'CREATE_CONTAINER' | 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO' | 'PUBLISH';

/** Every value of `step` (§7.1). NEEDS_ATTENTION is not a step: it is `attentionReason` set on top of
 * the step the app stopped at, so staff actions can resume from exactly there (§10). */
export type Step = MutatingStep | 'VERIFY_PUBLISH' | 'AWAIT_RESULT' | 'COMPLETED' | 'RESULT_OVERDUE' | 'CANCELLED' | 'CLOSED_BY_STAFF';

export type Phase = 'PENDING' | 'SENT';

/** §4, plus AUTH (login only). */
export type OutcomeClass = 'CONFIG' | 'SESSION' | 'AUTH' | 'NOT_APPLIED' | 'AMBIGUOUS' | 'REJECTED' | 'OK';

export type AttentionReason = 'rejected' | 'restarts' | 'retry_budget' | 'publish_unresolved' | 'local_image_corrupt';

export type AbandonReason =
  | 'ambiguous_document'
  | 'ambiguous_image'
  | 'rejected'
  | 'expired_age'
  | 'edited'
  | 'cancelled'
  | 'staff_declared_unpublished';

export type PublishOutcome = 'none' | 'ok' | 'not_applied' | 'ambiguous' | 'rejected';

export type ResultStatus = 'processing' | 'referred' | 'final';

/** The application row (§3.1 "Application"). Times are epoch milliseconds; online-clock values are seconds. */
export type SubmissionApp = {
  id: string;
  /** The TrustID account the app was captured under; it syncs under that account only (issue 5). */
  accountId: string;
  capturedAt: number;
  step: Step;
  stepDocIndex: number;
  stepImgIndex: number;
  phase: Phase;
  sentAt: number | null;
  currentContainerId: string | null;
  failures: number;
  streakStartedOnlineS: number | null;
  sessionRenewals: number;
  rejections: number;
  restarts: number;
  nextAttemptAt: number;
  retryAfterUntil: number | null;
  lastOutcomeClass: OutcomeClass | null;
  lastHttpStatus: number | null;
  lastMessage: string | null;
  publishedAt: number | null;
  resultStatus: ResultStatus | null;
  /** The retrieved container as JSON; the store seals it at rest (it holds personal data). */
  resultSnapshot: string | null;
  resultCheckedAt: number | null;
  attentionReason: AttentionReason | null;
  /** Re-check rounds done in VERIFY_PUBLISH re-check mode (§7.4 step 4), 0 outside it. */
  verifyRound: number;
  /** When re-check mode was entered; the rounds are timed from it (§7.4). Null in settle mode. */
  verifyStartedAt: number | null;
};

/** A container attempt (§3.1). */
export type ContainerAttempt = {
  containerId: string;
  appId: string;
  createdAt: number;
  publishAttempted: boolean;
  publishAmbiguous: boolean;
  publishLastOutcome: PublishOutcome;
  publishedConfirmedAt: number | null;
  abandonedAt: number | null;
  abandonReason: AbandonReason | null;
};

export type RemoteDocument = { containerId: string; docIndex: number; documentId: string };

/** `imgIndex` is -1 for the applicant photo, which belongs to no document. */
export type RemoteImage = { containerId: string; docIndex: number; imgIndex: number; imageType: number; imageId: string };

/** What was captured, as far as the step sequence needs it: documents, their images' types, and
 * whether there is an applicant photo. The files themselves stay with the store. */
export type AppShape = {
  documents: { imageTypes: number[] }[];
  hasApplicantPhoto: boolean;
};

/** Everything the per-application machine reads and writes for one app. */
export type SubmissionState = {
  app: SubmissionApp;
  /** Every container attempt of the app, abandoned ones included (I1 looks at all of them). */
  containers: ContainerAttempt[];
  remoteDocuments: RemoteDocument[];
  remoteImages: RemoteImage[];
  shape: AppShape;
};

/** The answer to a retrieveDocumentContainer, as far as the machine needs it (API §5.1, §8.1). */
export type RetrievedContainer = {
  storageType: number;
  referred: boolean;
  /** The whole Container as JSON, kept as the result snapshot. */
  snapshot: string;
};

/** One classified call result (§4). Produced at the edge (the TrustID client), consumed by the machines. */
export type CallOutcome = {
  class: OutcomeClass;
  httpStatus?: number | null;
  /** A Retry-After already turned into milliseconds from now (both forms, §5); unclamped. */
  retryAfterMs?: number | null;
  /** A connection failure or timeout, as opposed to any HTTP answer: feeds the offline gate (§5). */
  transportFailure?: boolean;
  /** TrustID's Message or the transport error; for logs and staff screens, never for branching (API §1.7). */
  message?: string | null;
  /** The id the call returns (ContainerId, DocumentId, ImageId) on OK. */
  id?: string | null;
  /** For retrieves that succeeded. */
  retrieved?: RetrievedContainer | null;
};

/** The remote call a step makes (§7.2 "Call made"). */
export type StepCall =
  | { kind: 'createContainer'; appId: string }
  | { kind: 'createDocument'; containerId: string; docIndex: number }
  | { kind: 'uploadImage'; containerId: string; documentId: string; docIndex: number; imgIndex: number; imageType: number }
  | { kind: 'uploadApplicantPhoto'; containerId: string }
  | { kind: 'publish'; containerId: string }
  | { kind: 'retrieve'; containerId: string; purpose: 'verify' | 'poll' };

/** Something the worker must do besides persisting the new state. */
export type Effect =
  /** Send this request; for mutating steps only after the SENT state has been committed (W1). */
  | { type: 'call'; call: StepCall }
  /** §6: drop the account's session and log in again before the same step is repeated. */
  | { type: 'renew_session' }
  /** §6/§8: stop all traffic for the account until staff act. */
  | { type: 'pause'; kind: 'PAUSED_CONFIG' | 'PAUSED_AUTH' }
  /** §5: queue-wide Retry-After after a 429. */
  | { type: 'not_before'; until: number }
  /** An audited fact (no personal data: ids only). */
  | { type: 'audit'; action: SyncAuditAction; containerIds: string[]; detail?: string; actor?: string }
  /** Something that should never happen or that an operator may want to know about. */
  | { type: 'log'; level: 'warn' | 'error'; message: string };

export type SyncAuditAction =
  | 'sync.container-created'
  | 'sync.container-abandoned'
  | 'sync.published'
  | 'sync.needs-attention'
  | 'sync.result-fetched'
  | 'sync.result-overdue'
  | 'staff.retry'
  | 'staff.cancel'
  | 'staff.discard'
  | 'staff.found-in-trustid'
  | 'staff.send-again'
  | 'staff.retake'
  | 'staff.check-now';

export type Transition = { state: SubmissionState; effects: Effect[] };

/** What staff see for an app: one word per situation, derived from step, phase and attention. */
export type DisplayState =
  | 'queued'
  | 'sending'
  | 'verifying'
  | 'processing'
  | 'referred'
  | 'completed'
  | 'needs_attention'
  | 'result_overdue'
  | 'cancelled'
  | 'closed_by_staff';

export const MUTATING_STEPS: readonly MutatingStep[] = ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH'];

export function isMutatingStep(step: Step): step is MutatingStep {
  return (MUTATING_STEPS as readonly string[]).includes(step);
}

/** Steps at which the app is finished with, one way or another: no automatic action touches it. */
export function isTerminalStep(step: Step): boolean {
  return step === 'COMPLETED' || step === 'CANCELLED' || step === 'CLOSED_BY_STAFF';
}

export function displayStateOf(app: Pick<SubmissionApp, 'step' | 'phase' | 'attentionReason' | 'resultStatus'>): DisplayState {
  if (app.attentionReason !== null) return 'needs_attention';
  switch (app.step) {
    case 'CREATE_CONTAINER':
      return app.phase === 'SENT' ? 'sending' : 'queued';
    case 'CREATE_DOCUMENT':
    case 'UPLOAD_IMAGE':
    case 'UPLOAD_APPLICANT_PHOTO':
    case 'PUBLISH':
      return 'sending';
    case 'VERIFY_PUBLISH':
      return 'verifying';
    case 'AWAIT_RESULT':
      return app.resultStatus === 'referred' ? 'referred' : 'processing';
    case 'COMPLETED':
      return 'completed';
    case 'RESULT_OVERDUE':
      return 'result_overdue';
    case 'CANCELLED':
      return 'cancelled';
    case 'CLOSED_BY_STAFF':
      return 'closed_by_staff';
  }
}

export const DISPLAY_STATES: readonly DisplayState[] = [
  'queued',
  'sending',
  'verifying',
  'processing',
  'referred',
  'completed',
  'needs_attention',
  'result_overdue',
  'cancelled',
  'closed_by_staff',
];

/** A fresh app row as W0 commits it: CREATE_CONTAINER, PENDING, due now. */
export function newSubmissionApp(id: string, accountId: string, capturedAt: number): SubmissionApp {
  return {
    id,
    accountId,
    capturedAt,
    step: 'CREATE_CONTAINER',
    stepDocIndex: 0,
    stepImgIndex: 0,
    phase: 'PENDING',
    sentAt: null,
    currentContainerId: null,
    failures: 0,
    streakStartedOnlineS: null,
    sessionRenewals: 0,
    rejections: 0,
    restarts: 0,
    nextAttemptAt: capturedAt,
    retryAfterUntil: null,
    lastOutcomeClass: null,
    lastHttpStatus: null,
    lastMessage: null,
    publishedAt: null,
    resultStatus: null,
    resultSnapshot: null,
    resultCheckedAt: null,
    attentionReason: null,
    verifyRound: 0,
    verifyStartedAt: null,
  };
}
