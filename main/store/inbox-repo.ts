// The results inbox in SQLite (RAW-API §13.4 item 2, migration 9): one row per application the
// kiosk can see, with the holder data and result sealed, a keyed HMAC per name part for search,
// keyset paging newest first, the per-account poll state, and the inbox's share of retention.
// Runs in main (plain Node).
import { SealBrokenError } from './seal';
import { normaliseSurname, openField, sealField, surnameSearchForms } from './sealed-fields';
import crypto from 'node:crypto';
import type { StoreContext } from './store-context';

export type InboxOrigin = 'kiosk' | 'guest_link' | 'queued' | 'elsewhere';
export type InboxState = 'waiting_guest' | 'waiting' | 'being_checked' | 'referred' | 'result_ready' | 'expired' | 'revoked' | 'withdrawn';
export const INBOX_STATES: readonly InboxState[] = ['waiting_guest', 'waiting', 'being_checked', 'referred', 'result_ready', 'expired', 'revoked', 'withdrawn'];
export const INBOX_ORIGINS: readonly InboxOrigin[] = ['kiosk', 'guest_link', 'queued', 'elsewhere'];

/** Personal: sealed at rest, never logged. */
export type InboxHolder = {
  /** The holder's name as TrustID read it, or from the local MRZ for the kiosk's own. */
  name: string | null;
  guestName: string | null;
  guestEmail: string | null;
  /** Application-level flexible field values, by display name. */
  fields: Array<{ label: string; value: string }>;
};

/** What the poller (or a follower) learnt about one container. */
export type InboxSighting = {
  accountId: string;
  containerId: string;
  reference: string | null;
  origin: InboxOrigin;
  storageType: number | null;
  state: InboxState;
  verdict: string | null;
  attention: boolean;
  documentCount: number;
  createdAt: number;
  holder: InboxHolder;
  /** The container JSON, when the sighting carries it. */
  snapshot: string | null;
  /** When the inbox should retrieve it next; null = not followed by the inbox. */
  nextCheckAt: number | null;
};

export type InboxRow = {
  id: string;
  accountId: string;
  appId: string | null;
  containerId: string | null;
  reference: string | null;
  origin: InboxOrigin;
  storageType: number | null;
  state: InboxState;
  verdict: string | null;
  attention: boolean;
  documentCount: number;
  createdAt: number;
  firstSeenAt: number;
  lastCheckedAt: number | null;
  nextCheckAt: number | null;
  checkFailures: number;
  finalAt: number | null;
  purged: boolean;
};

export type InboxListItem = InboxRow & { holderName: string | null };

export type InboxQuery = {
  /** A name (every part must match) or a reference (prefix, separators ignored). */
  text?: string;
  from?: number;
  to?: number;
  states?: readonly InboxState[];
  origins?: readonly InboxOrigin[];
  /** The non-personal verdict label of a final result. */
  verdict?: string;
  /** Keyset cursor: the last row of the previous page. */
  after?: { createdAt: number; id: string };
  limit?: number;
};

export type InboxPollState = {
  accountId: string;
  watermark: number | null;
  lastPollAt: number | null;
  nextPollAt: number;
  lastDeepSweepAt: number | null;
  failures: number;
  ownRecordsSince: number | null;
  nextPrivilegeCheckAt: number | null;
  listsQueued: boolean;
};

