// Migration 9: the results inbox (issue 10, RAW-API §13.4 item 2): one row per application the
// kiosk can see, whatever its origin, with its plain-word state, the holder data and result sealed,
// and per-account poll state (watermark on TrustID's clock, own-records mode, last deep sweep).
// Runs in main (plain Node).
import type { Migration } from '../migrate';

export const inboxTables: Migration = {
  version: 9,
  name: 'inbox',
  up(db) {
    db.exec(`
      -- The one results model. The kiosk's own submissions are mirrored here (id = app_id, removed
      -- with the application); every other row is keyed by its container id.
      CREATE TABLE inbox (
        id              TEXT PRIMARY KEY,
        account_id      TEXT NOT NULL,
        app_id          TEXT UNIQUE REFERENCES applications(id) ON DELETE CASCADE,
        container_id    TEXT UNIQUE,
        -- Kiosk reference (own) or ClientApplicationReference; not personal. reference_key is its
        -- upper-case form without separators, for search.
        reference       TEXT,
        reference_key   TEXT,
        origin          TEXT NOT NULL CHECK (origin IN ('kiosk', 'guest_link', 'queued', 'elsewhere')),
        storage_type    INTEGER,
        state           TEXT NOT NULL CHECK (state IN ('waiting_guest', 'waiting', 'being_checked', 'referred', 'result_ready', 'expired', 'revoked', 'withdrawn')),
        -- Non-personal verdict label once the result is final (accepted, failed, ...).
        verdict         TEXT,
        attention       INTEGER NOT NULL DEFAULT 0 CHECK (attention IN (0, 1)),
        document_count  INTEGER NOT NULL DEFAULT 0,
        -- TrustID's CreatedAt (own submissions: captured_at), epoch ms.
        created_at      INTEGER NOT NULL,
        first_seen_at   INTEGER NOT NULL,
        last_checked_at INTEGER,
        -- When the inbox next retrieves this container itself; NULL = not followed by the inbox.
        next_check_at   INTEGER,
        check_failures  INTEGER NOT NULL DEFAULT 0,
        final_at        INTEGER,
        -- JSON {name, guestName, guestEmail, fields:[{name, value}]}, AAD inbox.holder.<id>.
        holder_sealed   BLOB,
        -- The container as last retrieved (JSON), AAD inbox.snapshot.<id>; dropped by the purge.
        snapshot_sealed BLOB,
        purged_at       INTEGER,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX inbox_newest ON inbox (created_at DESC, id DESC);
      CREATE INDEX inbox_state_newest ON inbox (state, created_at DESC);
      CREATE INDEX inbox_origin_newest ON inbox (origin, created_at DESC);
      CREATE INDEX inbox_reference ON inbox (reference_key) WHERE reference_key IS NOT NULL;
      CREATE INDEX inbox_due ON inbox (next_check_at) WHERE next_check_at IS NOT NULL;
      CREATE INDEX inbox_final ON inbox (final_at) WHERE final_at IS NOT NULL;

      -- Keyed HMACs of each normalised name part (sealed-fields.ts), so a name is searchable without
      -- ever being stored in plain text.
      CREATE TABLE inbox_name_terms (
        term_hmac BLOB NOT NULL,
        inbox_id  TEXT NOT NULL REFERENCES inbox(id) ON DELETE CASCADE,
        PRIMARY KEY (term_hmac, inbox_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX inbox_name_terms_row ON inbox_name_terms (inbox_id);

      -- Per-account poll state (RAW-API §13.4): watermark = highest CreatedAt processed, on
      -- TrustID's clock; own_records_since set while the account lacks archive privilege.
      CREATE TABLE inbox_poll (
        account_id              TEXT PRIMARY KEY,
        watermark               INTEGER,
        last_poll_at            INTEGER,
        next_poll_at            INTEGER NOT NULL DEFAULT 0,
        last_deep_sweep_at      INTEGER,
        failures                INTEGER NOT NULL DEFAULT 0,
        own_records_since       INTEGER,
        next_privilege_check_at INTEGER,
        -- RAW-API §16 #21: set once the query has listed a Queued (7) container for this account.
        lists_queued            INTEGER NOT NULL DEFAULT 0 CHECK (lists_queued IN (0, 1)),
        updated_at              INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
