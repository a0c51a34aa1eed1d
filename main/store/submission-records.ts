// The submission records of SUBMISSION-PROTOCOL §3.1 as the store keeps them, and their vocabulary
// (steps, phases, outcomes, remote items, the app's shape), which the sync engine above uses as it is.
// The rows widen only the reason codes to strings, which the sync adapter narrows again. Runs in main
// (plain Node).

/** Remote steps of §7.1 that create or change something at TrustID (they use the SENT phase, W1). */
export type MutatingStep = 'CREATE_CONTAINER' | 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO' | 'PUBLISH';

/** Every value of `step` (§7.1). NEEDS_ATTENTION is not a step: it is `attentionReason` set on top of
 * the step the app stopped at, so staff actions can resume from exactly there (§10). */
export type Step = MutatingStep | ReadStep | 'AWAIT_RESULT' | 'COMPLETED' | 'RESULT_OVERDUE' | 'CANCELLED' | 'CLOSED_BY_STAFF';

/** Reads that decide where the app goes next (no SENT phase, W5): VERIFY_PUBLISH (§7.4) and the
 * four reads of a queued container (§13.3). */
export type ReadStep = 'VERIFY_PUBLISH' | QueuedReadStep;
export type QueuedReadStep = 'CHECK_QUEUED' | 'CHECK_BEFORE_PUBLISH' | 'RECONCILE' | 'CONFIRM_PUBLISH';

/** §2 origin: `kiosk` creates its own container (§7); `queued` completes an existing one (§13). */
export type Origin = 'kiosk' | 'queued';

/** The build steps RECONCILE can settle (§13.4), and why it was entered. */
export type ReconcileTarget = { step: 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO'; cause: 'ambiguous' | 'rejected' };

export type Phase = 'PENDING' | 'SENT';

export type PublishOutcome = 'none' | 'ok' | 'not_applied' | 'ambiguous' | 'rejected';

export type ResultStatus = 'processing' | 'referred' | 'final';

/** `marker` is the capture marker sent with the document (§2), or null when the account has no marker slot. */
export type RemoteDocument = { containerId: string; docIndex: number; documentId: string; marker?: string | null };

/** `imgIndex` is -1 for the applicant photo, which belongs to no document. */
export type RemoteImage = { containerId: string; docIndex: number; imgIndex: number; imageType: number; imageId: string };

/** What was captured, as far as the step sequence needs it: documents, their images' types, and
 * whether there is an applicant photo. The files themselves stay with the store. */
export type AppShape = {
  documents: { imageTypes: number[] }[];
  hasApplicantPhoto: boolean;
};

export type QueueState = 'RUNNING' | 'OFFLINE' | 'PAUSED_AUTH' | 'PAUSED_CONFIG';

/**
 * The scheduling half of an application row (§3.1 "Application"). Times are epoch milliseconds;
 * online-clock values (*OnlineS) are seconds. Reason codes are strings here; the sync engine
 * narrows them (SubmissionApp in main/sync/submission-types.ts).
 */
export type SubmissionAppRecord = {
  id: string;
  /** The TrustID account the app was captured under; it syncs under that account only (issue 5). */
  accountId: string;
  /** §2, §13: `queued` apps complete the fixed container `currentContainerId` and never restart (I11). */
  origin: Origin;
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
  lastOutcomeClass: string | null;
  lastHttpStatus: number | null;
  /** Sealed at rest (a TrustID message can quote personal data). */
  lastMessage: string | null;
  publishedAt: number | null;
  resultStatus: ResultStatus | null;
  /** The retrieved container as JSON; sealed at rest (it holds personal data). */
  resultSnapshot: string | null;
  resultCheckedAt: number | null;
  attentionReason: string | null;
  /** Re-check rounds done in VERIFY_PUBLISH re-check mode (§7.4 step 4), 0 outside it. */
  verifyRound: number;
  /** When re-check mode was entered; the rounds are timed from it (§7.4). Null in settle mode. */
  verifyStartedAt: number | null;
  /** At RECONCILE (§13.4): the build step being settled; its indices are stepDocIndex/stepImgIndex. */
  reconcile: ReconcileTarget | null;
  /** §13.2: DocumentIds (and an applicant photo's ImageId) found in C that this app did not create. */
  foreignDocuments: string[];
};

/** A container attempt (§3.1). */
export type ContainerRecord = {
  containerId: string;
  appId: string;
  /** `queued`: the adopted queued container (§13.2); never abandoned by the machine. */
  origin: Origin;
  createdAt: number;
  publishAttempted: boolean;
  publishAmbiguous: boolean;
  publishLastOutcome: PublishOutcome;
  publishedConfirmedAt: number | null;
  abandonedAt: number | null;
  abandonReason: string | null;
};

/** Everything the per-application machine reads for one app, plus the row revision to save against. */
export type SubmissionRecord = {
  app: SubmissionAppRecord;
  containers: ContainerRecord[];
  remoteDocuments: RemoteDocument[];
  remoteImages: RemoteImage[];
  shape: AppShape;
  revision: number;
};

export type KioskRecord = {
  deviceId: string;
  queueState: QueueState;
  onlineClockS: number;
  notBefore: number | null;
  transportFailures: number;
  probeFailures: number;
  lastSyncAt: number | null;
  updatedAt: number;
};

/** Steps after which nothing is sent for the app any more (COMPLETED keeps no work). */
export const FINISHED_STEPS: readonly Step[] = ['COMPLETED', 'CANCELLED', 'CLOSED_BY_STAFF'];
/** Steps at which the capture may have reached TrustID as a published application. */
export const PUBLISHED_STEPS: readonly Step[] = ['VERIFY_PUBLISH', 'CONFIRM_PUBLISH', 'AWAIT_RESULT', 'COMPLETED', 'RESULT_OVERDUE', 'CLOSED_BY_STAFF'];