export type InboxRepo = {
  /**
   * One transaction: every sighting upserted (by container id; origin never downgraded, the
   * kiosk's own rows keep theirs) and the poll state written, so a page and its watermark commit
   * together (§13.4). Returns how many rows were new.
   */
  recordPage(sightings: readonly InboxSighting[], poll?: Partial<InboxPollState> & { accountId: string }): number;
  /** The own submission's row (id = app id), written by the mirror. */
  mirrorOwn(row: { appId: string; accountId: string; containerId: string | null; reference: string; state: InboxState; verdict: string | null; attention: boolean; documentCount: number; createdAt: number; holder: InboxHolder }): void;
  /** A retrieve's answer for a followed row: new state, result, next check (or null). */
  recordCheck(id: string, update: { storageType: number | null; state: InboxState; verdict: string | null; attention: boolean; documentCount: number; holder: InboxHolder | null; snapshot: string | null; nextCheckAt: number | null; failed?: boolean }): void;
  /** The row for a container, if the inbox has one. */
  byContainer(containerId: string): InboxRow | null;
  byReference(reference: string): InboxRow | null;
  get(id: string): (InboxRow & { holder: InboxHolder | null; snapshot: string | null }) | null;
  list(q?: InboxQuery): { items: InboxListItem[]; total: number; next: { createdAt: number; id: string } | null };
  /** Rows the inbox retrieves itself that are due, soonest first. */
  dueChecks(now: number, limit: number, accountIds?: readonly string[]): InboxRow[];
  nextCheckAt(accountIds?: readonly string[]): number | null;
  /** Reschedules a followed row (a failure's backoff, or a follower took it over: null). */
  setNextCheck(id: string, at: number | null, failed: boolean): void;
  pollState(accountId: string): InboxPollState;
  savePollState(state: Partial<InboxPollState> & { accountId: string }): void;
  /** Published own submissions the inbox lacks or holds as not yet final (start-up mirror). */
  ownToMirror(): string[];
  /** Whether any account is in own-records mode (the inbox then says why rows are missing). */
  ownRecordsAccounts(): string[];
  /** Retention: the snapshot goes at the purge point, the row `resultDays` later (issue 5 rules). */
  runRetention(rules: { purgeDelayMinutes: number; resultDays: number }): { purged: number; expired: number };
};

const DAY_MS = 86_400_000;
const FINAL_STATES: readonly InboxState[] = ['result_ready', 'expired', 'revoked', 'withdrawn'];

type Row = {
  id: string;
  account_id: string;
  app_id: string | null;
  container_id: string | null;
  reference: string | null;
  origin: InboxOrigin;
  storage_type: number | null;
  state: InboxState;
  verdict: string | null;
  attention: number;
  document_count: number;
  created_at: number;
  first_seen_at: number;
  last_checked_at: number | null;
  next_check_at: number | null;
  check_failures: number;
  final_at: number | null;
  purged_at: number | null;
  holder_sealed?: Buffer | null;
  snapshot_sealed?: Buffer | null;
};

const COLUMNS = `id, account_id, app_id, container_id, reference, origin, storage_type, state, verdict, attention, document_count,
  created_at, first_seen_at, last_checked_at, next_check_at, check_failures, final_at, purged_at`;

