import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/logging/logger';
import { openDatabase } from '../../../../main/store/database';
import { appliedVersions, checkMigrationList, migrate, type Migration } from '../../../../main/store/migrate';
import { migrations } from '../../../../main/store/migrations';
import { tempDir } from './store-fixture';

const now = () => 1_700_000_000_000;

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<Record<string, string>>).map(
    (r) => `${r.type} ${r.name} ${r.tbl_name} ${(r.sql ?? '').replace(/\s+/g, ' ')}`,
  );
}

/** Rows a database at each version can hold; seeded cumulatively before upgrading. */
const seeds: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    db.prepare("INSERT INTO kiosk (id, device_id, updated_at) VALUES (1, 'kiosk-seed', 1)").run();
    db.prepare("INSERT INTO applications (id, account_id, captured_at, step, phase, next_attempt_at, updated_at) VALUES ('app-1', 'kiosk', 1, 'AWAIT_RESULT', 'PENDING', 1, 1)").run();
    db.prepare("INSERT INTO documents (id, app_id, doc_index, created_at) VALUES ('doc-1', 'app-1', 0, 1)").run();
    db.prepare(
      "INSERT INTO images (id, app_id, document_id, img_index, image_type, side, light, mime, size, sealed_size, sha256, file_name, created_at) VALUES ('img-1', 'app-1', 'doc-1', 0, 2, 'front', 'white', 'image/jpeg', 10, 39, 'ab', 'img-1.sealed', 1)",
    ).run();
    db.prepare("INSERT INTO containers (container_id, app_id, created_at, publish_attempted, publish_last_outcome) VALUES ('c-1', 'app-1', 1, 1, 'ok')").run();
    db.prepare("INSERT INTO remote_documents (container_id, doc_index, document_id, created_at) VALUES ('c-1', 0, 'd-remote', 1)").run();
  },
  2: (db) => void db.prepare("INSERT INTO results (app_id, outcome, final_at, updated_at) VALUES ('app-1', 'pass', 2, 2)").run(),
  3: (db) =>
    void db.prepare("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) VALUES (1, 3, 'system', 'capture.saved', ?, 'h')").run('0'.repeat(64)),
  4: (db) => void db.prepare("INSERT INTO staff (id, name, role, pin_verifier, created_at, updated_at) VALUES ('s-1', 'Ada', 'admin', 'x', 4, 4)").run(),
  5: (db) => void db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('retention.resultDays', '14', 5)").run(),
};

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

describe('migrations', () => {
  it('the shipped list has increasing versions and the store keeps to 1–99', () => {
    expect(() => checkMigrationList(migrations)).not.toThrow();
    for (const m of migrations.filter((m) => m.version < 100)) expect(m.name).toMatch(/^[a-z0-9-]+$/);
  });

  it('a fresh database ends with every migration recorded and user_version at the highest', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrations, now, log: silentLogger() });
    expect(appliedVersions(db)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });

  const latest = (() => {
    const db = new Database(':memory:');
    migrate(db, migrations, now);
    const schema = schemaOf(db);
    db.close();
    return schema;
  })();

  for (let from = 0; from < migrations.length; from++) {
    it(`upgrades a database at version ${from === 0 ? 0 : migrations[from - 1]!.version} to the latest schema, keeping its rows`, () => {
      const dir = tempDir();
      const older = openDatabase({ dataDir: dir, migrations: migrations.slice(0, from), now, log: silentLogger() }).db;
      for (const m of migrations.slice(0, from)) seeds[m.version]?.(older);
      const before = rowCounts(older);
      older.close();

      const { db, report } = openDatabase({ dataDir: dir, migrations, now, log: silentLogger() });
      expect(report.migrationsApplied).toEqual(migrations.slice(from).map((m) => m.version));
      expect(schemaOf(db)).toEqual(latest);
      const after = rowCounts(db);
      for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('applies a lower-numbered migration that a database lacks even when a higher one is applied', () => {
    const db = new Database(':memory:');
    const a: Migration = { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') };
    const b: Migration = { version: 100, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT') };
    const c: Migration = { version: 6, name: 'c', up: (d) => d.exec('CREATE TABLE c (x INTEGER) STRICT') };
    migrate(db, [a, b], now);
    expect(migrate(db, [a, c, b], now)).toEqual([6]);
    expect(appliedVersions(db)).toEqual([1, 6, 100]);
    expect(db.pragma('user_version', { simple: true })).toBe(100);
  });

  it('refuses a database that a newer build migrated, without changing it', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') }, { version: 2, name: 'b', up: () => {} }], now);
    expect(() => migrate(db, [{ version: 1, name: 'a', up: () => {} }, { version: 3, name: 'c', up: (d) => d.exec('CREATE TABLE c (x INTEGER) STRICT') }], now)).toThrow(
      expect.objectContaining({ code: 'store.newer-database' }),
    );
    expect(appliedVersions(db)).toEqual([1, 2]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
  });

  it('rolls a failing migration back completely and records nothing for it', () => {
    const db = new Database(':memory:');
    const bad: Migration = {
      version: 2,
      name: 'bad',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [{ version: 1, name: 'a', up: () => {} }, bad], now)).toThrow('boom');
    expect(appliedVersions(db)).toEqual([1]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('runs a table rebuild with foreign keys off and refuses to commit one that breaks them', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      [
        {
          version: 1,
          name: 'base',
          up: (d) => d.exec('CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE c (p INTEGER REFERENCES p(id)) STRICT; INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);'),
        },
      ],
      now,
    );
    const rebuild = (keepParent: boolean): Migration => ({
      version: 2,
      name: 'rebuild',
      rebuildsTables: true,
      up: (d) =>
        d.exec(`CREATE TABLE p_new (id INTEGER PRIMARY KEY, label TEXT) STRICT; ${keepParent ? 'INSERT INTO p_new (id) SELECT id FROM p;' : ''} DROP TABLE p; ALTER TABLE p_new RENAME TO p;`),
    });
    expect(() => migrate(db, [{ version: 1, name: 'base', up: () => {} }, rebuild(false)], now)).toThrow(/foreign key violations/);
    expect(appliedVersions(db)).toEqual([1]);
    expect(migrate(db, [{ version: 1, name: 'base', up: () => {} }, rebuild(true)], now)).toEqual([2]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('rejects a list whose versions do not increase', () => {
    expect(() => checkMigrationList([{ version: 2, name: 'a', up: () => {} }, { version: 2, name: 'b', up: () => {} }])).toThrow(/increasing/);
    expect(() => checkMigrationList([{ version: 0, name: 'a', up: () => {} }])).toThrow(/increasing/);
  });
});
