// Repository functions the sync engine persists submission state through (SUBMISSION-PROTOCOL §3):
// load one app's whole record, save the machine's next record in one transaction (W1/W2), find due
// apps, the kiosk row. Every save is checked against the row revision so a staff edit and the worker
// never overwrite each other. Runs in main (plain Node).
import { openDocumentFields, type DocumentFieldValue } from './document-fields';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { openApplicationFields, type ApplicationFieldValue } from './application-fields';
import { SealBrokenError } from './seal';
import { openField, sealField } from './sealed-fields';
import type Database from 'better-sqlite3';
import type { StoreContext } from './store-context';
import { StoreConflictError, notFoundError } from './store-errors';
import type {
  AppShape,
  ContainerRecord,
  KioskRecord,
  QueueState,
  RemoteDocument,
  RemoteImage,
  Step,
  SubmissionAppRecord,
  SubmissionRecord,
} from './submission-records';

export type AppRow = {
  id: string;
  account_id: string;
  captured_at: number;
  step: string;
  step_doc_index: number;
  step_img_index: number;
  phase: string;
  sent_at: number | null;
  current_container_id: string | null;
  failures: number;
  streak_started_online_s: number | null;
  session_renewals: number;
  rejections: number;
  restarts: number;
  next_attempt_at: number;
  retry_after_until: number | null;
  last_outcome_class: string | null;
  last_http_status: number | null;
  last_message_sealed: Buffer | null;
  published_at: number | null;
  result_status: string | null;
  result_snapshot_sealed: Buffer | null;
  result_checked_at: number | null;
  attention_reason: string | null;
  attention_at: number | null;
  verify_round: number;
  verify_started_at: number | null;
  origin: string;
  reconcile_step: string | null;
  reconcile_cause: string | null;
  foreign_documents: string;
  revision: number;
  purge_state: string;
  updated_at: number;
};

type ContainerRow = {
  container_id: string;
  app_id: string;
  origin: string;
  created_at: number;
  publish_attempted: number;
  publish_ambiguous: number;
  publish_last_outcome: string;
  published_confirmed_at: number | null;
  abandoned_at: number | null;
  abandon_reason: string | null;
};

export type DueApp = { id: string; accountId: string; capturedAt: number; step: Step; nextAttemptAt: number };

export type StateCount = {
  step: Step;
  phase: 'PENDING' | 'SENT';
  attentionReason: string | null;
  resultStatus: string | null;
  count: number;
};

export type QueueCounts = {
  counts: StateCount[];
  /** captured_at of the oldest app not yet published and not finished, or null. */
  oldestUnsentCapturedAt: number | null;
};

