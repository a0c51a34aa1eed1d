// A size-rotated log file for pino: app.log, app.1.log … app.N.log. Runs in main (plain Node).
// Synchronous writes on purpose: a log line written just before a crash must reach the disk.
import fs from 'node:fs';
import path from 'node:path';

export type RotatingFile = { write(line: string): void; close(): void; readonly path: string };

export function openRotatingFile(file: string, maxBytes = 5 * 1024 * 1024, keep = 5): RotatingFile {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let fd = fs.openSync(file, 'a', 0o600);
  let size = fs.fstatSync(fd).size;

  const rotated = (n: number) => file.replace(/(\.log)?$/, `.${n}.log`);
  function rotate() {
    fs.closeSync(fd);
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    fs.renameSync(file, rotated(1));
    fd = fs.openSync(file, 'a', 0o600);
    size = 0;
  }

  return {
    path: file,
    write(line) {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.writeSync(fd, line);
      size += bytes;
    },
    close() {
      fs.closeSync(fd);
    },
  };
}
