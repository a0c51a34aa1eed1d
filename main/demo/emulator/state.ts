// Everything the emulator remembers between requests, as plain JSON-able records, so the state
// file (RAW-API §15 "survives its own restart") is a straight dump. Runs wherever the emulator runs.
import type { CallbackHeader, Outcome, WebhookEventName } from './config';

/** DocumentStorageType (RAW-API §7.11), with 7 = Queued (our choice). */
export const STORAGE = { Temp: 1, Archive: 3, Workflow: 4, Pending: 5, Holding: 6, Queued: 7 } as const;
export type StorageType = (typeof STORAGE)[keyof typeof STORAGE];

/** DocumentStatus (RAW-API §7.11). */
export const DOC_STATUS = { Undefined: 0, Accepted: 1, Referred: 2, Failed: 3, Rejected: 4, NoValidation: 5 } as const;

export type ImageRecord = {
  id: string;
  containerId: string;
  /** null for the applicant photo. */
  documentId: string | null;
  imageType: number;
  sourceId: string | null;
  mime: 'image/jpeg' | 'image/png';
  fileType: number;
  size: number;
  width: number;
  height: number;
  createdAt: number;
  filename: string;
};

export type FeedbackFact = { name: string; value: boolean; valueUndefined: boolean; errorMessage: string | null };

export type DocumentFieldRecord = {
  id: number;
  name: string;
  displayName: string;
  dataType: 1 | 3;
  valueString: string | null;
  valueDate: number | null;
};

/** What processing established about a document (RAW-API §8.4 "Result data"). */
export type DocumentResult = {
  documentName: string;
  fields: DocumentFieldRecord[];
  general: FeedbackFact[];
  summary: FeedbackFact[];
  mrzChecks: FeedbackFact[];
  missing: FeedbackFact[];
  issuingCountry: string | null;
  nationality: string | null;
  fullname: string;
  mrzLineCount: number;
  mrzCharacterCount: number;
};

export type DocumentRecord = {
  id: string;
  containerId: string;
  createdAt: number;
  updatedAt: number;
  documentType: number;
  mrz: string | null;
  rfidMrz: string | null;
  scannerType: string | null;
  feedbackPersonMatches: number;
  /**
   * Document-level custom field values set on createDocument (§7.9), keyed by the definition's
   * Index. Optional so a state file written before they were kept still loads.
   */
  customValues?: Record<string, string>;
  imageIds: string[];
  operatorStatus: number;
  operatorMessage: string | null;
  notes: string | null;
  audited: boolean;
  auditorStatus: number;
  auditedByUser: string | null;
  auditorMessage: string | null;
  result: DocumentResult | null;
};

export type FlexibleValue = {
  flexibleFieldVersionId: string;
  valueString: string | null;
  valueInt: number | null;
  valueDate: number | null;
  valueDecimal: number | null;
};

export type ContainerFieldRecord = { id: number; name: string; displayName: string; valueString: string | null };

export type ReferralRecord = { referredAt: number; completedAt: number | null; referralType: number; referredByUserId: string; referredByName: string };

export type ScenarioSelection = { outcome: Outcome | 'auto'; reviewVerdict?: number };

export type NextStep = { step: 'workflow' | 'decide' | 'review' | 'dbs-update'; at: number };

export type ContainerRecord = {
  id: string;
  clientAppId: number;
  kind: 'standard' | 'queued' | 'guest';
  storageType: StorageType;
  createdAt: number;
  updatedAt: number;
  userId: string;
  branchId: string;
  deviceId: string;
  documentSource: number;
  scannerType: string | null;
  clientApplicationReference: string | null;
  fields: ContainerFieldRecord[];
  flexibleValues: FlexibleValue[];
  documents: DocumentRecord[];
  applicantPhotoId: string | null;
  callbackUrl: string | null;
  callbackHeaders: CallbackHeader[];
  autoReferral: boolean;
  rfidFailed: boolean;
  /** Requests that reached publishDocumentContainer for this container, applied or not. */
  publishRequests: number;
  publishedAt: number | null;
  scenario: ScenarioSelection | null;
  overallStatus: number;
  referred: boolean;
  referredAt: number | null;
  referralType: number | null;
  referrals: ReferralRecord[];
  fullname: string;
  next: NextStep | null;
  /** When a never-published container disappears (§8.3; guest links: §12.3). */
  purgeAt: number | null;
  guestId: string | null;
  dbsState: number;
  dbsReference: string | null;
  realisticDone: boolean;
};

/** What is left of a container after purge or delete, for the inspection view. */
export type RemovedContainer = {
  id: string;
  clientApplicationReference: string | null;
  removedAt: number;
  reason: 'purged' | 'deleted';
  storageTypeAtRemoval: StorageType;
  publishRequests: number;
  publishedAt: number | null;
  createdAt: number;
};

export type SessionRecord = {
  id: string;
  deviceId: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  ended: boolean;
};

/** The mutable side of a configured user. */
export type UserState = {
  failures: number;
  locked: boolean;
  passwordExpired: boolean;
  mfa: boolean;
  /** Set once the password was changed through ChangePassword; overrides the configured one. */
  password: string | null;
};

export type GuestLinkRecord = {
  id: string;
  containerId: string;
  email: string;
  name: string;
  createdAt: number;
  expiresAt: number;
  used: boolean;
  deleted: boolean;
};

export type WebhookAttempt = { at: number; status: number; error: string | null };

export type WebhookRecord = {
  callbackId: string;
  event: WebhookEventName;
  containerId: string;
  documentId: string | null;
  clientApplicationReference: string | null;
  url: string;
  headers: CallbackHeader[];
  scheduledAt: number;
  nextAttemptAt: number | null;
  attempts: WebhookAttempt[];
  delivered: boolean;
  aborted: boolean;
};

export type EmulatorState = {
  version: 1;
  clockNow: number | null;
  counters: { clientAppId: number; fieldId: number; containerFieldId: number };
  containers: Record<string, ContainerRecord>;
  images: Record<string, ImageRecord>;
  removed: RemovedContainer[];
  sessions: Record<string, SessionRecord>;
  users: Record<string, UserState>;
  guestLinks: Record<string, GuestLinkRecord>;
  webhooks: WebhookRecord[];
  /** Scenario choices waiting for a container (§15.2 `scenario`). */
  scenarioByReference: Record<string, ScenarioSelection>;
  scenarioNextPublish: ScenarioSelection | null;
};

export function emptyState(): EmulatorState {
  return {
    version: 1,
    clockNow: null,
    counters: { clientAppId: 1000000000001, fieldId: 50001, containerFieldId: 1001 },
    containers: {},
    images: {},
    removed: [],
    sessions: {},
    users: {},
    guestLinks: {},
    webhooks: [],
    scenarioByReference: {},
    scenarioNextPublish: null,
  };
}
