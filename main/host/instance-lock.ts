// One Scan Station per app folder (SUBMISSION-PROTOCOL W6: exactly one submission worker).
// The Electron shell uses Electron's own lock; the Chromium shell uses this pid file.
// Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';

export type InstanceLock = { release(): void };

export function acquireInstanceLock(home: string, pid = process.pid, isAlive = processAlive): InstanceLock {
  const file = path.join(home, 'scan-station.lock');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(pid), { flag: 'wx', mode: 0o600 });
      return {
        release() {
          if (fs.readFileSync(file, 'utf8') === String(pid)) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new AppError('app.already-running', `Scan Station is already running on this computer (process ${holder}). Use the open window, or close it first.`);
      }
      fs.rmSync(file, { force: true }); // a stale lock from a crash or power cut
    }
  }
  throw new AppError('app.already-running', 'Scan Station could not take its instance lock. Close other copies and try again.');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
