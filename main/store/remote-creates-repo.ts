// The queued applications and guest links this kiosk creates (SUBMISSION-PROTOCOL §14.1) and the
// duplicates it must delete (§14.2), as rows of migration 8. What staff typed, the link, TrustID's
// messages and the result are sealed (AAD remote_creates.<column>.<reference>); the purge clears them
// and later drops the row (retention.ts). Every write is one synchronous statement or transaction
// (W3). Runs in main (plain Node).
import type { ApplicationFieldValue } from './application-fields';
import { SealBrokenError } from './seal';
import { openField, sealField } from './sealed-fields';
import type { StoreContext } from './store-context';

export type RemoteCreateKind = 'queued' | 'guest_link';
/** §14.1 `state`: how far the create itself got (the contract's RemoteCreateState is what staff see). */
export type CreateProgress = 'creating' | 'resolving' | 'created' | 'replaced' | 'needs_attention' | 'refused';
/** What the last retrieve showed (API §12.4, §14.3). */
export type RemoteState = 'waiting' | 'being_completed' | 'submitted' | 'referred' | 'result' | 'expired' | 'revoked' | 'withdrawn';

/** What staff asked for. Personal data: sealed at rest, never logged. */
export type RemoteCreateRequest = { name?: string; email?: string; fields: ApplicationFieldValue[]; labels?: Record<string, string> };

