// The submission records of SUBMISSION-PROTOCOL §3.1 as the sync engine sees them, and the values
// that flow through its pure state machines. Runs in main (plain Node); no I/O here. The record
// vocabulary the store persists (steps, phases, outcomes, remote items, the app's shape) has its home
// in main/store/submission-records.ts, below this layer.
// The outcome classes of §4 (plus AUTH, login only) are the client's (main/trustid/outcome.ts).
import type { AppShape, ContainerRecord, MutatingStep, RemoteDocument, RemoteImage, Step, SubmissionAppRecord } from '../store/submission-records';
import type { OutcomeClass } from '../trustid/outcome';

export type { AppShape, MutatingStep, Origin, Phase, PublishOutcome, QueuedReadStep, ReadStep, ReconcileTarget, RemoteDocument, RemoteImage, ResultStatus, Step } from '../store/submission-records';
export type { OutcomeClass } from '../trustid/outcome';

export type AttentionReason = 'rejected' | 'restarts' | 'retry_budget' | 'publish_unresolved' | 'local_image_corrupt' | QueuedAttentionReason;

/** §10: reasons only apps of origin `queued` can reach (§13). */
export type QueuedAttentionReason = 'queued_in_use' | 'queued_conflict' | 'completed_elsewhere' | 'queued_withdrawn' | 'queued_no_access' | 'queued_unresolved';
export const QUEUED_ATTENTION_REASONS: readonly QueuedAttentionReason[] = [
  'queued_in_use',
  'queued_conflict',
  'completed_elsewhere',
  'queued_withdrawn',
  'queued_no_access',
  'queued_unresolved',
];

export type AbandonReason =
  | 'ambiguous_document'
  | 'ambiguous_image'
  | 'rejected'
  | 'expired_age'
  | 'edited'
  | 'cancelled'
  | 'staff_declared_unpublished'
  /** §10: staff chose "Submit as a new application" for a queued app; the queued container itself is left as it is. */
  | 'staff_submitted_new';


/** The application row (§3.1 "Application") as the machines see it: the store's record, with its
 * reason codes narrowed (the adapter checks them on the way in). */
export type SubmissionApp = Omit<SubmissionAppRecord, 'lastOutcomeClass' | 'attentionReason'> & {
  lastOutcomeClass: OutcomeClass | null;
  attentionReason: AttentionReason | null;
};

/** A container attempt (§3.1), its abandon reason narrowed likewise. */
export type ContainerAttempt = Omit<ContainerRecord, 'abandonReason'> & { abandonReason: AbandonReason | null };

/** Everything the per-application machine reads and writes for one app. */
export type SubmissionState = {
  app: SubmissionApp;
  /** Every container attempt of the app, abandoned ones included (I1 looks at all of them). */
  containers: ContainerAttempt[];
  remoteDocuments: RemoteDocument[];
  remoteImages: RemoteImage[];
  shape: AppShape;
  /**
   * The TrustID account's marker slot and evidence flags (§13.2). The store loads them with every
   * app; the machine sets flags (never clears them) and the store saves them with the app.
   */
  account?: AccountFacts;
};

/** §13.2 account evidence: what the service has been seen to do. Once set, a flag stays set. */
export type AccountEvidence = { queuedReadsShowDocuments: boolean; markersEchoed: boolean; queryListsQueued: boolean };

export type AccountFacts = { markerSlot: boolean; evidence: AccountEvidence };

/** The answer to a retrieveDocumentContainer, as far as the machine needs it (API §5.1, §8.1). */
export type RetrievedContainer = {
  storageType: number;
  referred: boolean;
  /** The documents C shows (§13.4): ids, every custom field value (markers among them) and image ids. */
  documents?: RetrievedDocument[];
  /** ApplicantPhotoImage's id, if the answer shows one. */
  applicantPhotoId?: string | null;
  /** The whole Container as JSON, kept as the result snapshot. */
  snapshot: string;
};

export type RetrievedDocument = { documentId: string; customValues: string[]; imageIds: string[] };

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
  /** CONFIG because of `AccessDenied:true` (§4 note, §13.6): for a queued app it stops only that app. */
  accessDenied?: boolean;
};

/** The remote call a step makes (§7.2 "Call made"). */
export type StepCall =
  | { kind: 'createContainer'; appId: string }
  /** `marker` ("<app id>:<i>", §2) when the account has a marker slot. */
  | { kind: 'createDocument'; containerId: string; docIndex: number; marker?: string }
  | { kind: 'uploadImage'; containerId: string; documentId: string; docIndex: number; imgIndex: number; imageType: number }
  | { kind: 'uploadApplicantPhoto'; containerId: string }
  | { kind: 'publish'; containerId: string }
  | { kind: 'retrieve'; containerId: string; purpose: 'verify' | 'poll' | 'check' };

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
  | 'staff.check-now'
  | 'staff.submit-new'
  | 'staff.close'
  | 'staff.continue-anyway';

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

/** API §8.1 storage types that mean "published"; 3 is final. */
export const PUBLISHED_STORAGE: ReadonlySet<number> = new Set([3, 4, 5, 6]);

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
    case 'CONFIRM_PUBLISH':
    case 'RECONCILE':
      return 'verifying';
    case 'CHECK_QUEUED':
      return 'queued';
    case 'CHECK_BEFORE_PUBLISH':
      return 'sending';
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
    origin: 'kiosk',
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
    reconcile: null,
    foreignDocuments: [],
  };
}

/** A fresh app of origin `queued` as W0 commits it (§13.2): CHECK_QUEUED, PENDING, due now, C fixed. */
export function newQueuedSubmissionApp(id: string, accountId: string, capturedAt: number, containerId: string): SubmissionApp {
  return { ...newSubmissionApp(id, accountId, capturedAt), origin: 'queued', step: 'CHECK_QUEUED', currentContainerId: containerId };
}

/** The one container attempt of a queued app, inserted with it (§13.2). */
export function queuedContainerAttempt(appId: string, containerId: string, createdAt: number): ContainerAttempt {
  return {
    containerId,
    appId,
    origin: 'queued',
    createdAt,
    publishAttempted: false,
    publishAmbiguous: false,
    publishLastOutcome: 'none',
    publishedConfirmedAt: null,
    abandonedAt: null,
    abandonReason: null,
  };
}

/** The capture marker of document i (§2, RAW-API §7.9). */
export function captureMarker(appId: string, docIndex: number): string {
  return `${appId}:${docIndex}`;
}
