// A real, tiny file system for full-disk tests (issue 12 §2): a tmpfs of a few MB mounted on a
// temporary folder, which a filler file fills to the last block. Needs root (CI runs as root);
// where mounting is not permitted, `mountTinyDisk` says why so the test can skip with that reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TinyDisk = {
  dir: string;
  /** Writes a filler file until the file system refuses another byte. */
  fill(): void;
  /** Removes the filler: the disk has room again. */
  makeRoom(): void;
  freeBytes(): number;
  unmount(): void;
};

export function mountTinyDisk(sizeMb: number): TinyDisk | { skipped: string } {
  if (process.platform !== 'linux') return { skipped: 'tmpfs mounts are a Linux feature' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { skipped: 'mounting a tmpfs needs root (CI runs as root)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { skipped: `mount -t tmpfs was refused here (${String((error as { stderr?: Buffer }).stderr ?? error).trim().slice(0, 120)})` };
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 0x5a);
      const page = Buffer.alloc(512, 0x5a);
      try {
        for (const block of [chunk, page]) {
          for (;;) {
            try {
              fs.writeSync(fd, block);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    makeRoom: () => fs.rmSync(filler, { force: true }),
    freeBytes() {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
