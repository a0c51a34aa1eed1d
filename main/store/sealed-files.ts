// Sealed image files: written temp → fsync → rename, then one fsync of the folder, before the row
// that names them commits (SUBMISSION-PROTOCOL W0); read back with the seal and the SHA-256 of the
// plaintext checked; swept at start-up for temp files and orphans. Runs in main (plain Node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fsyncDir } from './atomic-write';
import { noStageTimer, timed, type StageTimer } from './save-stages';

/**
 * Writes the chunks, in order, to the open file. Injected by tests to simulate a full disk. One
 * vectored write on the thread pool: the main thread goes on sealing the next image meanwhile.
 */
export type FileWriter = (fd: number, chunks: readonly Uint8Array[]) => Promise<void>;

const writevAsync = promisify(fs.writev);
const fsyncAsync = promisify(fs.fsync);

export const defaultFileWriter: FileWriter = async (fd, chunks) => {
  let rest = [...chunks];
  while (rest.length > 0) {
    // A regular file takes it all in one call; a short write (a signal, a nearly full disk) goes on.
    let written = (await writevAsync(fd, rest)).bytesWritten;
    const next: Uint8Array[] = [];
    for (const chunk of rest) {
      if (written >= chunk.byteLength) written -= chunk.byteLength;
      else {
        next.push(chunk.subarray(written));
        written = 0;
      }
    }
    rest = next;
  }
};

export const SEALED_SUFFIX = '.sealed';
const TEMP_SUFFIX = '.tmp';

export function sealedFileName(imageId: string): string {
  return `${imageId}${SEALED_SUFFIX}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A set of sealed files being written together: each starts as soon as it is added. */
export type SealedFileBatch = {
  /**
   * Writes one file to a temp name and starts its fsync (then rename), returning while the disk
   * works so the caller can seal the next image.
   */
  add(name: string, chunks: readonly Uint8Array[]): void;
  /**
   * Waits for every file, then fsyncs the folder once. All or nothing: on any failure the temp files
   * and the files already renamed by this batch are removed before the first error is rethrown.
   */
  done(): Promise<void>;
  /** For a caller that fails before done(): waits for the writes in flight and removes them all. */
  abandon(): Promise<void>;
};

export function startSealedFiles(dir: string, write: FileWriter = defaultFileWriter, timer: StageTimer = noStageTimer): SealedFileBatch {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const temps: string[] = [];
  const pending: Array<Promise<void>> = [];

  async function writeOne(name: string, chunks: readonly Uint8Array[]): Promise<void> {
    const temp = path.join(dir, `.${name}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    temps.push(temp);
    // Opened here, synchronously (microseconds), so the write is queued before the caller seals the next image.
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      let started = performance.now();
      await write(fd, chunks);
      timer('write', performance.now() - started);
      started = performance.now();
      await fsyncAsync(fd);
      timer('fsync', performance.now() - started);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path.join(dir, name));
    written.push(path.join(dir, name));
  }

  const started = performance.now();
  async function settle(): Promise<unknown> {
    const results = await Promise.allSettled(pending);
    timer('files', performance.now() - started);
    return results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
  }

  return {
    add(name, chunks) {
      const writing = writeOne(name, chunks);
      // Seen by done() or abandon(); until then a failure must not count as unhandled.
      writing.catch(() => undefined);
      pending.push(writing);
    },
    async done() {
      const failure = await settle();
      if (failure !== undefined) {
        removeQuietly([...temps, ...written]);
        throw failure;
      }
      timed(timer, 'dir-fsync', () => fsyncDir(dir));
    },
    async abandon() {
      await settle();
      removeQuietly([...temps, ...written]);
    },
  };
}

/** Writes every file durably, all or nothing (see SealedFileBatch); the writes overlap. */
export async function writeSealedFiles(dir: string, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, write: FileWriter = defaultFileWriter): Promise<void> {
  const batch = startSealedFiles(dir, write);
  for (const f of files) batch.add(f.name, [f.bytes]);
  await batch.done();
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
