// Purge and retention (issue 5): images and sealed personal data (document fields, application
// custom field values, TrustID messages, result snapshots) go once an application is
// published and its final result fetched (after a configurable delay), or at once when it is
// cancelled or closed by staff; the remaining metadata goes after the configured number of days.
// Applications unsent past a ceiling are reported as admin alerts rather than lingering silently.
// Purge is crash-safe: intent mark → files removed → row updated; start-up finishes half-done ones.
// Runs in main (plain Node).
import type { AuditLog } from './audit-log';
import type { InboxRepo } from './inbox-repo';
import type { RemoteCreatesRepo } from './remote-creates-repo';
import { removeSealedFiles } from './sealed-files';
import type { StoreContext } from './store-context';
import type { StoreSettings } from './store-settings';
import type { Step } from './submission-records';

export type UnsentAlert = {
  appId: string;
  accountId: string;
  capturedAt: number;
  ageMs: number;
  step: Step;
  attentionReason: string | null;
};

export type RetentionReport = { purged: number; expired: number; imagesRemoved: number };

export type RetentionService = {
  /** Purges one application now (discard, staff close). Safe to repeat. */
  purgeNow(appId: string, actor: string): void;
  /** Purges every application that is due and expires old metadata. Call periodically and after results. */
  runDue(): RetentionReport;
  /** Start-up: completes purges that a crash interrupted. Returns how many. */
  finishInterrupted(): number;
  /** Applications still unsent after the configured ceiling (default 72 h), oldest first. */
  unsentAlerts(): UnsentAlert[];
};

const DAY_MS = 86_400_000;

export function createRetention(
  ctx: StoreContext,
  deps: { audit: AuditLog; settings: () => StoreSettings; inbox?: Pick<InboxRepo, 'runRetention'>; remoteCreates?: Pick<RemoteCreatesRepo, 'purgeDue'> },
): RetentionService {
  const db = ctx.db;

  function markIntent(appId: string): boolean {
    return db.prepare("UPDATE applications SET purge_state = 'purging', purge_started_at = ? WHERE id = ? AND purge_state = 'none'").run(ctx.now(), appId).changes === 1;
  }

  /** Steps 2 and 3: remove the files, then clear the rows. Only for an app already marked 'purging'. */
  function complete(appId: string, actor: string): number {
    const names = db.prepare('SELECT file_name FROM images WHERE app_id = ?').pluck().all(appId) as string[];
    removeSealedFiles(ctx.imagesDir, names);
    ctx.tx(() => {
      db.prepare('DELETE FROM images WHERE app_id = ?').run(appId);
      db.prepare('UPDATE documents SET personal_sealed = NULL, fields_sealed = NULL WHERE app_id = ?').run(appId);
      db.prepare(
        `UPDATE applications SET result_snapshot_sealed = NULL, last_message_sealed = NULL, fields_sealed = NULL, queued_label_sealed = NULL, purge_state = 'purged', purged_at = ?,
           revision = revision + 1, updated_at = ? WHERE id = ? AND purge_state = 'purging'`,
      ).run(ctx.now(), ctx.now(), appId);
      deps.audit.append({ action: 'store.purged', actor, appId, detail: { images: names.length } });
    });
    return names.length;
  }

  function purge(appId: string, actor: string): number {
    if (!ctx.tx(() => markIntent(appId))) return 0;
    return complete(appId, actor);
  }

  return {
    purgeNow(appId, actor) {
      purge(appId, actor);
    },

    runDue() {
      const s = deps.settings().retention;
      const now = ctx.now();
      const due = db
        .prepare(
          `SELECT id FROM applications WHERE purge_state = 'none' AND (
             step IN ('CANCELLED', 'CLOSED_BY_STAFF')
             OR (step = 'COMPLETED' AND result_status = 'final' AND published_at IS NOT NULL AND coalesce(result_checked_at, updated_at) <= ?)
           ) ORDER BY captured_at`,
        )
        .pluck()
        .all(now - s.purgeDelayMinutes * 60_000) as string[];
      let imagesRemoved = 0;
      for (const id of due) imagesRemoved += purge(id, 'system');

      const expired = ctx.tx(() => {
        const ids = db.prepare("SELECT id FROM applications WHERE purge_state = 'purged' AND purged_at <= ?").pluck().all(now - s.resultDays * DAY_MS) as string[];
        for (const id of ids) db.prepare('DELETE FROM applications WHERE id = ?').run(id);
        if (ids.length > 0) deps.audit.append({ action: 'store.retention-expired', actor: 'system', detail: { applications: ids.length, resultDays: s.resultDays } });
        return ids.length;
      });
      // Inbox rows of other origins: the same rules (the kiosk's own rows go with their application).
      const inbox = deps.inbox?.runRetention(s) ?? { purged: 0, expired: 0 };
      if (inbox.purged > 0 || inbox.expired > 0) ctx.log.info({ inboxPurged: inbox.purged, inboxExpired: inbox.expired }, 'inbox retention run');
      // Guest links and queued applications this kiosk created: the same delay and the same days.
      const links = deps.remoteCreates?.purgeDue(now, s.purgeDelayMinutes * 60_000, s.resultDays * DAY_MS) ?? { purged: 0, expired: 0 };
      if (due.length > 0 || expired > 0 || links.purged > 0 || links.expired > 0) {
        ctx.log.info({ purged: due.length, expired, imagesRemoved, linksPurged: links.purged, linksExpired: links.expired }, 'retention run');
      }
      return { purged: due.length, expired, imagesRemoved };
    },

    finishInterrupted() {
      const ids = db.prepare("SELECT id FROM applications WHERE purge_state = 'purging'").pluck().all() as string[];
      for (const id of ids) complete(id, 'system');
      return ids.length;
    },

    unsentAlerts() {
      const now = ctx.now();
      const ceiling = deps.settings().retention.unsentAlertHours * 3_600_000;
      const rows = db
        .prepare(
          `SELECT id, account_id, captured_at, step, attention_reason FROM applications
           WHERE published_at IS NULL AND step NOT IN ('COMPLETED', 'CANCELLED', 'CLOSED_BY_STAFF') AND captured_at <= ?
           ORDER BY captured_at`,
        )
        .all(now - ceiling) as Array<{ id: string; account_id: string; captured_at: number; step: Step; attention_reason: string | null }>;
      return rows.map((r) => ({ appId: r.id, accountId: r.account_id, capturedAt: r.captured_at, ageMs: now - r.captured_at, step: r.step, attentionReason: r.attention_reason }));
    },
  };
}
