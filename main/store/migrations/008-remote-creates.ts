// Migration 8: the queued applications and guest links this kiosk creates (SUBMISSION-PROTOCOL §14.1),
// followed to their result (RAW-API §12.4, §14.3), and the duplicates it must delete (§14.2).
// Personal values (what staff typed, the link, TrustID's messages, the result) are sealed. Runs in main.
import type { Migration } from '../migrate';

export const remoteCreates: Migration = {
  version: 8,
  name: 'remote-creates',
  up(db) {
    db.exec(`
      -- One row per createQueuedDocumentContainer / createGuestLink record, keyed by the
      -- ClientApplicationReference sent with it. Times are epoch ms.
      CREATE TABLE remote_creates (
        reference        TEXT PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('queued', 'guest_link')),
        account_id       TEXT NOT NULL,
        branch_id        TEXT,
        created_by       TEXT,
        -- JSON { name?, email?, fields[] } sealed with AAD remote_creates.request.<reference>.
        request_sealed   BLOB,
        send_email       INTEGER NOT NULL DEFAULT 0 CHECK (send_email IN (0, 1)),
        phase            TEXT NOT NULL CHECK (phase IN ('PENDING', 'SENT')),
        sent_at          INTEGER,
        state            TEXT NOT NULL
                         CHECK (state IN ('creating', 'resolving', 'created', 'replaced', 'needs_attention', 'refused')),
        attention_reason TEXT,
        failures         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER,
        message_sealed   BLOB,
        container_id     TEXT,
        guest_id         TEXT,
        link_url_sealed  BLOB,
        expires_at       INTEGER,
        replaced_by      TEXT,
        -- Tracking (API §12.4, SUBMISSION-PROTOCOL §14.3).
        remote_state     TEXT CHECK (remote_state IN ('waiting', 'being_completed', 'submitted', 'referred', 'result', 'expired', 'revoked', 'withdrawn')),
        submitted_at     INTEGER,
        last_checked_at  INTEGER,
        next_check_at    INTEGER,
        check_failures   INTEGER NOT NULL DEFAULT 0,
        revoke_phase     TEXT CHECK (revoke_phase IN ('PENDING', 'SENT', 'DONE')),
        revoke_due_at    INTEGER,
        revoke_failures  INTEGER NOT NULL DEFAULT 0,
        result_sealed    BLOB,
        outcome          TEXT,
        final_at         INTEGER,
        purged_at        INTEGER,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX remote_creates_due ON remote_creates (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
      CREATE INDEX remote_creates_checks ON remote_creates (next_check_at) WHERE next_check_at IS NOT NULL;
      CREATE INDEX remote_creates_container ON remote_creates (container_id);

      -- Duplicates of a record's container to remove (§14.2 "several matches", "late duplicates").
      CREATE TABLE remote_create_deletes (
        container_id    TEXT PRIMARY KEY,
        reference       TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('queued', 'guest_link')),
        account_id      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'left')),
        failures        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
