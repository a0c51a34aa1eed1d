// One Scan Station per app folder (SUBMISSION-PROTOCOL W6: exactly one submission worker).
// The Electron shell uses Electron's own lock; the Chromium shell uses this lock file.
// Runs in main (plain Node).
//
// The lock is a symbolic link whose target is the holder's pid: creating it is atomic and
// exclusive, and a target this short lives in the inode itself (ext4 "fast" symlinks, tmpfs), so
// the lock can still be taken on a disk with no free block left (issue 12 §2: start on a full
// disk). Where symlinks are not allowed (Windows without the privilege) a pid file is used.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';

export type InstanceLock = { release(): void };

export function acquireInstanceLock(home: string, pid = process.pid, isAlive = processAlive): InstanceLock {
  const file = path.join(home, 'scan-station.lock');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      create(file, String(pid));
      return {
        release() {
          if (holderOf(file) === pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (holder !== null && isAlive(holder)) {
        throw new AppError('app.already-running', `Scan Station is already running on this computer (process ${holder}). Use the open window, or close it first.`);
      }
      fs.rmSync(file, { force: true }); // a stale lock from a crash or power cut
    }
  }
  throw new AppError('app.already-running', 'Scan Station could not take its instance lock. Close other copies and try again.');
}

function create(file: string, pid: string): void {
  try {
    fs.symlinkSync(pid, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOSYS' && code !== 'EACCES') throw error;
    fs.writeFileSync(file, pid, { flag: 'wx', mode: 0o600 });
  }
}

/** The pid holding the lock, or null when unreadable (an older build's empty pid file). */
function holderOf(file: string): number | null {
  let text: string;
  try {
    text = fs.readlinkSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // EINVAL: a plain pid file (the Windows fallback, or an older build's lock).
    text = fs.readFileSync(file, 'utf8');
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