export type SubmissionRepo = {
  load(appId: string): SubmissionRecord | null;
  /**
   * Writes the app's scheduling columns, upserts its containers and inserts new remote items, in one
   * transaction, if the row is still at `expectRevision`; returns the new revision. Throws
   * StoreConflictError (`store.conflict`) when somebody else wrote first: reload and decide again.
   * Capture data (documents, images), identity and captured_at are never changed here.
   */
  save(record: Omit<SubmissionRecord, 'shape' | 'revision'>, opts: { expectRevision: number }): number;
  /** Due apps (next_attempt_at ≤ now, no attention reason) at the given steps, oldest capture first (§5 "Ordering"). */
  listDue(query: { now: number; steps: readonly Step[]; accountIds?: readonly string[]; limit?: number }): DueApp[];
  /** The earliest next_attempt_at among apps at these steps (attention excluded), for the worker's timer. */
  nextDueAt(query: { steps: readonly Step[]; accountIds?: readonly string[] }): number | null;
  /**
   * What createDocument sends for a document (API §4.2): the printed and chip MRZ, opened from the
   * sealed personal fields. null when the document does not exist, is purged or cannot be opened.
   * For the TrustID request only; never log the values.
   */
  documentFields(appId: string, docIndex: number): { mrz?: string; rfidMrz?: string; customFields?: DocumentFieldValue[] } | null;
  /**
   * What createDocumentContainer sends as ApplicationFlexibleFieldValues (API §4.1, §7.8): the
   * application's custom field values, opened from their seal. [] when the capture had none; null
   * when the application does not exist, is purged or the seal cannot be opened. Never log them.
   */
  applicationFields(appId: string): ApplicationFieldValue[] | null;
  /** Apps found with phase = SENT: what §7.7 crash recovery resolves before the workers start. */
  listSent(): string[];
  /** The application that built or completes this container (a queued one keeps its creator's reference). */
  appIdForContainer(containerId: string): string | null;
  /** Scheduling rows for the queue screen, oldest capture first. Snapshots are not opened here. */
  list(query?: { steps?: readonly Step[]; attentionOnly?: boolean; limit?: number; offset?: number }): SubmissionAppRecord[];
  summary(): QueueCounts;
  getKiosk(): KioskRecord | null;
  /** Creates the one kiosk row on first start; the device id never changes afterwards (§9 I10). */
  ensureKiosk(initialDeviceId?: string): KioskRecord;
  updateKiosk(patch: Partial<Omit<KioskRecord, 'deviceId' | 'updatedAt'>>): KioskRecord;
  /**
   * Runs `fn` in one transaction that commits without waiting for the disk, then fsyncs the WAL
   * off the event loop; `synced` resolves once the commit is as durable as synchronous=FULL makes
   * it (W4). The sync worker sends a request only after `synced` (W1), and meanwhile the event loop
   * serves the other applications in flight. Without WAL the commit is FULL and `synced` is at once.
   */
  commitThenSync<T>(fn: () => T): { value: T; synced: Promise<void> };
};

const APP_COLUMNS: ReadonlyArray<[keyof SubmissionAppRecord, string]> = [
  ['step', 'step'],
  ['stepDocIndex', 'step_doc_index'],
  ['stepImgIndex', 'step_img_index'],
  ['phase', 'phase'],
  ['sentAt', 'sent_at'],
  ['currentContainerId', 'current_container_id'],
  ['failures', 'failures'],
  ['streakStartedOnlineS', 'streak_started_online_s'],
  ['sessionRenewals', 'session_renewals'],
  ['rejections', 'rejections'],
  ['restarts', 'restarts'],
  ['nextAttemptAt', 'next_attempt_at'],
  ['retryAfterUntil', 'retry_after_until'],
  ['lastOutcomeClass', 'last_outcome_class'],
  ['lastHttpStatus', 'last_http_status'],
  ['publishedAt', 'published_at'],
  ['resultStatus', 'result_status'],
  ['resultCheckedAt', 'result_checked_at'],
  ['attentionReason', 'attention_reason'],
  ['verifyRound', 'verify_round'],
  ['verifyStartedAt', 'verify_started_at'],
  ['origin', 'origin'],
];