export type RemoteCreateRecord = {
  reference: string;
  kind: RemoteCreateKind;
  accountId: string;
  branchId: string | null;
  createdBy: string | null;
  /** Null once purged (or when the data key cannot open it). */
  request: RemoteCreateRequest | null;
  sendEmail: boolean;
  phase: 'PENDING' | 'SENT';
  sentAt: number | null;
  state: CreateProgress;
  attentionReason: string | null;
  failures: number;
  /** When the create (or the lookup, while resolving) is next due; null when nothing is to send. */
  nextAttemptAt: number | null;
  /** TrustID's refusal, in its words (staff read it; never branched on, API §1.7). */
  message: string | null;
  containerId: string | null;
  guestId: string | null;
  linkUrl: string | null;
  expiresAt: number | null;
  replacedBy: string | null;
  remoteState: RemoteState | null;
  submittedAt: number | null;
  lastCheckedAt: number | null;
  nextCheckAt: number | null;
  checkFailures: number;
  /** Set once staff asked to revoke; DONE once TrustID answered. */
  revokePhase: 'PENDING' | 'SENT' | 'DONE' | null;
  revokeDueAt: number | null;
  revokeFailures: number;
  /** The final container as retrieved (JSON). */
  result: string | null;
  /** Non-personal verdict label kept after the purge. */
  outcome: string | null;
  finalAt: number | null;
  purgedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

/** Who asked for what: the part of a record known before anything is sent. */
export type RemoteCreateOrder = Pick<RemoteCreateRecord, 'reference' | 'kind' | 'accountId' | 'branchId' | 'createdBy' | 'request' | 'sendEmail'>;

/** A record nothing has been sent for yet (§14.1): due now, every remote field empty. */
export function newRemoteCreateRecord(order: RemoteCreateOrder, now: number): RemoteCreateRecord {
  return {
    ...order,
    phase: 'PENDING',
    sentAt: null,
    state: 'creating',
    attentionReason: null,
    failures: 0,
    nextAttemptAt: now,
    message: null,
    containerId: null,
    guestId: null,
    linkUrl: null,
    expiresAt: null,
    replacedBy: null,
    remoteState: null,
    submittedAt: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    checkFailures: 0,
    revokePhase: null,
    revokeDueAt: null,
    revokeFailures: 0,
    result: null,
    outcome: null,
    finalAt: null,
    purgedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export type PendingDelete = {
  containerId: string;
  reference: string;
  kind: RemoteCreateKind;
  accountId: string;
  state: 'pending' | 'done' | 'left';
  failures: number;
  nextAttemptAt: number | null;
};

export type RemoteCreatesRepo = {
  insert(rec: RemoteCreateRecord): void;
  /** Replaces the row (the caller read it, changed it and writes it whole). */
  save(rec: RemoteCreateRecord): void;
  get(reference: string): RemoteCreateRecord | null;
  /** Newest first. */
  list(q: { kind?: RemoteCreateKind; accountId?: string; limit?: number }): RemoteCreateRecord[];
  /** Records with a create, lookup, check or revoke due at `now`. */
  due(now: number): string[];
  /** The earliest time anything is due, or null. */
  nextDueAt(): number | null;
  /** Records whose create or revoke was SENT when the process stopped. */
  listSent(): RemoteCreateRecord[];
  /** Whether this kiosk made a record with this ClientApplicationReference. */
  hasReference(reference: string): boolean;
  /** Whether one of this kiosk's records follows this container (the inbox then does not poll it twice). */
  followsContainer(containerId: string): boolean;
  addDelete(d: Omit<PendingDelete, 'state' | 'failures'>): void;
  saveDelete(d: PendingDelete): void;
  dueDeletes(now: number): PendingDelete[];
  /** Purge (retention.ts): personal values of records final for `purgeDelayMs`, rows purged for `keepMs`. */
  purgeDue(now: number, purgeDelayMs: number, keepMs: number): { purged: number; expired: number };
  transaction<T>(fn: () => T): T;
};

type Row = {
  reference: string;
  kind: RemoteCreateKind;
  account_id: string;
  branch_id: string | null;
  created_by: string | null;
  request_sealed: Buffer | null;
  send_email: number;
  phase: 'PENDING' | 'SENT';
  sent_at: number | null;
  state: CreateProgress;
  attention_reason: string | null;
  failures: number;
  next_attempt_at: number | null;
  message_sealed: Buffer | null;
  container_id: string | null;
  guest_id: string | null;
  link_url_sealed: Buffer | null;
  expires_at: number | null;
  replaced_by: string | null;
  remote_state: RemoteState | null;
  submitted_at: number | null;
  last_checked_at: number | null;
  next_check_at: number | null;
  check_failures: number;
  revoke_phase: 'PENDING' | 'SENT' | 'DONE' | null;
  revoke_due_at: number | null;
  revoke_failures: number;
  result_sealed: Buffer | null;
  outcome: string | null;
  final_at: number | null;
  purged_at: number | null;
  created_at: number;
  updated_at: number;
};

const COLUMNS = [
  'reference', 'kind', 'account_id', 'branch_id', 'created_by', 'request_sealed', 'send_email', 'phase', 'sent_at', 'state',
  'attention_reason', 'failures', 'next_attempt_at', 'message_sealed', 'container_id', 'guest_id', 'link_url_sealed', 'expires_at',
  'replaced_by', 'remote_state', 'submitted_at', 'last_checked_at', 'next_check_at', 'check_failures', 'revoke_phase', 'revoke_due_at',
  'revoke_failures', 'result_sealed', 'outcome', 'final_at', 'purged_at', 'created_at', 'updated_at',
] as const;

const TABLE = 'remote_creates';
const int = (n: number | null) => (n === null ? null : Math.trunc(n));

export function createRemoteCreatesRepo(ctx: StoreContext): RemoteCreatesRepo {
  const db = ctx.db;
  const seal = (column: string, reference: string, value: string | null) => (value === null ? null : sealField(ctx.keys, TABLE, column, reference, value));
  const open = (column: string, reference: string, sealed: Buffer | null): string | null => {
    if (sealed === null) return null;
    try {
      return openField(ctx.keys, TABLE, column, reference, sealed);
    } catch (error) {
      if (!(error instanceof SealBrokenError)) throw error;
      ctx.log.warn({ reference, column }, 'a sealed guest link or queued application value cannot be opened');
      return null;
    }
  };

  function toRow(r: RemoteCreateRecord): Row {
    return {
      reference: r.reference,
      kind: r.kind,
      account_id: r.accountId,
      branch_id: r.branchId,
      created_by: r.createdBy,
      request_sealed: r.request === null ? null : seal('request', r.reference, JSON.stringify(r.request)),
      send_email: r.sendEmail ? 1 : 0,
      phase: r.phase,
      sent_at: int(r.sentAt),
      state: r.state,
      attention_reason: r.attentionReason,
      failures: r.failures,
      next_attempt_at: int(r.nextAttemptAt),
      message_sealed: seal('message', r.reference, r.message),
      container_id: r.containerId,
      guest_id: r.guestId,
      link_url_sealed: seal('link_url', r.reference, r.linkUrl),
      expires_at: int(r.expiresAt),
      replaced_by: r.replacedBy,
      remote_state: r.remoteState,
      submitted_at: int(r.submittedAt),
      last_checked_at: int(r.lastCheckedAt),
      next_check_at: int(r.nextCheckAt),
      check_failures: r.checkFailures,
      revoke_phase: r.revokePhase,
      revoke_due_at: int(r.revokeDueAt),
      revoke_failures: r.revokeFailures,
      result_sealed: seal('result', r.reference, r.result),
      outcome: r.outcome,
      final_at: int(r.finalAt),
      purged_at: int(r.purgedAt),
      created_at: int(r.createdAt)!,
      updated_at: int(ctx.now())!,
    };
  }

  function fromRow(row: Row): RemoteCreateRecord {
    const request = open('request', row.reference, row.request_sealed);
    let parsed: RemoteCreateRequest | null = null;
    if (request !== null) {
      try {
        parsed = JSON.parse(request) as RemoteCreateRequest;
      } catch {
        parsed = null;
      }
    }
    return {
      reference: row.reference,
      kind: row.kind,
      accountId: row.account_id,
      branchId: row.branch_id,
      createdBy: row.created_by,
      request: parsed,
      sendEmail: row.send_email === 1,
      phase: row.phase,
      sentAt: row.sent_at,
      state: row.state,
      attentionReason: row.attention_reason,
      failures: row.failures,
      nextAttemptAt: row.next_attempt_at,
      message: open('message', row.reference, row.message_sealed),
      containerId: row.container_id,
      guestId: row.guest_id,
      linkUrl: open('link_url', row.reference, row.link_url_sealed),
      expiresAt: row.expires_at,
      replacedBy: row.replaced_by,
      remoteState: row.remote_state,
      submittedAt: row.submitted_at,
      lastCheckedAt: row.last_checked_at,
      nextCheckAt: row.next_check_at,
      checkFailures: row.check_failures,
      revokePhase: row.revoke_phase,
      revokeDueAt: row.revoke_due_at,
      revokeFailures: row.revoke_failures,
      result: open('result', row.reference, row.result_sealed),
      outcome: row.outcome,
      finalAt: row.final_at,
      purgedAt: row.purged_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  const insertSql = db.prepare(`INSERT INTO ${TABLE} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const saveSql = db.prepare(`UPDATE ${TABLE} SET ${COLUMNS.filter((c) => c !== 'reference').map((c) => `${c} = @${c}`).join(', ')} WHERE reference = @reference`);
  const getSql = db.prepare(`SELECT * FROM ${TABLE} WHERE reference = ?`);
  const dueSql = db
    .prepare(`SELECT reference FROM ${TABLE} WHERE next_attempt_at <= @now OR next_check_at <= @now OR revoke_due_at <= @now ORDER BY created_at LIMIT 50`)
    .pluck();
  const nextSql = db
    .prepare(
      `SELECT min(t) FROM (SELECT min(next_attempt_at) AS t FROM ${TABLE} UNION ALL SELECT min(next_check_at) FROM ${TABLE}
       UNION ALL SELECT min(revoke_due_at) FROM ${TABLE} UNION ALL SELECT min(next_attempt_at) FROM remote_create_deletes WHERE state = 'pending')`,
    )
    .pluck();

  type DeleteRow = { container_id: string; reference: string; kind: RemoteCreateKind; account_id: string; state: PendingDelete['state']; failures: number; next_attempt_at: number | null };
  const fromDelete = (r: DeleteRow): PendingDelete => ({
    containerId: r.container_id,
    reference: r.reference,
    kind: r.kind,
    accountId: r.account_id,
    state: r.state,
    failures: r.failures,
    nextAttemptAt: r.next_attempt_at,
  });

  return {
    insert(rec) {
      insertSql.run(toRow(rec));
    },
    save(rec) {
      saveSql.run(toRow(rec));
    },
    get(reference) {
      const row = getSql.get(reference) as Row | undefined;
      return row ? fromRow(row) : null;
    },
    list({ kind, accountId, limit = 100 }) {
      const where: string[] = [];
      const args: Record<string, unknown> = { limit: Math.min(Math.max(1, limit), 500) };
      if (kind) {
        where.push('kind = @kind');
        args.kind = kind;
      }
      if (accountId) {
        where.push('account_id = @accountId');
        args.accountId = accountId;
      }
      const rows = db.prepare(`SELECT * FROM ${TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, reference DESC LIMIT @limit`).all(args) as Row[];
      return rows.map(fromRow);
    },
    due(now) {
      return dueSql.all({ now: Math.trunc(now) }) as string[];
    },
    nextDueAt() {
      return (nextSql.get() as number | null) ?? null;
    },
    listSent() {
      return (db.prepare(`SELECT * FROM ${TABLE} WHERE phase = 'SENT' OR revoke_phase = 'SENT'`).all() as Row[]).map(fromRow);
    },
    hasReference(reference) {
      return db.prepare(`SELECT 1 FROM ${TABLE} WHERE reference = ? COLLATE NOCASE`).get(reference) !== undefined;
    },
    followsContainer(containerId) {
      return db.prepare(`SELECT 1 FROM ${TABLE} WHERE container_id = ? COLLATE NOCASE`).get(containerId) !== undefined;
    },
    addDelete(d) {
      const now = Math.trunc(ctx.now());
      db.prepare(
        `INSERT INTO remote_create_deletes (container_id, reference, kind, account_id, state, failures, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (container_id) DO NOTHING`,
      ).run(d.containerId.toLowerCase(), d.reference, d.kind, d.accountId, int(d.nextAttemptAt), now, now);
    },
    saveDelete(d) {
      db.prepare('UPDATE remote_create_deletes SET state = ?, failures = ?, next_attempt_at = ?, updated_at = ? WHERE container_id = ?').run(
        d.state,
        d.failures,
        int(d.nextAttemptAt),
        Math.trunc(ctx.now()),
        d.containerId,
      );
    },
    dueDeletes(now) {
      return (db.prepare("SELECT * FROM remote_create_deletes WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT 20").all(Math.trunc(now)) as DeleteRow[]).map(fromDelete);
    },
    purgeDue(now, purgeDelayMs, keepMs) {
      return ctx.tx(() => {
        const purged = db
          .prepare(
            `UPDATE ${TABLE} SET request_sealed = NULL, message_sealed = NULL, link_url_sealed = NULL, result_sealed = NULL, purged_at = @now, updated_at = @now
             WHERE purged_at IS NULL AND final_at IS NOT NULL AND final_at <= @due`,
          )
          .run({ now: Math.trunc(now), due: Math.trunc(now - purgeDelayMs) }).changes;
        const expired = db.prepare(`DELETE FROM ${TABLE} WHERE purged_at IS NOT NULL AND purged_at <= ?`).run(Math.trunc(now - keepMs)).changes;
        db.prepare("DELETE FROM remote_create_deletes WHERE state <> 'pending' AND updated_at <= ?").run(Math.trunc(now - keepMs));
        return { purged, expired };
      });
    },
    transaction: ctx.tx,
  };
}
