import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/logging/logger';
import { DATABASE_FILE, openDatabase } from '../../../../main/store/database';
import { migrations } from '../../../../main/store/migrations';
import { tempDir } from './store-fixture';

const now = () => Date.UTC(2026, 10, 25, 12, 30, 0);
const open = (dir: string) => openDatabase({ dataDir: dir, migrations, now, log: silentLogger() });

/** A database with enough pages that scribbling over the middle of the file hits a b-tree page. */
function populatedDatabase(dir: string): string {
  const { db } = open(dir);
  const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`k${i}`, 'v'.repeat(200));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path.join(dir, DATABASE_FILE);
}

describe('openDatabase', () => {
  it('runs WAL with synchronous=FULL, foreign keys on and a busy timeout', () => {
    const { db, report } = open(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(report).toMatchObject({ created: true, integrity: 'ok', damaged: null });
    db.close();
  });

  it('creates the database file readable by its owner only', () => {
    const dir = tempDir();
    open(dir).db.close();
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, DATABASE_FILE)).mode & 0o077).toBe(0);
  });

  it('reopens an intact database without recreating or migrating it again', () => {
    const dir = tempDir();
    open(dir).db.close();
    const { db, report } = open(dir);
    expect(report).toMatchObject({ created: false, integrity: 'ok', migrationsApplied: [] });
    db.close();
  });

  it('moves a database that fails integrity_check aside with its wal, shm and images, and starts fresh', () => {
    const dir = tempDir();
    const file = populatedDatabase(dir);
    fs.mkdirSync(path.join(dir, 'images'));
    fs.writeFileSync(path.join(dir, 'images', 'abc.sealed'), 'sealed bytes');
    fs.writeFileSync(`${file}-wal`, '');
    const original = fs.readFileSync(file);
    const damaged = Buffer.from(original);
    // Scribble over pages in the middle of the file: their b-tree headers become nonsense.
    damaged.fill(0x5a, 4096 * 20, 4096 * 40);
    fs.writeFileSync(file, damaged);

    const { db, report } = open(dir);
    expect(report.integrity).toBe('recovered');
    const aside = report.damaged!.dir;
    expect(path.basename(aside)).toBe('damaged-2026-11-25T12-30-00-000Z');
    expect(fs.readFileSync(path.join(aside, DATABASE_FILE)).equals(damaged)).toBe(true);
    expect(fs.existsSync(path.join(aside, `${DATABASE_FILE}-wal`))).toBe(true);
    expect(fs.readFileSync(path.join(aside, 'images', 'abc.sealed'), 'utf8')).toBe('sealed bytes');
    expect(report.damaged!.message).toContain(aside);
    expect(db.prepare('SELECT count(*) FROM meta').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('treats a file that is not a database at all the same way', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DATABASE_FILE), 'this is not an SQLite database, just text that got here somehow'.repeat(100));
    const { db, report } = open(dir);
    expect(report.integrity).toBe('recovered');
    expect(report.damaged!.problem).toMatch(/SQLITE_NOTADB/);
    expect(fs.readFileSync(path.join(report.damaged!.dir, DATABASE_FILE), 'utf8')).toMatch(/^this is not an SQLite database/);
    db.close();
  });

  it('never reuses a damaged-<time> folder that already exists', () => {
    const dir = tempDir();
    for (let i = 0; i < 2; i++) {
      fs.writeFileSync(path.join(dir, DATABASE_FILE), 'garbage'.repeat(1000));
      open(dir).db.close();
    }
    fs.writeFileSync(path.join(dir, DATABASE_FILE), 'garbage'.repeat(1000));
    const { db, report } = open(dir);
    expect(path.basename(report.damaged!.dir)).toBe('damaged-2026-11-25T12-30-00-000Z-3');
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('damaged-'))).toHaveLength(3);
    db.close();
  });

  it('leaves a database that a newer build migrated untouched and says so', () => {
    const dir = tempDir();
    open(dir).db.close();
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('from-the-future');
    raw.close();
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'store.newer-database' }));
    expect(fs.readdirSync(dir).some((n) => n.startsWith('damaged-'))).toBe(false);
  });
});
