// Migration 4: local staff accounts for the shared-account mode (name, scrypt PIN verifier, role,
// lockout) and the link from a personal TrustID account to its staff member. Runs in main (plain Node).
import type { Migration } from '../migrate';

export const staffTable: Migration = {
  version: 4,
  name: 'staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL COLLATE NOCASE UNIQUE,
        role            TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
        -- 'scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>': never the PIN itself.
        pin_verifier    TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    INTEGER,
        disabled_at     INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE trustid_accounts ADD COLUMN staff_id TEXT REFERENCES staff(id);
      CREATE UNIQUE INDEX trustid_accounts_staff ON trustid_accounts (staff_id) WHERE staff_id IS NOT NULL;
    `);
  },
};
