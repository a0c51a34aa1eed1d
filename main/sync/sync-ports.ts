// The narrow interfaces the sync worker drives: where submission state lives (SubmissionStore), how
// one TrustID account is called (SubmissionApi), and time (Clock, Scheduler). Adapters to the real
// store and TrustID client sit beside this file; tests drive the same interfaces. Runs in main.
import type { DocumentFieldValue } from '../store/document-fields';
import type { UploadProgress } from '../trustid';
import type { EffectiveQueueState, QueueRecord } from './queue-machine';
import type { CallOutcome, Step, StepCall, SubmissionApp, SubmissionState, SyncAuditAction } from './submission-types';

export type LoadedSubmission = SubmissionState & { revision: number };

import type { ApplicationFieldValue } from '../store/application-fields';

export type SyncAuditEntry = { action: SyncAuditAction; actor: string; appId: string; containerIds: string[]; detail?: string };

/** RAW-API §7.9: the document custom field the capture marker is written into. */
export type MarkerSlot = { index: number; propertyName: string };

export type StateCountRow = { step: Step; phase: 'PENDING' | 'SENT'; attentionReason: string | null; resultStatus: string | null; count: number };

/** Somebody else (a staff edit, a discard, the purge) wrote the app row first: reload and decide again. */
export class SubmissionConflictError extends Error {
  override readonly name = 'SubmissionConflictError';
}

/** A local image is missing or fails its seal or SHA-256 check (§7.2: no call is made). */
export class LocalImageError extends Error {
  override readonly name = 'LocalImageError';
}

export interface SubmissionStore {
  load(appId: string): LoadedSubmission | null;
  /**
   * One transaction: the app row, its containers (upserted), new remote items, and the audit
   * entries (W1, W2, I4). Returns the new revision; throws SubmissionConflictError when the row is
   * no longer at `expectRevision`. Never awaits (W3).
   */
  save(state: SubmissionState, expectRevision: number, audits: SyncAuditEntry[]): number;
  /** Runs `fn` in one transaction (nested saves join it). */
  transaction<T>(fn: () => T): T;
  /**
   * As transaction(), but the fsync that makes the commit durable runs off the event loop:
   * `synced` resolves once it has returned. Optional; without it the group commit uses transaction().
   */
  commitThenSync?<T>(fn: () => T): { value: T; synced: Promise<void> };
  /** Due apps at these steps, no attention reason, oldest capture first (§5 "Ordering"). */
  listDue(q: { now: number; steps: readonly Step[]; accountIds?: readonly string[]; limit?: number }): { id: string; accountId: string; nextAttemptAt: number }[];
  nextDueAt(q: { steps: readonly Step[]; accountIds?: readonly string[] }): number | null;
  /** Apps found with phase = SENT (§7.7). */
  listSent(): string[];
  list(q?: { steps?: readonly Step[]; attentionOnly?: boolean; limit?: number; offset?: number }): SubmissionApp[];
  summary(): { counts: StateCountRow[]; oldestUnsentCapturedAt: number | null };
  /** Every TrustID account apps can be captured under. */
  accountIds(): string[];
  loadQueue(): QueueRecord | null;
  saveQueue(q: QueueRecord, effective: EffectiveQueueState): void;
  /** The plaintext image, its SHA-256 checked; throws LocalImageError. `imgIndex` -1 = applicant photo. */
  readImage(appId: string, docIndex: number, imgIndex: number): Uint8Array;
  /** The MRZ read at capture, sent with createDocument (API §4.2); null when there is none. */
  documentFields(appId: string, docIndex: number): { mrz?: string; rfidMrz?: string; customFields?: DocumentFieldValue[] } | null;
  /**
   * The application's custom field values, sent with every createDocumentContainer (API §4.1), so
   * a restarted container (§7.3) carries them again; null when there are none to send.
   */
  applicationFields(appId: string): ApplicationFieldValue[] | null;
  /** The account's capture-marker slot (RAW-API §7.9), or null: then createDocument carries no marker. */
  markerSlot?(accountId: string): MarkerSlot | null;
}


export type CallExtras = {
  /** The verified image bytes for uploads. */
  body?: Uint8Array;
  mrz?: string;
  rfidMrz?: string;
  /** For createContainer: ApplicationFlexibleFieldValues (API §4.1, §7.8). */
  applicationFields?: ApplicationFieldValue[];
  /** For createDocument with a marker: the slot it is written into (RAW-API §7.9). */
  markerSlot?: MarkerSlot;
  /** For createDocument: the document-level custom field values staff filled in (RAW-API §7.9). */
  documentCustomFields?: DocumentFieldValue[];
  onProgress?: (p: UploadProgress) => void;
};

/** One TrustID account, as the submission protocol needs it. Every method classifies (§4) and never throws. */
export interface SubmissionApi {
  /** Whether a session is held (no request). */
  hasSession(): boolean;
  /** One fresh login request (§6); the caller decides when one may be sent (I6). */
  login(): Promise<CallOutcome>;
  /** API §2.1 probe. */
  testConnection(): Promise<CallOutcome>;
  call(call: StepCall, extras: CallExtras): Promise<CallOutcome>;
}

export type Clock = { now(): number };

export type Scheduler = {
  /** Resolves once the clock reaches `at`, or at once when `signal` is aborted. Never rejects. */
  sleepUntil(at: number, signal: AbortSignal): Promise<void>;
};
