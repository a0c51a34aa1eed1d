// The submission records of SUBMISSION-PROTOCOL §3.1 as the store hands them out. The shapes match
// main/sync/submission-types.ts field for field, so the sync engine's values pass straight through;
// they are declared here so the store does not depend on sync. Runs in main (plain Node).

export type StoreStep =
  | 'CREATE_CONTAINER'
  | 'CREATE_DOCUMENT'
  | 'UPLOAD_IMAGE'
  | 'UPLOAD_APPLICANT_PHOTO'
  | 'PUBLISH'
  | 'VERIFY_PUBLISH'
  | 'AWAIT_RESULT'
  | 'COMPLETED'
  | 'RESULT_OVERDUE'
  | 'CANCELLED'
  | 'CLOSED_BY_STAFF';

export type StorePhase = 'PENDING' | 'SENT';
export type StoreResultStatus = 'processing' | 'referred' | 'final';
export type StorePublishOutcome = 'none' | 'ok' | 'not_applied' | 'ambiguous' | 'rejected';
export type QueueState = 'RUNNING' | 'OFFLINE' | 'PAUSED_AUTH' | 'PAUSED_CONFIG';

/** The scheduling half of an application row (§3.1 "Application"). Epoch ms; *OnlineS in seconds. */
export type SubmissionAppRecord = {
  id: string;
  accountId: string;
  capturedAt: number;
  step: StoreStep;
  stepDocIndex: number;
  stepImgIndex: number;
  phase: StorePhase;
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
  /** Sealed at rest (a TrustID message can quote personal data). */
  lastMessage: string | null;
  lastHttpStatus: number | null;
  publishedAt: number | null;
  resultStatus: StoreResultStatus | null;
  /** The retrieved container as JSON; sealed at rest. */
  resultSnapshot: string | null;
  resultCheckedAt: number | null;
  attentionReason: string | null;
  verifyRound: number;
  verifyStartedAt: number | null;
};

export type ContainerRecord = {
  containerId: string;
  appId: string;
  createdAt: number;
  publishAttempted: boolean;
  publishAmbiguous: boolean;
  publishLastOutcome: StorePublishOutcome;
  publishedConfirmedAt: number | null;
  abandonedAt: number | null;
  abandonReason: string | null;
};

export type RemoteDocumentRecord = { containerId: string; docIndex: number; documentId: string };
/** docIndex and imgIndex are -1 for the applicant photo. */
export type RemoteImageRecord = { containerId: string; docIndex: number; imgIndex: number; imageType: number; imageId: string };

export type AppShapeRecord = {
  documents: { imageTypes: number[] }[];
  hasApplicantPhoto: boolean;
};

/** Everything the per-application machine reads for one app, plus the row revision to save against. */
export type SubmissionRecord = {
  app: SubmissionAppRecord;
  containers: ContainerRecord[];
  remoteDocuments: RemoteDocumentRecord[];
  remoteImages: RemoteImageRecord[];
  shape: AppShapeRecord;
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
export const FINISHED_STEPS: readonly StoreStep[] = ['COMPLETED', 'CANCELLED', 'CLOSED_BY_STAFF'];
/** Steps at which the capture may have reached TrustID as a published application. */
export const PUBLISHED_STEPS: readonly StoreStep[] = ['VERIFY_PUBLISH', 'AWAIT_RESULT', 'COMPLETED', 'RESULT_OVERDUE', 'CLOSED_BY_STAFF'];
