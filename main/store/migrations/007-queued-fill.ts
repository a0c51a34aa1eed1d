// Migration 7: completing a queued application at the desk (SUBMISSION-PROTOCOL §13.2). Apps and
// container attempts get an origin; a queued app keeps its fixed container, a sealed display label,
// the step RECONCILE is settling and the foreign DocumentIds; remote documents keep the marker they
// were sent with; the account evidence flags get a table of their own. Runs in main.
import type { Migration } from '../migrate';

export const queuedFill: Migration = {
  version: 7,
  name: 'queued-fill',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN origin TEXT NOT NULL DEFAULT 'kiosk' CHECK (origin IN ('kiosk', 'queued'));
      -- RECONCILE's target (§13.4): the build step being settled and why ('ambiguous' | 'rejected').
      ALTER TABLE applications ADD COLUMN reconcile_step TEXT CHECK (reconcile_step IN ('CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO'));
      ALTER TABLE applications ADD COLUMN reconcile_cause TEXT CHECK (reconcile_cause IN ('ambiguous', 'rejected'));
      -- JSON array of TrustID ids found in C that this app did not create (no personal data).
      ALTER TABLE applications ADD COLUMN foreign_documents TEXT NOT NULL DEFAULT '[]';
      -- The queued container's label as listed (flexible-field values, who prepared it): personal,
      -- sealed with AAD applications.queued_label.<id>, and purged with the rest.
      ALTER TABLE applications ADD COLUMN queued_label_sealed BLOB;

      ALTER TABLE containers ADD COLUMN origin TEXT NOT NULL DEFAULT 'kiosk' CHECK (origin IN ('kiosk', 'queued'));
      ALTER TABLE remote_documents ADD COLUMN marker TEXT;

      -- One container may be completed by one local app only, whatever happens (I11).
      CREATE UNIQUE INDEX containers_queued_once ON containers (container_id) WHERE origin = 'queued';

      -- I11 on the row: a queued container is never abandoned, except by the audited
      -- "Submit as a new application", which only marks it as left behind locally (§10).
      CREATE TRIGGER containers_queued_never_abandoned BEFORE UPDATE OF abandoned_at ON containers
      WHEN NEW.origin = 'queued' AND OLD.abandoned_at IS NULL AND NEW.abandoned_at IS NOT NULL
        AND coalesce(NEW.abandon_reason, '') <> 'staff_submitted_new'
      BEGIN
        SELECT RAISE(ABORT, 'I11: a queued container is never abandoned');
      END;

      -- The I1 and abandon-guard triggers of migration 1 accept the second audited override too.
      DROP TRIGGER containers_i1_insert;
      CREATE TRIGGER containers_i1_insert BEFORE INSERT ON containers
      WHEN NOT EXISTS (SELECT 1 FROM containers WHERE container_id = NEW.container_id) AND EXISTS (
        SELECT 1 FROM containers c
        WHERE c.app_id = NEW.app_id
          AND (c.publish_ambiguous = 1 OR c.publish_last_outcome = 'ok')
          AND coalesce(c.abandon_reason, '') NOT IN ('staff_declared_unpublished', 'staff_submitted_new')
      )
      BEGIN
        SELECT RAISE(ABORT, 'I1: a container of this application may already be published');
      END;
      DROP TRIGGER containers_abandon_guard;
      CREATE TRIGGER containers_abandon_guard BEFORE UPDATE OF abandoned_at ON containers
      WHEN OLD.abandoned_at IS NULL AND NEW.abandoned_at IS NOT NULL
        AND (NEW.publish_ambiguous = 1 OR NEW.publish_last_outcome = 'ok')
        AND coalesce(NEW.abandon_reason, '') NOT IN ('staff_declared_unpublished', 'staff_submitted_new')
      BEGIN
        SELECT RAISE(ABORT, 'abandon guard: this container may have been published');
      END;

      -- §13.2 account evidence: what the service has been seen to do. Flags only ever go 0 → 1.
      CREATE TABLE account_evidence (
        account_id                  TEXT PRIMARY KEY,
        queued_reads_show_documents INTEGER NOT NULL DEFAULT 0 CHECK (queued_reads_show_documents IN (0, 1)),
        markers_echoed              INTEGER NOT NULL DEFAULT 0 CHECK (markers_echoed IN (0, 1)),
        query_lists_queued          INTEGER NOT NULL DEFAULT 0 CHECK (query_lists_queued IN (0, 1)),
        updated_at                  INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER account_evidence_never_cleared BEFORE UPDATE ON account_evidence
      WHEN NEW.queued_reads_show_documents < OLD.queued_reads_show_documents
        OR NEW.markers_echoed < OLD.markers_echoed
        OR NEW.query_lists_queued < OLD.query_lists_queued
      BEGIN
        SELECT RAISE(ABORT, 'account evidence flags are never cleared');
      END;
    `);
  },
};
