// Versioned, forward-only schema migrations. Each migration is one file in migrations/ and one line
// in migrations/index.ts. Applied versions are recorded in schema_migrations, so a migration missing
// from an older database is applied even when a higher number already is (numbers 1–99 belong to the
// store, 100+ to sync: both ranges grow in parallel). Runs in main (plain Node).
import type Database from 'better-sqlite3';
import { newerDatabaseError } from './store-errors';

export type Migration = {
  version: number;
  /** Short kebab-case description, recorded for people reading the database. */
  name: string;
  /**
   * Runs inside one transaction with the version record, so a crash leaves it applied or not at all.
   * Must not await: better-sqlite3 is synchronous and W3 keeps transactions off the event loop.
   */
  up(db: Database.Database): void;
  /**
   * For table rebuilds (SQLite's 12-step ALTER): foreign keys are switched off around the transaction
   * and `foreign_key_check` must come back empty before it commits.
   */
  rebuildsTables?: boolean;
};

export function checkMigrationList(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migrations must have increasing positive integer versions; ${m.version} (${m.name}) follows ${previous}`);
    }
    previous = m.version;
  }
}

export function appliedVersions(db: Database.Database): number[] {
  ensureLedger(db);
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[]).slice();
}

/** Applies every listed migration the database lacks, oldest first; returns the versions applied. */
export function migrate(db: Database.Database, list: readonly Migration[], now: () => number): number[] {
  checkMigrationList(list);
  const applied = new Set(appliedVersions(db));
  const known = new Set(list.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) throw newerDatabaseError(unknown);

  const done: number[] = [];
  for (const m of list) {
    if (applied.has(m.version)) continue;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.version} (${m.name}) left ${broken.length} foreign key violations`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
        // user_version mirrors the highest applied version for tools such as the sqlite3 shell.
        const highest = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number;
        db.pragma(`user_version = ${highest}`);
      })();
    } finally {
      if (m.rebuildsTables) db.pragma('foreign_keys = ON');
    }
    done.push(m.version);
  }
  return done;
}

function ensureLedger(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
}
