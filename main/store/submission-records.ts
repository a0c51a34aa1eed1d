// The submission records of SUBMISSION-PROTOCOL §3.1 as the store hands them out. Steps, phases,
// outcomes, remote items and the app's shape are the sync engine's own types (type-only imports);
// the rows below widen only the reason codes to strings, which the sync adapter narrows again.
// Runs in main (plain Node).

import type { AppShape, Origin, Phase, PublishOutcome, ReconcileTarget, RemoteDocument, RemoteImage, ResultStatus, Step } from '../sync/submission-types';

export type StoreStep = Step;
export type StorePhase = Phase;
export type StoreResultStatus = ResultStatus;
export type StorePublishOutcome = PublishOutcome;
export type QueueState = 'RUNNING' | 'OFFLINE' | 'PAUSED_AUTH' | 'PAUSED_CONFIG';

/** The scheduling half of an application row (§3.1 "Application"). Epoch ms; *OnlineS in seconds. */
export type SubmissionAppRecord = {
  id: string;
  accountId: string;
  /** §13.2: `queued` apps complete the fixed container currentContainerId. */
  origin: Origin;
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
  /** §13.4: the build step RECONCILE is settling. */
  reconcile: ReconcileTarget | null;
  /** §13.2: ids found in C that this app did not create. */
  foreignDocuments: string[];
};

export type ContainerRecord = {
  containerId: string;
  appId: string;
  origin: Origin;
  createdAt: number;
  publishAttempted: boolean;
  publishAmbiguous: boolean;
  publishLastOutcome: StorePublishOutcome;
  publishedConfirmedAt: number | null;
  abandonedAt: number | null;
  abandonReason: string | null;
};

// The remote items and the app's shape are the sync engine's own records, stored as they are.
export type { AppShape as AppShapeRecord, RemoteDocument as RemoteDocumentRecord, RemoteImage as RemoteImageRecord } from '../sync/submission-types';

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
export const FINISHED_STEPS: readonly StoreStep[] = ['COMPLETED', 'CANCELLED', 'CLOSED_BY_STAFF'];
/** Steps at which the capture may have reached TrustID as a published application. */
export const PUBLISHED_STEPS: readonly StoreStep[] = ['VERIFY_PUBLISH', 'CONFIRM_PUBLISH', 'AWAIT_RESULT', 'COMPLETED', 'RESULT_OVERDUE', 'CLOSED_BY_STAFF'];
