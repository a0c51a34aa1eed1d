// The results screen's view of the store: exact surname search through the keyed HMAC (the name is
// never stored in plain text), summaries that survive the purge, and the full record while it is
// still held, whose opening is audited ('result.viewed'). Runs in main (plain Node).
import type { AuditLog } from './audit-log';
import type { PersonalFields } from './capture-repo';
import { createImagesRepo, type StoredImage } from './images-repo';
import { SealBrokenError } from './seal';
import { openField, surnameSearchHmacs } from './sealed-fields';
import type { StoreContext } from './store-context';
import { notFoundError } from './store-errors';
import type { ResultStatus, Step } from './submission-records';

export type StoredResultSummary = {
  appId: string;
  accountId: string;
  capturedAt: number;
  capturedBy: string | null;
  step: Step;
  attentionReason: string | null;
  publishedAt: number | null;
  resultStatus: ResultStatus | null;
  /** The non-personal outcome label kept after the purge, once the result is final. */
  outcome: string | null;
  finalAt: number | null;
  documents: number;
  /** Images and personal data are gone; only this summary remains until retention ends. */
  purged: boolean;
};

export type DocumentDetail = {
  docIndex: number;
  format: string;
  /** null after the purge, or when the data key cannot open it. */
  personal: PersonalFields | null;
};

export type ApplicationDetail = {
  summary: StoredResultSummary;
  documents: DocumentDetail[];
  images: StoredImage[];
  /** The final result as retrieved from TrustID (JSON), while it is held. */
  resultSnapshot: string | null;
};

export type ResultsRepo = {
  /** Newest first. `surname` matches exactly after normalising (see normaliseSurname). */
  search(query?: { surname?: string; capturedFrom?: number; capturedTo?: number; limit?: number }): StoredResultSummary[];
  summary(appId: string): StoredResultSummary | null;
  /** Opens the sealed fields and audits the viewing. */
  detail(appId: string, viewer: string): ApplicationDetail;
  /**
   * For the inbox mirror, without auditing a viewing: the holder's name from the local MRZ (first
   * document), and the result snapshot while it is held. Personal: never logged.
   */
  ownHolder(appId: string): { mrzName: string | null; snapshot: string | null };
  /** Records the non-personal outcome of a final result (called by sync with the snapshot it saves). */
  recordOutcome(appId: string, outcome: string, finalAt: number): void;
};

const SUMMARY = `SELECT a.id, a.account_id, a.captured_at, a.captured_by, a.step, a.attention_reason, a.published_at, a.result_status,
    a.purge_state, r.outcome, r.final_at, (SELECT count(*) FROM documents d WHERE d.app_id = a.id) AS documents
  FROM applications a LEFT JOIN results r ON r.app_id = a.id`;

type SummaryRow = {
  id: string;
  account_id: string;
  captured_at: number;
  captured_by: string | null;
  step: Step;
  attention_reason: string | null;
  published_at: number | null;
  result_status: ResultStatus | null;
  purge_state: string;
  outcome: string | null;
  final_at: number | null;
  documents: number;
};

