// Migration 2: result metadata that outlives the purge of personal data (issue 5 "Purge and
// retention"): a non-personal outcome summary, kept for the configured number of days.
// Runs in main (plain Node).
import type { Migration } from '../migrate';

export const resultsTable: Migration = {
  version: 2,
  name: 'results',
  up(db) {
    db.exec(`
      CREATE TABLE results (
        app_id          TEXT PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        -- A short label from the final result (e.g. 'pass', 'refer', 'fail'); never a name or number.
        outcome         TEXT NOT NULL,
        final_at        INTEGER NOT NULL,
        first_viewed_at INTEGER,
        updated_at      INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
