// The audit log: append-only (triggers refuse UPDATE/DELETE) and hash-chained, each row storing
// SHA-256(prev_hash || canonical row), so an edit made by going around the triggers (or the file)
// shows as a broken link. Holds no personal data: ids, action names, counts. Runs in main (plain Node).
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../app-error';
import { canonicalJson } from './canonical-json';
import type { StoreContext } from './store-context';

/** Actions the store itself writes; sync and the app add theirs (any `word.word-word` name). */
export type StoreAuditAction =
  | 'staff.sign-in'
  | 'staff.sign-in-failed'
  | 'staff.sign-out'
  | 'staff.locked-out'
  | 'staff.created'
  | 'staff.updated'
  | 'staff.unlocked'
  | 'staff.override'
  | 'kiosk.locked'
  | 'capture.saved'
  | 'capture.retake'
  | 'capture.document-removed'
  | 'capture.corrected'
  | 'capture.discarded'
  | 'result.viewed'
  | 'store.purged'
  | 'store.retention-expired'
  | 'store.damaged-database-moved'
  | 'settings.changed'
  | 'account.saved'
  | 'account.removed';

export type AuditDetailValue = string | number | boolean | null;

export type AuditEntry = {
  action: StoreAuditAction | (string & {});
  /** A staff id, or 'system' for the app's own acts. Never a name. */
  actor: string;
  appId?: string | null;
  containerIds?: readonly string[];
  /** Flat, non-personal facts (counts, reasons, setting names). A string becomes { note }. */
  detail?: Readonly<Record<string, AuditDetailValue>> | string;
};

export type AuditRow = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  appId: string | null;
  containerIds: string[];
  detail: Record<string, AuditDetailValue>;
  prevHash: string;
  hash: string;
};

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBrokenSeq: number; problem: string };

export const GENESIS_HASH = '0'.repeat(64);

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const DETAIL_KEY = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;
// A second line of defence: these facts are personal and never belong in the audit log.
const PERSONAL_KEY = /name|mrz|birth|surname|given|document_?number|docnumber|passport|address|email|phone|pin|password/i;

type RawRow = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  app_id: string | null;
  container_ids: string;
  detail: string;
  prev_hash: string;
  hash: string;
};

export function rowHash(prevHash: string, row: Pick<RawRow, 'seq' | 'at' | 'actor' | 'action' | 'app_id' | 'container_ids' | 'detail'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.app_id, row.container_ids, row.detail]);
  return crypto.createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

export type AuditLog = {
  /** Appends in the caller's transaction when there is one (so the fact and its record commit together). */
  append(entry: AuditEntry): AuditRow;
  verify(): AuditVerdict;
  list(filter?: { appId?: string; afterSeq?: number; limit?: number }): AuditRow[];
};

export function createAuditLog(ctx: StoreContext): AuditLog {
  const last = ctx.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = ctx.db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, app_id, container_ids, detail, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @app_id, @container_ids, @detail, @prev_hash, @hash)',
  );
  return {
    append(entry) {
      const raw = validated(entry);
      return ctx.tx(() => {
        const head = last.get() as { seq: number; hash: string } | undefined;
        const row = { ...raw, seq: (head?.seq ?? 0) + 1, at: ctx.now(), prev_hash: head?.hash ?? GENESIS_HASH };
        const full: RawRow = { ...row, hash: rowHash(row.prev_hash, row) };
        insert.run(full);
        return fromRaw(full);
      });
    },
    verify: () => verifyAuditChain(ctx.db),
    list(filter = {}) {
      const rows = ctx.db
        .prepare(
          `SELECT * FROM audit_log WHERE seq > @after ${filter.appId ? 'AND app_id = @appId' : ''} ORDER BY seq LIMIT @limit`,
        )
        .all({ after: filter.afterSeq ?? 0, appId: filter.appId ?? null, limit: filter.limit ?? 1000 }) as RawRow[];
      return rows.map(fromRaw);
    },
  };
}

/** Walks the chain from the first row; reports the first row whose link or content does not hold. */
export function verifyAuditChain(db: Database.Database): AuditVerdict {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<RawRow>) {
    rows++;
    if (row.seq !== expectedSeq) return { ok: false, rows, firstBrokenSeq: row.seq, problem: `row ${expectedSeq} is missing` };
    if (row.prev_hash !== expectedPrev) return { ok: false, rows, firstBrokenSeq: row.seq, problem: 'its link to the previous row does not match' };
    if (rowHash(row.prev_hash, row) !== row.hash) return { ok: false, rows, firstBrokenSeq: row.seq, problem: 'its content was changed after it was written' };
    expectedPrev = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows };
}

function validated(entry: AuditEntry): Omit<RawRow, 'seq' | 'at' | 'prev_hash' | 'hash'> {
  if (!ACTION.test(entry.action)) throw new AppError('store.audit-invalid', `"${entry.action}" is not an audit action name.`);
  if (entry.actor.length === 0 || entry.actor.length > 100) throw new AppError('store.audit-invalid', 'An audit entry needs an actor id.');
  const detail = typeof entry.detail === 'string' ? { note: entry.detail } : (entry.detail ?? {});
  for (const [key, value] of Object.entries(detail)) {
    if (!DETAIL_KEY.test(key) || PERSONAL_KEY.test(key)) throw new AppError('store.audit-invalid', `The audit log does not take a "${key}" field.`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new AppError('store.audit-invalid', `The audit field "${key}" must be a plain value.`);
    }
  }
  return {
    actor: entry.actor,
    action: entry.action,
    app_id: entry.appId ?? null,
    container_ids: JSON.stringify([...(entry.containerIds ?? [])]),
    detail: canonicalJson(detail),
  };
}

function fromRaw(row: RawRow): AuditRow {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    appId: row.app_id,
    containerIds: JSON.parse(row.container_ids) as string[],
    detail: JSON.parse(row.detail) as Record<string, AuditDetailValue>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