/** References compared without case or separators ("k7q-4m2" finds "K7Q-4M2"). */
export function referenceKey(reference: string): string {
  return reference.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** The name parts a holder name is searchable by. */
export function nameParts(name: string): string[] {
  return [...new Set(name.split(/[\s,<]+/).map(normaliseSurname).filter((p) => p.length > 0))];
}

const ORIGIN_RANK: Record<InboxOrigin, number> = { elsewhere: 0, queued: 1, guest_link: 2, kiosk: 3 };

export function createInboxRepo(ctx: StoreContext): InboxRepo {
  const db = ctx.db;

  function termHmac(part: string): Buffer {
    return crypto.createHmac('sha256', ctx.keys.search()).update(`inbox-name:${part}`, 'utf8').digest();
  }

  function sealHolder(id: string, holder: InboxHolder): Buffer {
    return sealField(ctx.keys, 'inbox', 'holder', id, JSON.stringify(holder));
  }

  function writeTerms(id: string, name: string | null): void {
    db.prepare('DELETE FROM inbox_name_terms WHERE inbox_id = ?').run(id);
    if (!name) return;
    const insert = db.prepare('INSERT OR IGNORE INTO inbox_name_terms (term_hmac, inbox_id) VALUES (?, ?)');
    for (const part of nameParts(name)) insert.run(termHmac(part), id);
  }

  function open<T>(fn: () => T): T | null {
    try {
      return fn();
    } catch (error) {
      if (error instanceof SealBrokenError || (error as { code?: string }).code === 'store.no-key') return null;
      throw error;
    }
  }

  function finalAtFor(state: InboxState, previous: number | null): number | null {
    if (!FINAL_STATES.includes(state)) return null;
    return previous ?? ctx.now();
  }

  const selectByContainer = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE container_id = ?`);

  function savePoll(state: Partial<InboxPollState> & { accountId: string }): void {
    const cur = repo.pollState(state.accountId);
    const next = { ...cur, ...state };
    db.prepare(
      `INSERT INTO inbox_poll (account_id, watermark, last_poll_at, next_poll_at, last_deep_sweep_at, failures, own_records_since, next_privilege_check_at, lists_queued, updated_at)
       VALUES (@accountId, @watermark, @lastPollAt, @nextPollAt, @lastDeepSweepAt, @failures, @ownRecordsSince, @nextPrivilegeCheckAt, @listsQueued, @now)
       ON CONFLICT (account_id) DO UPDATE SET watermark = excluded.watermark, last_poll_at = excluded.last_poll_at, next_poll_at = excluded.next_poll_at,
         last_deep_sweep_at = excluded.last_deep_sweep_at, failures = excluded.failures, own_records_since = excluded.own_records_since,
         next_privilege_check_at = excluded.next_privilege_check_at, lists_queued = excluded.lists_queued, updated_at = excluded.updated_at`,
    ).run({ ...next, listsQueued: next.listsQueued ? 1 : 0, now: ctx.now() });
  }

  function upsert(s: InboxSighting): boolean {
    const now = ctx.now();
    const cur = selectByContainer.get(s.containerId) as Row | undefined;
    if (cur === undefined) {
      const id = s.containerId;
      db.prepare(
        `INSERT INTO inbox (id, account_id, container_id, reference, reference_key, origin, storage_type, state, verdict, attention, document_count,
           created_at, first_seen_at, last_checked_at, next_check_at, final_at, holder_sealed, snapshot_sealed, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        s.accountId,
        s.containerId,
        s.reference,
        s.reference ? referenceKey(s.reference) : null,
        s.origin,
        s.storageType,
        s.state,
        s.verdict,
        s.attention ? 1 : 0,
        s.documentCount,
        s.createdAt,
        now,
        now,
        s.nextCheckAt,
        finalAtFor(s.state, null),
        sealHolder(id, s.holder),
        s.snapshot === null ? null : sealField(ctx.keys, 'inbox', 'snapshot', id, s.snapshot),
        now,
      );
      writeTerms(id, s.holder.name);
      return true;
    }
    // Seen again: the newer reading wins, the origin only ever gets more specific, and a row that
    // someone else follows (own submissions: next_check_at NULL) keeps not being followed here.
    const origin = ORIGIN_RANK[s.origin] > ORIGIN_RANK[cur.origin] ? s.origin : cur.origin;
    // A re-sighting in an unchanged state keeps the row's retrieve schedule (the overlap re-reads the
    // same containers every poll; rescheduling them each time would postpone their checks for ever).
    let followed: number | null;
    if (cur.origin === 'kiosk' || s.nextCheckAt === null) followed = null;
    else if (cur.next_check_at !== null && cur.state === s.state) followed = cur.next_check_at;
    else followed = s.nextCheckAt;
    db.prepare(
      `UPDATE inbox SET origin = ?, storage_type = ?, state = ?, verdict = ?, attention = ?, document_count = ?, reference = coalesce(reference, ?),
         reference_key = coalesce(reference_key, ?), next_check_at = ?, final_at = ?, holder_sealed = ?, snapshot_sealed = coalesce(?, snapshot_sealed),
         last_checked_at = ?, updated_at = ? WHERE id = ?`,
    ).run(
      origin,
      s.storageType,
      s.state,
      s.verdict,
      s.attention ? 1 : 0,
      s.documentCount,
      s.reference,
      s.reference ? referenceKey(s.reference) : null,
      followed,
      finalAtFor(s.state, cur.final_at),
      sealHolder(cur.id, mergeHolder(openHolder(cur.id), s.holder)),
      s.snapshot === null || cur.purged_at !== null ? null : sealField(ctx.keys, 'inbox', 'snapshot', cur.id, s.snapshot),
      now,
      now,
      cur.id,
    );
    writeTerms(cur.id, s.holder.name ?? openHolder(cur.id)?.name ?? null);
    return false;
  }

  function openHolder(id: string): InboxHolder | null {
    const sealed = db.prepare('SELECT holder_sealed FROM inbox WHERE id = ?').pluck().get(id) as Buffer | null | undefined;
    if (!sealed) return null;
    return open(() => JSON.parse(openField(ctx.keys, 'inbox', 'holder', id, sealed)) as InboxHolder);
  }

  const repo: InboxRepo = {
    recordPage(sightings, poll) {
      return ctx.tx(() => {
        let added = 0;
        for (const s of sightings) if (upsert(s)) added += 1;
        if (poll) savePoll(poll);
        return added;
      });
    },

    mirrorOwn(r) {
      ctx.tx(() => {
        const now = ctx.now();
        const exists = db.prepare('SELECT final_at FROM inbox WHERE id = ?').get(r.appId) as { final_at: number | null } | undefined;
        // A container first listed by the poller before the kiosk knew it was its own: fold it in.
        if (r.containerId) db.prepare('DELETE FROM inbox WHERE container_id = ? AND id <> ?').run(r.containerId, r.appId);
        const values = [
          r.accountId,
          r.containerId,
          r.reference,
          referenceKey(r.reference),
          r.state,
          r.verdict,
          r.attention ? 1 : 0,
          r.documentCount,
          r.createdAt,
          finalAtFor(r.state, exists?.final_at ?? null),
          sealHolder(r.appId, r.holder),
          now,
        ];
        if (exists) {
          db.prepare(
            `UPDATE inbox SET account_id = ?, container_id = ?, reference = ?, reference_key = ?, state = ?, verdict = ?, attention = ?, document_count = ?,
               created_at = ?, final_at = ?, holder_sealed = ?, updated_at = ?, origin = 'kiosk', next_check_at = NULL WHERE id = ?`,
          ).run(...values, r.appId);
        } else {
          db.prepare(
            `INSERT INTO inbox (account_id, container_id, reference, reference_key, state, verdict, attention, document_count, created_at, final_at, holder_sealed,
               updated_at, id, app_id, origin, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?)`,
          ).run(...values, r.appId, r.appId, now);
        }
        writeTerms(r.appId, r.holder.name);
      });
    },

    recordCheck(id, u) {
      ctx.tx(() => {
        const cur = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE id = ?`).get(id) as Row | undefined;
        if (!cur) return;
        const now = ctx.now();
        const holder = u.holder ? mergeHolder(openHolder(id), u.holder) : null;
        db.prepare(
          `UPDATE inbox SET storage_type = ?, state = ?, verdict = ?, attention = ?, document_count = ?, holder_sealed = coalesce(?, holder_sealed),
             snapshot_sealed = coalesce(?, snapshot_sealed), next_check_at = ?, final_at = ?, last_checked_at = ?, check_failures = ?, updated_at = ? WHERE id = ?`,
        ).run(
          u.storageType,
          u.state,
          u.verdict,
          u.attention ? 1 : 0,
          u.documentCount,
          holder ? sealHolder(id, holder) : null,
          u.snapshot === null || cur.purged_at !== null ? null : sealField(ctx.keys, 'inbox', 'snapshot', id, u.snapshot),
          u.nextCheckAt,
          finalAtFor(u.state, cur.final_at),
          now,
          u.failed ? cur.check_failures + 1 : 0,
          now,
          id,
        );
        if (holder?.name) writeTerms(id, holder.name);
      });
    },

    byContainer(containerId) {
      const row = selectByContainer.get(containerId.toLowerCase()) as Row | undefined;
      return row ? rowOf(row) : null;
    },

    byReference(reference) {
      const row = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE reference_key = ? ORDER BY created_at DESC LIMIT 1`).get(referenceKey(reference)) as Row | undefined;
      return row ? rowOf(row) : null;
    },

    get(id) {
      const row = db.prepare(`SELECT ${COLUMNS}, snapshot_sealed FROM inbox WHERE id = ?`).get(id) as Row | undefined;
      if (!row) return null;
      const snapshot = row.snapshot_sealed ? open(() => openField(ctx.keys, 'inbox', 'snapshot', id, row.snapshot_sealed!)) : null;
      return { ...rowOf(row), holder: openHolder(id), snapshot };
    },

    list(q = {}) {
      const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
      const where: string[] = [];
      const params: unknown[] = [];
      const text = q.text?.trim() ?? '';
      if (text !== '') {
        const alternatives: string[] = [];
        const key = referenceKey(text);
        if (key.length >= 3) {
          alternatives.push('(reference_key >= ? AND reference_key < ?)');
          params.push(key, `${key}\u{10FFFF}`);
        }
        const parts = nameParts(text);
        if (parts.length > 0) {
          // Every part must match one of its spellings (surnameSearchForms: ICAO umlaut expansion too).
          const perPart = parts.map((part) => {
            const forms = surnameSearchForms(part).map(termHmac);
            params.push(...forms);
            return `id IN (SELECT inbox_id FROM inbox_name_terms WHERE term_hmac IN (${forms.map(() => '?').join(', ')}))`;
          });
          alternatives.push(`(${perPart.join(' AND ')})`);
        }
        if (alternatives.length === 0) return { items: [], total: 0, next: null };
        where.push(`(${alternatives.join(' OR ')})`);
      }
      if (q.from !== undefined) {
        where.push('created_at >= ?');
        params.push(q.from);
      }
      if (q.to !== undefined) {
        where.push('created_at <= ?');
        params.push(q.to);
      }
      if (q.states && q.states.length > 0) {
        where.push(`state IN (${q.states.map(() => '?').join(', ')})`);
        params.push(...q.states);
      }
      if (q.origins && q.origins.length > 0) {
        where.push(`origin IN (${q.origins.map(() => '?').join(', ')})`);
        params.push(...q.origins);
      }
      if (q.verdict !== undefined) {
        where.push('verdict = ?');
        params.push(q.verdict);
      }
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare(`SELECT count(*) FROM inbox ${filter}`).pluck().get(...params) as number;
      const pageWhere = [...where];
      const pageParams = [...params];
      if (q.after) {
        pageWhere.push('(created_at < ? OR (created_at = ? AND id < ?))');
        pageParams.push(q.after.createdAt, q.after.createdAt, q.after.id);
      }
      const rows = db
        .prepare(`SELECT ${COLUMNS}, holder_sealed FROM inbox ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(...pageParams, limit + 1) as Row[];
      const page = rows.slice(0, limit);
      const items = page.map((r) => {
        const holder = r.holder_sealed ? open(() => JSON.parse(openField(ctx.keys, 'inbox', 'holder', r.id, r.holder_sealed!)) as InboxHolder) : null;
        // A queued application has no holder yet: it is known by its form's values (e.g. a booking reference).
        const label = holder?.fields.length ? holder.fields.map((f) => f.value).join(' · ') : null;
        return { ...rowOf(r), holderName: holder?.name ?? holder?.guestName ?? label };
      });
      const last = page[page.length - 1];
      return { items, total, next: rows.length > limit && last ? { createdAt: last.created_at, id: last.id } : null };
    },

    dueChecks(now, limit, accountIds) {
      const accounts = accountIds ? `AND account_id IN (${accountIds.map(() => '?').join(', ')})` : '';
      const rows = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE next_check_at IS NOT NULL AND next_check_at <= ? ${accounts} ORDER BY next_check_at LIMIT ?`).all(now, ...(accountIds ?? []), limit) as Row[];
      return rows.map(rowOf);
    },

    nextCheckAt(accountIds) {
      const accounts = accountIds ? `AND account_id IN (${accountIds.map(() => '?').join(', ')})` : '';
      return (db.prepare(`SELECT min(next_check_at) FROM inbox WHERE next_check_at IS NOT NULL ${accounts}`).pluck().get(...(accountIds ?? [])) as number | null) ?? null;
    },

    setNextCheck(id, at, failed) {
      db.prepare('UPDATE inbox SET next_check_at = ?, check_failures = CASE WHEN ? THEN check_failures + 1 ELSE 0 END, updated_at = ? WHERE id = ?').run(at, failed ? 1 : 0, ctx.now(), id);
    },

    pollState(accountId) {
      const r = db.prepare('SELECT * FROM inbox_poll WHERE account_id = ?').get(accountId) as
        | { watermark: number | null; last_poll_at: number | null; next_poll_at: number; last_deep_sweep_at: number | null; failures: number; own_records_since: number | null; next_privilege_check_at: number | null; lists_queued: number }
        | undefined;
      if (!r) return { accountId, watermark: null, lastPollAt: null, nextPollAt: 0, lastDeepSweepAt: null, failures: 0, ownRecordsSince: null, nextPrivilegeCheckAt: null, listsQueued: false };
      return {
        accountId,
        watermark: r.watermark,
        lastPollAt: r.last_poll_at,
        nextPollAt: r.next_poll_at,
        lastDeepSweepAt: r.last_deep_sweep_at,
        failures: r.failures,
        ownRecordsSince: r.own_records_since,
        nextPrivilegeCheckAt: r.next_privilege_check_at,
        listsQueued: r.lists_queued === 1,
      };
    },

    savePollState(state) {
      ctx.tx(() => savePoll(state));
    },

    ownToMirror() {
      return db
        .prepare(
          `SELECT a.id FROM applications a LEFT JOIN inbox i ON i.app_id = a.id
           WHERE a.published_at IS NOT NULL AND (i.id IS NULL OR (i.state <> 'result_ready' AND a.result_status = 'final') OR i.container_id IS NULL)`,
        )
        .pluck()
        .all() as string[];
    },

    ownRecordsAccounts() {
      return db.prepare('SELECT account_id FROM inbox_poll WHERE own_records_since IS NOT NULL ORDER BY account_id').pluck().all() as string[];
    },

    runRetention({ purgeDelayMinutes, resultDays }) {
      const now = ctx.now();
      return ctx.tx(() => {
        // The kiosk's own rows follow their application (ON DELETE CASCADE); these are the others.
        const purged = db
          .prepare("UPDATE inbox SET snapshot_sealed = NULL, purged_at = ?, updated_at = ? WHERE app_id IS NULL AND purged_at IS NULL AND final_at IS NOT NULL AND final_at <= ?")
          .run(now, now, now - purgeDelayMinutes * 60_000).changes;
        const expired = db.prepare('DELETE FROM inbox WHERE app_id IS NULL AND purged_at IS NOT NULL AND purged_at <= ?').run(now - resultDays * DAY_MS).changes;
        return { purged, expired };
      });
    },
  };
  return repo;
}

/** A later reading fills what an earlier one lacked; it never erases a name TrustID gave. */
function mergeHolder(before: InboxHolder | null, after: InboxHolder): InboxHolder {
  if (!before) return after;
  return {
    name: after.name ?? before.name,
    guestName: after.guestName ?? before.guestName,
    guestEmail: after.guestEmail ?? before.guestEmail,
    fields: after.fields.length > 0 ? after.fields : before.fields,
  };
}

function rowOf(r: Row): InboxRow {
  return {
    id: r.id,
    accountId: r.account_id,
    appId: r.app_id,
    containerId: r.container_id,
    reference: r.reference,
    origin: r.origin,
    storageType: r.storage_type,
    state: r.state,
    verdict: r.verdict,
    attention: r.attention === 1,
    documentCount: r.document_count,
    createdAt: r.created_at,
    firstSeenAt: r.first_seen_at,
    lastCheckedAt: r.last_checked_at,
    nextCheckAt: r.next_check_at,
    checkFailures: r.check_failures,
    finalAt: r.final_at,
    purged: r.purged_at !== null,
  };
}
