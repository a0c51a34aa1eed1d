// The account evidence flags of SUBMISSION-PROTOCOL §13.2, one row per TrustID account: what the
// service has been seen to do, so the kiosk never trusts a read before it knows the read can answer.
// A flag starts false and, once set, stays set (a trigger refuses clearing one). Runs in main.
import type { StoreContext } from './store-context';

export type AccountEvidenceRecord = { queuedReadsShowDocuments: boolean; markersEchoed: boolean; queryListsQueued: boolean };

export type AccountEvidenceRepo = {
  /** All false for an account never seen. */
  get(accountId: string): AccountEvidenceRecord;
  /** Sets every flag that is true in `seen`; never clears one. Joins the caller's transaction. */
  raise(accountId: string, seen: Partial<AccountEvidenceRecord>): void;
  /** `archiveContainerQuery` returned a Queued (7) container for this account (§13.2, used by §14). */
  markQueryListsQueued(accountId: string): void;
};

type Row = { queued_reads_show_documents: number; markers_echoed: number; query_lists_queued: number };

export function createAccountEvidenceRepo(ctx: StoreContext): AccountEvidenceRepo {
  const select = ctx.db.prepare('SELECT queued_reads_show_documents, markers_echoed, query_lists_queued FROM account_evidence WHERE account_id = ?');
  const upsert = ctx.db.prepare(
    `INSERT INTO account_evidence (account_id, queued_reads_show_documents, markers_echoed, query_lists_queued, updated_at)
     VALUES (@account_id, @q, @m, @l, @now)
     ON CONFLICT (account_id) DO UPDATE SET
       queued_reads_show_documents = max(queued_reads_show_documents, excluded.queued_reads_show_documents),
       markers_echoed = max(markers_echoed, excluded.markers_echoed),
       query_lists_queued = max(query_lists_queued, excluded.query_lists_queued),
       updated_at = excluded.updated_at
     WHERE excluded.queued_reads_show_documents > queued_reads_show_documents
        OR excluded.markers_echoed > markers_echoed
        OR excluded.query_lists_queued > query_lists_queued`,
  );
  const repo: AccountEvidenceRepo = {
    get(accountId) {
      const row = select.get(accountId) as Row | undefined;
      return {
        queuedReadsShowDocuments: row?.queued_reads_show_documents === 1,
        markersEchoed: row?.markers_echoed === 1,
        queryListsQueued: row?.query_lists_queued === 1,
      };
    },
    raise(accountId, seen) {
      if (!seen.queuedReadsShowDocuments && !seen.markersEchoed && !seen.queryListsQueued) return;
      upsert.run({
        account_id: accountId,
        q: seen.queuedReadsShowDocuments ? 1 : 0,
        m: seen.markersEchoed ? 1 : 0,
        l: seen.queryListsQueued ? 1 : 0,
        now: ctx.now(),
      });
    },
    markQueryListsQueued(accountId) {
      repo.raise(accountId, { queryListsQueued: true });
    },
  };
  return repo;
}
