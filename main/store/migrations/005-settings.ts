// Migration 5: settings that belong with the data (retention, capture floor, staff lockout), as
// opposed to settings.json, which holds how this computer runs the app. Runs in main (plain Node).
import type { Migration } from '../migrate';

export const settingsTable: Migration = {
  version: 5,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT
      ) STRICT;
    `);
  },
};
