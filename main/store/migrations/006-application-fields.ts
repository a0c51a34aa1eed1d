// Migration 6: application custom fields (issue 6 item 3). The values staff typed go in one sealed
// column on the application (personal, like the document fields); the account's field definitions
// are cached per TrustID account so an offline kiosk still shows the form (not personal). Runs in main.
import type { Migration } from '../migrate';

export const applicationFields: Migration = {
  version: 6,
  name: 'application-fields',
  up(db) {
    db.exec(`
      -- JSON array of { fieldId, versionId?, kind, value } sealed with AAD applications.fields.<id>;
      -- NULL when the capture had none, and again once the application is purged.
      ALTER TABLE applications ADD COLUMN fields_sealed BLOB;

      -- RAW-API §7.8 definitions as the kiosk shows them, one row per TrustID account. No foreign
      -- key: a cached form for an account since removed is harmless and replaced on next fetch.
      CREATE TABLE field_definitions (
        account_id  TEXT PRIMARY KEY,
        definitions TEXT NOT NULL,
        fetched_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
