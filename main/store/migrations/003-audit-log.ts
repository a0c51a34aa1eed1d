// Migration 3: the append-only, hash-chained audit log (issue 5 "Audit log"). Triggers refuse
// UPDATE and DELETE; the chain (audit-log.ts) reveals edits made by going around them.
// Runs in main (plain Node).
import type { Migration } from '../migrate';

export const auditLogTable: Migration = {
  version: 3,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq           INTEGER PRIMARY KEY,
        at            INTEGER NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        app_id        TEXT,
        container_ids TEXT NOT NULL DEFAULT '[]',
        detail        TEXT NOT NULL DEFAULT '{}',
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_app ON audit_log (app_id) WHERE app_id IS NOT NULL;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `);
  },
};
