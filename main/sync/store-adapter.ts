// Adapts the real store (main/store) to the sync engine's SubmissionStore port: submission rows and
// their revisions, audit entries in the same transaction, the kiosk row and per-account pauses for
// the queue state, and verified image bytes. Runs in main (plain Node).
import type { DocumentFieldValue } from '../store/document-fields';
import type { AppError } from '../app-error';
import type { Store } from '../store/open-store';
import type { SubmissionAppRecord } from '../store/submission-records';
import type { EffectiveQueueState, QueueRecord } from './queue-machine';
import { newQueueRecord } from './queue-machine';
import type { ApplicationFieldValue } from '../store/application-fields';
import { LocalImageError, SubmissionConflictError, type LoadedSubmission, type MarkerSlot, type SubmissionStore } from './sync-ports';
import type { AbandonReason, AttentionReason, ContainerAttempt, OutcomeClass, Step, SubmissionApp } from './submission-types';

export type StoreAdapterOptions = {
  /**
   * The MRZ captured for a document, sent with createDocument (API §4.2). Defaults to the store's
   * own `submissions.documentFields` (the sealed MRZ, opened for sync); tests may supply their own.
   */
  documentFields?: (appId: string, docIndex: number) => { mrz?: string; rfidMrz?: string; customFields?: DocumentFieldValue[] } | null;
  /**
   * The application's custom field values, sent with createDocumentContainer (API §4.1). Defaults to
   * the store's own `submissions.applicationFields` (sealed, opened for sync).
   */
  applicationFields?: (appId: string) => ApplicationFieldValue[] | null;
  /**
   * The account's capture-marker slot (RAW-API §7.9), or null when none is configured (then no
   * marker is sent). Demo mode: Index 9, `KioskCaptureRef`.
   */
  markerSlot?: (accountId: string) => MarkerSlot | null;
};

function appOf(r: SubmissionAppRecord): SubmissionApp {
  return {
    ...r,
    step: r.step as Step,
    lastOutcomeClass: r.lastOutcomeClass as OutcomeClass | null,
    attentionReason: r.attentionReason as AttentionReason | null,
  };
}

function isCode(error: unknown, ...codes: string[]): error is AppError {
  return typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '');
}

export function submissionStoreFrom(store: Store, opts: StoreAdapterOptions = {}): SubmissionStore {
  const subs = store.submissions;
  return {
    load(appId): LoadedSubmission | null {
      const r = subs.load(appId);
      if (r === null) return null;
      return {
        app: appOf(r.app),
        containers: r.containers.map((c) => ({ ...c, abandonReason: c.abandonReason as AbandonReason | null }) satisfies ContainerAttempt),
        remoteDocuments: r.remoteDocuments,
        remoteImages: r.remoteImages,
        shape: r.shape,
        // §13.2: every app carries its account's marker slot and evidence flags.
        account: { markerSlot: (opts.markerSlot?.(r.app.accountId) ?? null) !== null, evidence: store.accountEvidence.get(r.app.accountId) },
        revision: r.revision,
      };
    },

    save(state, expectRevision, audits) {
      try {
        return store.transaction(() => {
          const revision = subs.save(
            {
              app: { ...state.app, step: state.app.step },
              containers: state.containers,
              remoteDocuments: state.remoteDocuments,
              remoteImages: state.remoteImages,
            },
            { expectRevision },
          );
          // §13.2: flags learnt from a read are committed with the step they decided.
          if (state.account) store.accountEvidence.raise(state.app.accountId, state.account.evidence);
          for (const a of audits) {
            store.audit.append({
              action: a.action,
              actor: a.actor,
              appId: a.appId,
              containerIds: a.containerIds,
              ...(a.detail === undefined ? {} : { detail: a.detail }),
            });
          }
          return revision;
        });
      } catch (error) {
        if (isCode(error, 'store.conflict')) throw new SubmissionConflictError(error.message);
        throw error;
      }
    },

    transaction: (fn) => store.transaction(fn),

    commitThenSync: (fn) => subs.commitThenSync(fn),

    listDue: (q) =>
      subs.listDue({ now: q.now, steps: q.steps, ...(q.accountIds ? { accountIds: q.accountIds } : {}), ...(q.limit ? { limit: q.limit } : {}) }),

    nextDueAt: (q) => subs.nextDueAt({ steps: q.steps, ...(q.accountIds ? { accountIds: q.accountIds } : {}) }),

    listSent: () => subs.listSent(),

    list: (q = {}) =>
      subs
        .list({
          ...(q.steps ? { steps: q.steps } : {}),
          ...(q.attentionOnly ? { attentionOnly: true } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.offset ? { offset: q.offset } : {}),
        })
        .map(appOf),

    summary() {
      const s = subs.summary();
      return { counts: s.counts.map((c) => ({ ...c, step: c.step })), oldestUnsentCapturedAt: s.oldestUnsentCapturedAt };
    },

    accountIds: () => store.accounts.list().map((a) => a.id),

    loadQueue(): QueueRecord | null {
      const kiosk = subs.getKiosk() ?? subs.ensureKiosk();
      const q = newQueueRecord(kiosk.updatedAt);
      q.onlineClockS = kiosk.onlineClockS;
      q.notBefore = kiosk.notBefore;
      q.probeLevel = kiosk.probeFailures;
      q.lastSuccessAt = kiosk.lastSyncAt;
      q.clockRunningSince = null;
      for (const a of store.accounts.list()) {
        q.accounts[a.id] = {
          pause: a.pauseState === null ? null : { kind: a.pauseState, since: a.pausedAt ?? kiosk.updatedAt, message: null, loginAllowance: 0 },
          loginFailures: 0,
          nextLoginAt: 0,
        };
      }
      return q;
    },

    saveQueue(q: QueueRecord, effective: EffectiveQueueState) {
      store.transaction(() => {
        if (subs.getKiosk() === null) subs.ensureKiosk();
        subs.updateKiosk({
          queueState: effective,
          onlineClockS: q.onlineClockS,
          notBefore: q.notBefore,
          transportFailures: q.transportFailures,
          probeFailures: q.probeLevel,
          lastSyncAt: q.lastSuccessAt,
        });
        for (const a of store.accounts.list()) {
          const pause = q.accounts[a.id]?.pause?.kind ?? null;
          if (pause !== a.pauseState) store.accounts.setPause(a.id, pause);
        }
      });
    },

    readImage(appId, docIndex, imgIndex) {
      try {
        return store.images.read(appId, docIndex, imgIndex);
      } catch (error) {
        if (isCode(error, 'store.image-missing', 'store.image-corrupt', 'store.not-found')) throw new LocalImageError(error.code);
        throw error;
      }
    },

    documentFields: (appId, docIndex) => (opts.documentFields ?? subs.documentFields)(appId, docIndex) ?? null,

    applicationFields: (appId) => (opts.applicationFields ?? subs.applicationFields)(appId) ?? null,

    markerSlot: (accountId) => opts.markerSlot?.(accountId) ?? null,
  };
}
