// Opens the SQLite database: durable pragmas, integrity_check, moving a damaged file aside, then the
// migrations. DESIGN "Data and durability"; SUBMISSION-PROTOCOL W4. Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import { fsyncDir } from './atomic-write';
import { migrate, type Migration } from './migrate';

export const DATABASE_FILE = 'scan-station.sqlite';
export const IMAGES_DIR = 'images';

export type DamagedDatabase = {
  /** Where the damaged database (and its -wal, -shm and image files) now lives. */
  dir: string;
  /** What SQLite said, for the log and support. */
  problem: string;
  /** Plain words for staff and administrators. */
  message: string;
};

export type OpenReport = {
  file: string;
  created: boolean;
  integrity: 'ok' | 'recovered';
  damaged: DamagedDatabase | null;
  migrationsApplied: number[];
  ms: number;
};

export type OpenDatabaseOptions = {
  dataDir: string;
  migrations: readonly Migration[];
  now: () => number;
  log: Logger;
};

export function openDatabase(opts: OpenDatabaseOptions): { db: Database.Database; report: OpenReport } {
  const started = performance.now();
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.dataDir, DATABASE_FILE);

  let created = !fs.existsSync(file);
  let damaged: DamagedDatabase | null = null;
  const problem = created ? null : checkIntegrity(file);
  if (problem !== null) {
    damaged = moveDamagedAside(opts.dataDir, problem, opts.now());
    opts.log.error({ problem, dir: damaged.dir }, 'database failed its integrity check and was moved aside');
    created = true;
  }
  const db = connect(file);
  // A new database file (and the folder made for it) must survive a power cut like any other write.
  if (created) fsyncDir(opts.dataDir);

  try {
    const migrationsApplied = migrate(db, opts.migrations, opts.now);
    return {
      db,
      report: { file, created, integrity: damaged ? 'recovered' : 'ok', damaged, migrationsApplied, ms: performance.now() - started },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(file: string): Database.Database {
  // SQLite gives -wal and -shm the main file's permissions, so creating it owner-only first keeps
  // all three private (the rows hold only sealed personal data, but nobody else needs to read them).
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = new Database(file);
  try {
    // better-sqlite3's WAL default is synchronous=NORMAL, which can lose acknowledged commits on
    // power loss; FULL fsyncs the WAL on every commit (W4).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * integrity_check on a read-only connection: closing it never checkpoints or deletes the -wal, so a
 * damaged database is moved aside exactly as it was found.
 */
function checkIntegrity(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return integrityProblem(db);
  } catch (error) {
    const text = corruptionText(error);
    if (text === null) throw error;
    return text;
  } finally {
    db?.close();
  }
}

/** null when integrity_check says ok; otherwise its first lines. */
export function integrityProblem(db: Database.Database): string | null {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (rows.length === 1 && rows[0]?.integrity_check === 'ok') return null;
  return rows
    .slice(0, 5)
    .map((r) => r.integrity_check)
    .join('; ');
}

/** SQLite's "this is not a usable database" errors; anything else is not ours to handle here. */
function corruptionText(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_IOERR_SHORT_READ') {
    return `${String(code)}: ${(error as Error).message}`;
  }
  return null;
}

/**
 * Moves the damaged database, its -wal/-shm and the image files it names to damaged-<time>/, so
 * nothing is ever deleted (issue 5) and a fresh database can start. The images go too: the fresh
 * database does not know them, and the start-up sweep would otherwise remove them as orphans.
 */
export function moveDamagedAside(dataDir: string, problem: string, now: number): DamagedDatabase {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let dir = path.join(dataDir, `damaged-${stamp}`);
  for (let n = 2; fs.existsSync(dir); n++) dir = path.join(dataDir, `damaged-${stamp}-${n}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`, IMAGES_DIR]) {
    const from = path.join(dataDir, name);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, name));
  }
  fsyncDir(dir);
  fsyncDir(dataDir);
  return {
    dir,
    problem,
    message:
      `The local database was damaged, so Scan Station moved it, with its images, to ${dir} and started with an empty one. ` +
      'Applications that had not reached TrustID yet are in that folder: keep it and ask support to recover them, or scan those documents again.',
  };
}
