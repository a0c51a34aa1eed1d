// A size-rotated log file for pino: app.log, app.1.log … app.N.log. Runs in main (plain Node).
// Synchronous writes on purpose: a log line written just before a crash must reach the disk.
// A log line is never worth the process: when the disk is full (or the folder cannot be opened)
// lines are dropped and counted, the count is reported in health, and writing resumes by itself.
import fs from 'node:fs';
import path from 'node:path';

export type RotatingFile = {
  write(line: string): void;
  close(): void;
  readonly path: string;
  /** Lines dropped since the file was opened because they could not be written. */
  dropped(): number;
};

/** The file operations the log uses; tests inject failures (ENOSPC) through these. */
export type LogFileOps = Pick<typeof fs, 'openSync' | 'writeSync' | 'closeSync' | 'fstatSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'mkdirSync'>;

export type RotatingFileOptions = { maxBytes?: number; keep?: number; ops?: LogFileOps; now?: () => number; reopenAfterMs?: number };

export function openRotatingFile(file: string, maxBytesOrOptions: number | RotatingFileOptions = {}, keepArg?: number): RotatingFile {
  const options = typeof maxBytesOrOptions === 'number' ? { maxBytes: maxBytesOrOptions, keep: keepArg } : maxBytesOrOptions;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  const io = options.ops ?? fs;
  const now = options.now ?? Date.now;
  // After a failed open, wait before the next try so a full disk is not hammered on every line.
  const reopenAfterMs = options.reopenAfterMs ?? 5000;
  let fd: number | null = null;
  let size = 0;
  let dropped = 0;
  let lastOpenAttempt = -Infinity;

  function open(): boolean {
    lastOpenAttempt = now();
    try {
      io.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fd = io.openSync(file, 'a', 0o600);
      size = io.fstatSync(fd).size;
      return true;
    } catch {
      fd = null;
      return false;
    }
  }

  const rotated = (n: number) => file.replace(/(\.log)?$/, `.${n}.log`);
  function rotate() {
    if (fd !== null) io.closeSync(fd);
    fd = null;
    io.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (io.existsSync(rotated(n))) io.renameSync(rotated(n), rotated(n + 1));
    }
    io.renameSync(file, rotated(1));
    open();
  }

  open();
  return {
    path: file,
    write(line) {
      try {
        if (fd === null && (now() - lastOpenAttempt < reopenAfterMs || !open())) {
          dropped++;
          return;
        }
        const bytes = Buffer.byteLength(line);
        if (size > 0 && size + bytes > maxBytes) rotate();
        if (fd === null) {
          dropped++;
          return;
        }
        // A short write on a full disk leaves a torn line; the next line starts on its own line.
        const written = io.writeSync(fd, line);
        size += written;
      } catch {
        dropped++;
        // A torn line may be on disk; start the next write on a fresh line when space returns.
        if (fd !== null) {
          try {
            size += io.writeSync(fd, '\n');
          } catch {
            // still full: the next successful line may share a line with the torn one
          }
        }
      }
    },
    close() {
      if (fd !== null) io.closeSync(fd);
      fd = null;
    },
    dropped: () => dropped,
  };
}
