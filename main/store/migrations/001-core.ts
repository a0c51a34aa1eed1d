// Migration 1: the kiosk row, TrustID accounts, applications with their submission state, captured
// documents and images, container attempts and remote items (SUBMISSION-PROTOCOL §3.1).
// Runs in main (plain Node).
import type { Migration } from '../migrate';

export const coreTables: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      -- Small facts about the database itself (the data key's fingerprint, ...).
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- §3.1 "Kiosk (one row)". TrustID credentials of the kiosk account stay in the sealed secrets
      -- file (main/config/secret-store.ts), not here.
      CREATE TABLE kiosk (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        device_id          TEXT NOT NULL,
        queue_state        TEXT NOT NULL DEFAULT 'RUNNING'
                           CHECK (queue_state IN ('RUNNING', 'OFFLINE', 'PAUSED_AUTH', 'PAUSED_CONFIG')),
        -- REAL: the online clock advances in fractions of a second between writes.
        online_clock_s     REAL NOT NULL DEFAULT 0,
        not_before         INTEGER,
        transport_failures INTEGER NOT NULL DEFAULT 0,
        probe_failures     INTEGER NOT NULL DEFAULT 0,
        last_sync_at       INTEGER,
        updated_at         INTEGER NOT NULL
      ) STRICT;

      -- The account each application syncs under (issue 5): the kiosk's shared account (row 'kiosk',
      -- credentials in the secrets file) or a staff member's own (personal mode, sealed here).
      CREATE TABLE trustid_accounts (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL CHECK (kind IN ('kiosk', 'personal')),
        username_sealed BLOB,
        password_sealed BLOB,
        pause_state     TEXT CHECK (pause_state IN ('PAUSED_AUTH', 'PAUSED_CONFIG')),
        paused_at       INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      INSERT INTO trustid_accounts (id, kind, created_at, updated_at)
        VALUES ('kiosk', 'kiosk', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));

      -- §3.1 "Application": identity, scheduling, failure tracking, result, staff-facing state, plus
      -- the capture's own facts and the purge state. Times are epoch ms; *_online_s are seconds of
      -- the online clock. Personal values are sealed (*_sealed, AES-256-GCM, AAD table.column.id).
      CREATE TABLE applications (
        id                      TEXT PRIMARY KEY,
        account_id              TEXT NOT NULL REFERENCES trustid_accounts(id),
        captured_at             INTEGER NOT NULL,
        captured_by             TEXT,
        step                    TEXT NOT NULL,
        step_doc_index          INTEGER NOT NULL DEFAULT 0,
        step_img_index          INTEGER NOT NULL DEFAULT 0,
        phase                   TEXT NOT NULL CHECK (phase IN ('PENDING', 'SENT')),
        sent_at                 INTEGER,
        current_container_id    TEXT,
        failures                INTEGER NOT NULL DEFAULT 0,
        streak_started_online_s REAL,
        session_renewals        INTEGER NOT NULL DEFAULT 0,
        rejections              INTEGER NOT NULL DEFAULT 0,
        restarts                INTEGER NOT NULL DEFAULT 0,
        next_attempt_at         INTEGER NOT NULL,
        retry_after_until       INTEGER,
        last_outcome_class      TEXT,
        last_http_status        INTEGER,
        last_message_sealed     BLOB,
        published_at            INTEGER,
        result_status           TEXT CHECK (result_status IN ('processing', 'referred', 'final')),
        result_snapshot_sealed  BLOB,
        result_checked_at       INTEGER,
        attention_reason        TEXT,
        attention_at            INTEGER,
        verify_round            INTEGER NOT NULL DEFAULT 0,
        verify_started_at       INTEGER,
        -- Bumped by every write, so the worker and staff edits never overwrite each other unseen.
        revision                INTEGER NOT NULL DEFAULT 0,
        -- Crash-safe purge: 'purging' is the intent mark written before any file is removed.
        purge_state             TEXT NOT NULL DEFAULT 'none' CHECK (purge_state IN ('none', 'purging', 'purged')),
        purge_started_at        INTEGER,
        purged_at               INTEGER,
        updated_at              INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX applications_captured_at ON applications (captured_at);
      CREATE INDEX applications_due ON applications (step, next_attempt_at) WHERE attention_reason IS NULL;
      CREATE INDEX applications_purge ON applications (purge_state, step);

      CREATE TABLE documents (
        id              TEXT PRIMARY KEY,
        app_id          TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        doc_index       INTEGER NOT NULL CHECK (doc_index >= 0),
        format          TEXT NOT NULL DEFAULT 'unknown',
        -- JSON of the document's personal fields (names, MRZ, number, dates); NULL once purged.
        personal_sealed BLOB,
        -- HMAC-SHA-256 of the normalised surname under a key derived from the data key: exact search
        -- on the results screen without the name ever being stored in plain text.
        surname_hmac    BLOB,
        created_at      INTEGER NOT NULL,
        UNIQUE (app_id, doc_index)
      ) STRICT;
      CREATE INDEX documents_surname_hmac ON documents (surname_hmac) WHERE surname_hmac IS NOT NULL;

      -- §3.1 "Local images". The file is images/<file_name>, sealed; sha256 is of the plaintext.
      -- The applicant photo has no document (document_id NULL) and img_index -1.
      CREATE TABLE images (
        id          TEXT PRIMARY KEY,
        app_id      TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        img_index   INTEGER NOT NULL,
        image_type  INTEGER NOT NULL,
        side        TEXT NOT NULL CHECK (side IN ('front', 'back', 'page', 'photo')),
        light       TEXT NOT NULL CHECK (light IN ('white', 'infrared', 'ultraviolet')),
        mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
        size        INTEGER NOT NULL CHECK (size > 0),
        sealed_size INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        file_name   TEXT NOT NULL UNIQUE,
        created_at  INTEGER NOT NULL,
        CHECK ((document_id IS NULL) = (img_index = -1))
      ) STRICT;
      CREATE INDEX images_app ON images (app_id);
      CREATE UNIQUE INDEX images_position ON images (document_id, img_index) WHERE document_id IS NOT NULL;
      CREATE UNIQUE INDEX images_applicant_photo ON images (app_id) WHERE document_id IS NULL;

      -- §3.1 "Container attempt".
      CREATE TABLE containers (
        container_id           TEXT PRIMARY KEY,
        app_id                 TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        created_at             INTEGER NOT NULL,
        publish_attempted      INTEGER NOT NULL DEFAULT 0 CHECK (publish_attempted IN (0, 1)),
        publish_ambiguous      INTEGER NOT NULL DEFAULT 0 CHECK (publish_ambiguous IN (0, 1)),
        publish_last_outcome   TEXT NOT NULL DEFAULT 'none'
                               CHECK (publish_last_outcome IN ('none', 'ok', 'not_applied', 'ambiguous', 'rejected')),
        published_confirmed_at INTEGER,
        abandoned_at           INTEGER,
        abandon_reason         TEXT
      ) STRICT;
      CREATE INDEX containers_app ON containers (app_id);

      -- Invariant I1 (§9) as a last line of defence under the state machine: no new container while
      -- another of the same app may have been published, unless staff declared it unpublished (§10).
      -- BEFORE INSERT also fires for an upsert of an existing row, hence the first condition.
      CREATE TRIGGER containers_i1_insert BEFORE INSERT ON containers
      WHEN NOT EXISTS (SELECT 1 FROM containers WHERE container_id = NEW.container_id) AND EXISTS (
        SELECT 1 FROM containers c
        WHERE c.app_id = NEW.app_id
          AND (c.publish_ambiguous = 1 OR c.publish_last_outcome = 'ok')
          AND coalesce(c.abandon_reason, '') <> 'staff_declared_unpublished'
      )
      BEGIN
        SELECT RAISE(ABORT, 'I1: a container of this application may already be published');
      END;

      -- The abandon guard of §7.3, enforced on the row itself.
      CREATE TRIGGER containers_abandon_guard BEFORE UPDATE OF abandoned_at ON containers
      WHEN OLD.abandoned_at IS NULL AND NEW.abandoned_at IS NOT NULL
        AND (NEW.publish_ambiguous = 1 OR NEW.publish_last_outcome = 'ok')
        AND coalesce(NEW.abandon_reason, '') <> 'staff_declared_unpublished'
      BEGIN
        SELECT RAISE(ABORT, 'abandon guard: this container may have been published');
      END;

      -- §3.1 "Remote items". Kept after a container is abandoned, for audit. The applicant photo has
      -- doc_index -1 and img_index -1.
      CREATE TABLE remote_documents (
        container_id TEXT NOT NULL REFERENCES containers(container_id) ON DELETE CASCADE,
        doc_index    INTEGER NOT NULL,
        document_id  TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (container_id, doc_index)
      ) STRICT;

      CREATE TABLE remote_images (
        container_id TEXT NOT NULL REFERENCES containers(container_id) ON DELETE CASCADE,
        doc_index    INTEGER NOT NULL,
        img_index    INTEGER NOT NULL,
        image_type   INTEGER NOT NULL,
        image_id     TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (container_id, doc_index, img_index)
      ) STRICT;
    `);
  },
};