export function createSubmissionRepo(ctx: StoreContext): SubmissionRepo {
  const db = ctx.db;
  const selectApp = db.prepare('SELECT * FROM applications WHERE id = ?');
  const selectContainers = db.prepare('SELECT * FROM containers WHERE app_id = ? ORDER BY created_at, rowid');
  const selectRemoteDocs = db.prepare(
    'SELECT r.container_id, r.doc_index, r.document_id, r.marker FROM remote_documents r JOIN containers c USING (container_id) WHERE c.app_id = ? ORDER BY r.container_id, r.doc_index',
  );
  const selectRemoteImages = db.prepare(
    'SELECT r.container_id, r.doc_index, r.img_index, r.image_type, r.image_id FROM remote_images r JOIN containers c USING (container_id) WHERE c.app_id = ? ORDER BY r.container_id, r.doc_index, r.img_index',
  );
  const updateApp = db.prepare(
    `UPDATE applications SET ${APP_COLUMNS.map(([, col]) => `${col} = @${col}`).join(', ')},
       attention_at = CASE WHEN @attention_reason IS NULL THEN NULL ELSE coalesce(attention_at, @now) END,
       last_message_sealed = CASE WHEN @keep_last_message THEN last_message_sealed ELSE @last_message_sealed END,
       result_snapshot_sealed = CASE WHEN @keep_result_snapshot THEN result_snapshot_sealed ELSE @result_snapshot_sealed END,
       reconcile_step = @reconcile_step, reconcile_cause = @reconcile_cause, foreign_documents = @foreign_documents,
       revision = revision + 1, updated_at = @now
     WHERE id = @id AND revision = @expect AND purge_state = 'none'`,
  );
  const upsertContainer = db.prepare(
    `INSERT INTO containers (container_id, app_id, origin, created_at, publish_attempted, publish_ambiguous, publish_last_outcome, published_confirmed_at, abandoned_at, abandon_reason)
     VALUES (@container_id, @app_id, @origin, @created_at, @publish_attempted, @publish_ambiguous, @publish_last_outcome, @published_confirmed_at, @abandoned_at, @abandon_reason)
     ON CONFLICT (container_id) DO UPDATE SET
       publish_attempted = excluded.publish_attempted, publish_ambiguous = excluded.publish_ambiguous,
       publish_last_outcome = excluded.publish_last_outcome, published_confirmed_at = excluded.published_confirmed_at,
       abandoned_at = excluded.abandoned_at, abandon_reason = excluded.abandon_reason
     WHERE containers.app_id = excluded.app_id`,
  );
  const insertRemoteDoc = db.prepare(
    'INSERT INTO remote_documents (container_id, doc_index, document_id, marker, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const getRemoteDoc = db.prepare('SELECT document_id FROM remote_documents WHERE container_id = ? AND doc_index = ?').pluck();
  const insertRemoteImage = db.prepare(
    'INSERT INTO remote_images (container_id, doc_index, img_index, image_type, image_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const getRemoteImage = db.prepare('SELECT image_id FROM remote_images WHERE container_id = ? AND doc_index = ? AND img_index = ?').pluck();
  const containerOwner = db.prepare('SELECT app_id FROM containers WHERE container_id = ?').pluck();
  const appExists = db.prepare('SELECT 1 FROM applications WHERE id = ?').pluck();
  // Statements whose text depends on how many steps or accounts are asked for, prepared once each.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (st === undefined) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  // The sealed texts as last loaded or saved, per app at a revision: a save whose text is unchanged
  // keeps the stored seal instead of reading the row back to compare (issue 13: no redundant reads).
  // (undefined: a seal that could not be opened, so never "the same".)
  type Text = string | null | undefined;
  const sealedTexts = new Map<string, { revision: number; lastMessage: Text; resultSnapshot: Text }>();
  const rememberTexts = (id: string, revision: number, lastMessage: Text, resultSnapshot: Text) => {
    if (sealedTexts.size >= 1_000 && !sealedTexts.has(id)) sealedTexts.clear();
    sealedTexts.set(id, { revision, lastMessage, resultSnapshot });
  };
  const syncWal = fileSyncer(`${db.name}-wal`);
  const inWalMode = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';

  function openSealed(column: 'last_message' | 'result_snapshot', id: string, sealed: Buffer | null): string | null {
    if (sealed === null) return null;
    try {
      return openField(ctx.keys, 'applications', column, id, sealed);
    } catch (error) {
      // Without the key (or after a key change) the value cannot be shown; scheduling still works.
      if (error instanceof SealBrokenError || (error as { code?: string }).code === 'store.no-key') return null;
      throw error;
    }
  }

  const sealOrNull = (column: 'last_message' | 'result_snapshot', id: string, text: string | null): Buffer | null =>
    text === null ? null : sealField(ctx.keys, 'applications', column, id, text);

  function shapeOf(appId: string): AppShape {
    const rows = prepared(
      `SELECT d.doc_index, i.image_type FROM documents d LEFT JOIN images i ON i.document_id = d.id
         WHERE d.app_id = ? ORDER BY d.doc_index, i.img_index`,
    ).all(appId) as Array<{ doc_index: number; image_type: number | null }>;
    const documents: { imageTypes: number[] }[] = [];
    for (const r of rows) {
      const doc = (documents[r.doc_index] ??= { imageTypes: [] });
      if (r.image_type !== null) doc.imageTypes.push(r.image_type);
    }
    const hasApplicantPhoto = prepared('SELECT 1 FROM images WHERE app_id = ? AND document_id IS NULL').get(appId) !== undefined;
    return { documents, hasApplicantPhoto };
  }

  function kioskFromRow(row: Record<string, unknown> | undefined): KioskRecord | null {
    if (!row) return null;
    return {
      deviceId: row.device_id as string,
      queueState: row.queue_state as QueueState,
      onlineClockS: row.online_clock_s as number,
      notBefore: row.not_before as number | null,
      transportFailures: row.transport_failures as number,
      probeFailures: row.probe_failures as number,
      lastSyncAt: row.last_sync_at as number | null,
      updatedAt: row.updated_at as number,
    };
  }

  function stepFilter(steps: readonly Step[], accountIds: readonly string[] | undefined): { sql: string; params: unknown[] } {
    const params: unknown[] = [...steps];
    let sql = `step IN (${steps.map(() => '?').join(', ') || 'NULL'}) AND attention_reason IS NULL AND purge_state = 'none'`;
    if (accountIds) {
      sql += ` AND account_id IN (${accountIds.map(() => '?').join(', ') || 'NULL'})`;
      params.push(...accountIds);
    }
    return { sql, params };
  }

  const repo: SubmissionRepo = {
    commitThenSync(fn) {
      if (!inWalMode || db.inTransaction) return { value: ctx.tx(fn), synced: Promise.resolve() };
      const level = db.pragma('synchronous', { simple: true }) as number;
      // NORMAL in WAL mode: the commit writes its frames to the WAL but does not fsync it; the
      // fsync below does, before anyone is told the commit is durable.
      db.pragma('synchronous = NORMAL');
      let value: ReturnType<typeof fn>;
      try {
        value = ctx.tx(fn);
      } finally {
        db.pragma(`synchronous = ${level}`);
      }
      return { value, synced: syncWal() };
    },

    load(appId) {
      return ctx.tx(() => {
        const row = selectApp.get(appId) as AppRow | undefined;
        if (!row) return null;
        const app = appFromRow(row, (column, sealed) => openSealed(column, row.id, sealed));
        const opened = (sealed: Buffer | null, text: string | null): Text => (sealed !== null && text === null ? undefined : text);
        rememberTexts(appId, row.revision, opened(row.last_message_sealed, app.lastMessage), opened(row.result_snapshot_sealed, app.resultSnapshot));
        return {
          app,
          containers: (selectContainers.all(appId) as ContainerRow[]).map(containerFromRow),
          remoteDocuments: (selectRemoteDocs.all(appId) as Array<{ container_id: string; doc_index: number; document_id: string; marker: string | null }>).map(
            (r) => ({ containerId: r.container_id, docIndex: r.doc_index, documentId: r.document_id, marker: r.marker }),
          ),
          remoteImages: (
            selectRemoteImages.all(appId) as Array<{ container_id: string; doc_index: number; img_index: number; image_type: number; image_id: string }>
          ).map((r) => ({ containerId: r.container_id, docIndex: r.doc_index, imgIndex: r.img_index, imageType: r.image_type, imageId: r.image_id })),
          shape: shapeOf(appId),
          revision: row.revision,
        };
      });
    },

    save(record, opts) {
      const app = record.app;
      const now = ctx.now();
      return ctx.tx(() => {
        const params: Record<string, unknown> = { id: app.id, expect: opts.expectRevision, now };
        for (const [key, col] of APP_COLUMNS) params[col] = app[key];
        params.reconcile_step = app.reconcile?.step ?? null;
        params.reconcile_cause = app.reconcile?.cause ?? null;
        params.foreign_documents = JSON.stringify(app.foreignDocuments);
        // The revision check is the UPDATE's own WHERE; the stored seal is kept when the text is
        // the one it holds (known from the last load or save at this revision), else sealed anew.
        const known = sealedTexts.get(app.id);
        const same = known !== undefined && known.revision === opts.expectRevision;
        params.keep_last_message = same && known.lastMessage === app.lastMessage ? 1 : 0;
        params.keep_result_snapshot = same && known.resultSnapshot === app.resultSnapshot ? 1 : 0;
        params.last_message_sealed = params.keep_last_message ? null : sealOrNull('last_message', app.id, app.lastMessage);
        params.result_snapshot_sealed = params.keep_result_snapshot ? null : sealOrNull('result_snapshot', app.id, app.resultSnapshot);
        if (updateApp.run(params).changes !== 1) {
          if (appExists.get(app.id) === undefined) throw notFoundError(`Application ${app.id}`);
          throw new StoreConflictError(app.id);
        }
        rememberTexts(app.id, opts.expectRevision + 1, app.lastMessage, app.resultSnapshot);

        for (const c of record.containers) {
          if (c.appId !== app.id) throw new Error(`container ${c.containerId} belongs to ${c.appId}, not ${app.id}`);
          const result = upsertContainer.run(containerToRow(c));
          if (result.changes !== 1) throw new Error(`container ${c.containerId} already belongs to another application (${String(containerOwner.get(c.containerId))})`);
        }
        for (const d of record.remoteDocuments) saveRemoteDocument(d, now);
        for (const i of record.remoteImages) saveRemoteImage(i, now);
        return opts.expectRevision + 1;
      });
    },

    listDue({ now, steps, accountIds, limit = 20 }) {
      const f = stepFilter(steps, accountIds);
      const rows = prepared(`SELECT id, account_id, captured_at, step, next_attempt_at FROM applications WHERE ${f.sql} AND next_attempt_at <= ? ORDER BY captured_at, id LIMIT ?`)
        .all(...f.params, now, limit) as Array<{ id: string; account_id: string; captured_at: number; step: Step; next_attempt_at: number }>;
      return rows.map((r) => ({ id: r.id, accountId: r.account_id, capturedAt: r.captured_at, step: r.step, nextAttemptAt: r.next_attempt_at }));
    },

    nextDueAt({ steps, accountIds }) {
      const f = stepFilter(steps, accountIds);
      return (prepared(`SELECT min(next_attempt_at) FROM applications WHERE ${f.sql}`).pluck().get(...f.params) as number | null) ?? null;
    },

    documentFields(appId, docIndex) {
      const row = prepared('SELECT id, personal_sealed, fields_sealed FROM documents WHERE app_id = ? AND doc_index = ?').get(appId, docIndex) as
        | { id: string; personal_sealed: Buffer | null; fields_sealed: Buffer | null }
        | undefined;
      if (!row || row.personal_sealed === null) return null;
      let personal: { mrz?: unknown; rfidMrz?: unknown };
      let customFields: DocumentFieldValue[] = [];
      try {
        personal = JSON.parse(openField(ctx.keys, 'documents', 'personal', row.id, row.personal_sealed)) as typeof personal;
        if (row.fields_sealed !== null) customFields = openDocumentFields(ctx.keys, row.id, row.fields_sealed);
      } catch (error) {
        if (error instanceof SealBrokenError || (error as { code?: string }).code === 'store.no-key') return null;
        throw error;
      }
      return {
        ...(typeof personal.mrz === 'string' ? { mrz: personal.mrz } : {}),
        ...(typeof personal.rfidMrz === 'string' ? { rfidMrz: personal.rfidMrz } : {}),
        ...(customFields.length > 0 ? { customFields } : {}),
      };
    },

    applicationFields(appId) {
      const row = prepared('SELECT fields_sealed, purge_state FROM applications WHERE id = ?').get(appId) as
        | { fields_sealed: Buffer | null; purge_state: string }
        | undefined;
      if (!row || row.purge_state !== 'none') return null;
      if (row.fields_sealed === null) return [];
      try {
        return openApplicationFields(ctx.keys, appId, row.fields_sealed);
      } catch (error) {
        if (error instanceof SealBrokenError || (error as { code?: string }).code === 'store.no-key') return null;
        throw error;
      }
    },

    appIdForContainer(containerId) {
      return (db.prepare('SELECT app_id FROM containers WHERE container_id = ? COLLATE NOCASE').pluck().get(containerId) as string | undefined) ?? null;
    },
    listSent() {
      return prepared("SELECT id FROM applications WHERE phase = 'SENT' ORDER BY captured_at").pluck().all() as string[];
    },

    list({ steps, attentionOnly = false, limit = 200, offset = 0 } = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (steps) {
        where.push(`step IN (${steps.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...steps);
      }
      if (attentionOnly) where.push('attention_reason IS NOT NULL');
      const rows = db
        .prepare(`SELECT * FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY captured_at, id LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as AppRow[];
      return rows.map((row) => appFromRow(row, (column, sealed) => (column === 'last_message' ? openSealed(column, row.id, sealed) : null)));
    },

    summary() {
      const counts = (
        db
          .prepare('SELECT step, phase, attention_reason, result_status, count(*) AS n FROM applications GROUP BY step, phase, attention_reason, result_status ORDER BY step')
          .all() as Array<{ step: Step; phase: 'PENDING' | 'SENT'; attention_reason: string | null; result_status: string | null; n: number }>
      ).map((r) => ({ step: r.step, phase: r.phase, attentionReason: r.attention_reason, resultStatus: r.result_status, count: r.n }));
      const oldest = db
        .prepare("SELECT min(captured_at) FROM applications WHERE published_at IS NULL AND step NOT IN ('COMPLETED', 'CANCELLED', 'CLOSED_BY_STAFF')")
        .pluck()
        .get() as number | null;
      return { counts, oldestUnsentCapturedAt: oldest ?? null };
    },

    getKiosk() {
      return kioskFromRow(db.prepare('SELECT * FROM kiosk WHERE id = 1').get() as Record<string, unknown> | undefined);
    },

    ensureKiosk(initialDeviceId) {
      return ctx.tx(() => {
        // API §1.4: "kiosk-<uuid v4>", generated once.
        db.prepare('INSERT OR IGNORE INTO kiosk (id, device_id, updated_at) VALUES (1, ?, ?)').run(initialDeviceId ?? `kiosk-${crypto.randomUUID()}`, ctx.now());
        return repo.getKiosk()!;
      });
    },

    updateKiosk(patch) {
      const columns: Record<string, string> = {
        queueState: 'queue_state',
        onlineClockS: 'online_clock_s',
        notBefore: 'not_before',
        transportFailures: 'transport_failures',
        probeFailures: 'probe_failures',
        lastSyncAt: 'last_sync_at',
      };
      const sets: string[] = ['updated_at = @updated_at'];
      const params: Record<string, unknown> = { updated_at: ctx.now() };
      for (const [key, value] of Object.entries(patch)) {
        const col = columns[key];
        if (!col) throw new Error(`kiosk has no field ${key}`);
        sets.push(`${col} = @${col}`);
        params[col] = value;
      }
      return ctx.tx(() => {
        if (db.prepare(`UPDATE kiosk SET ${sets.join(', ')} WHERE id = 1`).run(params).changes !== 1) throw new Error('the kiosk row does not exist yet: call ensureKiosk first');
        return repo.getKiosk()!;
      });
    },
  };

  function saveRemoteDocument(d: RemoteDocument, now: number): void {
    if (insertRemoteDoc.run(d.containerId, d.docIndex, d.documentId, d.marker ?? null, now).changes === 0 && getRemoteDoc.get(d.containerId, d.docIndex) !== d.documentId) {
      throw new Error(`remote document (${d.containerId}, ${d.docIndex}) is already stored with another id`);
    }
  }
  function saveRemoteImage(i: RemoteImage, now: number): void {
    if (insertRemoteImage.run(i.containerId, i.docIndex, i.imgIndex, i.imageType, i.imageId, now).changes === 0 && getRemoteImage.get(i.containerId, i.docIndex, i.imgIndex) !== i.imageId) {
      throw new Error(`remote image (${i.containerId}, ${i.docIndex}, ${i.imgIndex}) is already stored with another id`);
    }
  }

  return repo;
}

export function appFromRow(row: AppRow, open: (column: 'last_message' | 'result_snapshot', sealed: Buffer | null) => string | null): SubmissionAppRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    capturedAt: row.captured_at,
    step: row.step as Step,
    stepDocIndex: row.step_doc_index,
    stepImgIndex: row.step_img_index,
    phase: row.phase as 'PENDING' | 'SENT',
    sentAt: row.sent_at,
    currentContainerId: row.current_container_id,
    failures: row.failures,
    streakStartedOnlineS: row.streak_started_online_s,
    sessionRenewals: row.session_renewals,
    rejections: row.rejections,
    restarts: row.restarts,
    nextAttemptAt: row.next_attempt_at,
    retryAfterUntil: row.retry_after_until,
    lastOutcomeClass: row.last_outcome_class,
    lastHttpStatus: row.last_http_status,
    lastMessage: open('last_message', row.last_message_sealed),
    publishedAt: row.published_at,
    resultStatus: row.result_status as SubmissionAppRecord['resultStatus'],
    resultSnapshot: open('result_snapshot', row.result_snapshot_sealed),
    resultCheckedAt: row.result_checked_at,
    attentionReason: row.attention_reason,
    verifyRound: row.verify_round,
    verifyStartedAt: row.verify_started_at,
    origin: row.origin === 'queued' ? 'queued' : 'kiosk',
    reconcile:
      row.reconcile_step === null
        ? null
        : { step: row.reconcile_step as NonNullable<SubmissionAppRecord['reconcile']>['step'], cause: row.reconcile_cause === 'rejected' ? 'rejected' : 'ambiguous' },
    foreignDocuments: parseIds(row.foreign_documents),
  };
}

function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function containerFromRow(r: ContainerRow): ContainerRecord {
  return {
    containerId: r.container_id,
    appId: r.app_id,
    origin: r.origin === 'queued' ? 'queued' : 'kiosk',
    createdAt: r.created_at,
    publishAttempted: r.publish_attempted === 1,
    publishAmbiguous: r.publish_ambiguous === 1,
    publishLastOutcome: r.publish_last_outcome as ContainerRecord['publishLastOutcome'],
    publishedConfirmedAt: r.published_confirmed_at,
    abandonedAt: r.abandoned_at,
    abandonReason: r.abandon_reason,
  };
}

function containerToRow(c: ContainerRecord): ContainerRow {
  return {
    container_id: c.containerId,
    app_id: c.appId,
    origin: c.origin,
    created_at: c.createdAt,
    publish_attempted: c.publishAttempted ? 1 : 0,
    publish_ambiguous: c.publishAmbiguous ? 1 : 0,
    publish_last_outcome: c.publishLastOutcome,
    published_confirmed_at: c.publishedConfirmedAt,
    abandoned_at: c.abandonedAt,
    abandon_reason: c.abandonReason,
  };
}

/**
 * fsyncs a file through libuv's thread pool. The descriptor stays open between calls (any
 * descriptor of a file flushes its data); it is opened again if the file was replaced, so a stale
 * descriptor never flushes an old copy.
 */
function fileSyncer(file: string): () => Promise<void> {
  let fd: number | null = null;
  let inode = -1;
  return () => {
    const current = fs.statSync(file).ino;
    if (fd === null || inode !== current) {
      if (fd !== null) fs.closeSync(fd);
      fd = fs.openSync(file, 'r');
      inode = fs.fstatSync(fd).ino;
    }
    const handle = fd;
    return new Promise<void>((resolve, reject) => fs.fsync(handle, (error) => (error ? reject(error) : resolve())));
  };
}