export function createResultsRepo(ctx: StoreContext, deps: { audit: AuditLog }): ResultsRepo {
  const db = ctx.db;
  const images = createImagesRepo(ctx);

  function open<T>(fn: () => T): T | null {
    try {
      return fn();
    } catch (error) {
      if (error instanceof SealBrokenError || (error as { code?: string }).code === 'store.no-key') return null;
      throw error;
    }
  }

  const repo: ResultsRepo = {
    search({ surname, capturedFrom, capturedTo, limit = 100 } = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (surname !== undefined) {
        const macs = surnameSearchHmacs(ctx.keys, surname);
        if (macs.length === 0) return [];
        where.push(`a.id IN (SELECT app_id FROM documents WHERE surname_hmac IN (${macs.map(() => '?').join(', ')}))`);
        params.push(...macs);
      }
      if (capturedFrom !== undefined) {
        where.push('a.captured_at >= ?');
        params.push(capturedFrom);
      }
      if (capturedTo !== undefined) {
        where.push('a.captured_at < ?');
        params.push(capturedTo);
      }
      const rows = db.prepare(`${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.captured_at DESC LIMIT ?`).all(...params, limit) as SummaryRow[];
      return rows.map(summaryFromRow);
    },

    summary(appId) {
      const row = db.prepare(`${SUMMARY} WHERE a.id = ?`).get(appId) as SummaryRow | undefined;
      return row ? summaryFromRow(row) : null;
    },

    detail(appId, viewer) {
      const summary = repo.summary(appId);
      if (!summary) throw notFoundError(`Application ${appId}`);
      const docs = db.prepare('SELECT id, doc_index, format, personal_sealed FROM documents WHERE app_id = ? ORDER BY doc_index').all(appId) as Array<{
        id: string;
        doc_index: number;
        format: string;
        personal_sealed: Buffer | null;
      }>;
      const snapshotSealed = db.prepare('SELECT result_snapshot_sealed FROM applications WHERE id = ?').pluck().get(appId) as Buffer | null;
      const detail: ApplicationDetail = {
        summary,
        documents: docs.map((d) => ({
          docIndex: d.doc_index,
          format: d.format,
          personal: d.personal_sealed === null ? null : open(() => JSON.parse(openField(ctx.keys, 'documents', 'personal', d.id, d.personal_sealed!)) as PersonalFields),
        })),
        images: images.list(appId),
        resultSnapshot: snapshotSealed === null ? null : open(() => openField(ctx.keys, 'applications', 'result_snapshot', appId, snapshotSealed)),
      };
      ctx.tx(() => {
        db.prepare('UPDATE results SET first_viewed_at = coalesce(first_viewed_at, ?) WHERE app_id = ?').run(ctx.now(), appId);
        deps.audit.append({ action: 'result.viewed', actor: viewer, appId, detail: { purged: summary.purged } });
      });
      return detail;
    },

    ownHolder(appId) {
      const doc = db.prepare('SELECT id, personal_sealed FROM documents WHERE app_id = ? AND personal_sealed IS NOT NULL ORDER BY doc_index LIMIT 1').get(appId) as
        | { id: string; personal_sealed: Buffer }
        | undefined;
      const personal = doc ? open(() => JSON.parse(openField(ctx.keys, 'documents', 'personal', doc.id, doc.personal_sealed)) as PersonalFields) : null;
      const mrzName = personal ? [personal.givenNames, personal.surname].filter(Boolean).join(' ').trim() || null : null;
      const sealed = db.prepare('SELECT result_snapshot_sealed FROM applications WHERE id = ?').pluck().get(appId) as Buffer | null | undefined;
      const snapshot = sealed ? open(() => openField(ctx.keys, 'applications', 'result_snapshot', appId, sealed)) : null;
      return { mrzName, snapshot };
    },

    recordOutcome(appId, outcome, finalAt) {
      if (!/^[a-z][a-z0-9_-]{0,31}$/.test(outcome)) throw new Error(`result outcome must be a short lower-case label, not "${outcome}"`);
      const now = ctx.now();
      db.prepare(
        `INSERT INTO results (app_id, outcome, final_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (app_id) DO UPDATE SET outcome = excluded.outcome, final_at = excluded.final_at, updated_at = excluded.updated_at`,
      ).run(appId, outcome, finalAt, now);
    },
  };
  return repo;
}

function summaryFromRow(r: SummaryRow): StoredResultSummary {
  return {
    appId: r.id,
    accountId: r.account_id,
    capturedAt: r.captured_at,
    capturedBy: r.captured_by,
    step: r.step,
    attentionReason: r.attention_reason,
    publishedAt: r.published_at,
    resultStatus: r.result_status,
    outcome: r.outcome,
    finalAt: r.final_at,
    documents: r.documents,
    purged: r.purge_state !== 'none',
  };
}
