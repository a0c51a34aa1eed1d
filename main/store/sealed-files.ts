// Sealed image files: written temp → fsync → rename, then one fsync of the folder, before the row
// that names them commits (SUBMISSION-PROTOCOL W0); read back with the seal and the SHA-256 of the
// plaintext checked; swept at start-up for temp files and orphans. Runs in main (plain Node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './atomic-write';

/** Writes all of `data` at the handle's position. Injected by tests to simulate a full disk. */
export type FileWriter = (handle: fsp.FileHandle, data: Uint8Array) => Promise<void>;

export const defaultFileWriter: FileWriter = (handle, data) => handle.writeFile(data);

export const SEALED_SUFFIX = '.sealed';
const TEMP_SUFFIX = '.tmp';

export function sealedFileName(imageId: string): string {
  return `${imageId}${SEALED_SUFFIX}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes every file durably, all or nothing: on any failure the temp files and the files already
 * renamed by this call are removed before the error is rethrown. The writes run concurrently so
 * their fsyncs overlap; the folder is fsynced once, after the last rename.
 */
export async function writeSealedFiles(dir: string, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, write: FileWriter = defaultFileWriter): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const temps: string[] = [];
  const results = await Promise.allSettled(
    files.map(async (f) => {
      const temp = path.join(dir, `.${f.name}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
      temps.push(temp);
      const handle = await fsp.open(temp, 'wx', 0o600);
      try {
        await write(handle, f.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const final = path.join(dir, f.name);
      await fsp.rename(temp, final);
      written.push(final);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    removeQuietly([...temps, ...written]);
    throw failed.reason;
  }
  fsyncDir(dir);
}

export function readSealedFile(dir: string, name: string): Buffer {
  return fs.readFileSync(path.join(dir, name));
}

/** Removes files (missing ones are fine) and makes the removal durable with one folder fsync. */
export function removeSealedFiles(dir: string, names: readonly string[]): number {
  if (names.length === 0) return 0;
  const removed = removeQuietly(names.map((n) => path.join(dir, n)));
  if (fs.existsSync(dir)) fsyncDir(dir);
  return removed;
}

export type SweepReport = {
  /** Sealed files that a row names and that exist. */
  files: number;
  tempRemoved: number;
  orphansRemoved: number;
  /** Rows whose file is missing: the sync worker will stop these for a retake. */
  missing: string[];
  /** Files that are neither ours nor temp files: left alone and reported. */
  unknown: number;
};

/**
 * Start-up only (SUBMISSION-PROTOCOL §7.7): a capture in progress has files without rows, so this
 * must never run beside captures.
 */
export function sweepSealedFiles(dir: string, referenced: ReadonlySet<string>): SweepReport {
  const report: SweepReport = { files: 0, tempRemoved: 0, orphansRemoved: 0, missing: [], unknown: 0 };
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set<string>();
  const remove: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) {
      remove.push(name);
      report.tempRemoved++;
    } else if (name.endsWith(SEALED_SUFFIX)) {
      if (referenced.has(name)) {
        present.add(name);
        report.files++;
      } else {
        remove.push(name);
        report.orphansRemoved++;
      }
    } else {
      report.unknown++;
    }
  }
  removeSealedFiles(dir, remove);
  for (const name of referenced) if (!present.has(name)) report.missing.push(name);
  return report;
}

function removeQuietly(files: readonly string[]): number {
  let removed = 0;
  for (const file of files) {
    try {
      fs.rmSync(file);
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
