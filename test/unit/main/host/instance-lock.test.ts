import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../../../../main/host/instance-lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-lock-'));

describe('instance lock', () => {
  it('lets one instance in and refuses a second while it lives', () => {
    const home = tmp();
    const lock = acquireInstanceLock(home, 111, () => true);
    expect(() => acquireInstanceLock(home, 222, () => true)).toThrow(/already running.*process 111/);
    lock.release();
    acquireInstanceLock(home, 222, () => true).release();
  });

  it('takes over a stale lock left by a crash', () => {
    const home = tmp();
    acquireInstanceLock(home, 111, () => true);
    const lock = acquireInstanceLock(home, 222, () => false);
    expect(fs.readlinkSync(path.join(home, 'scan-station.lock'))).toBe('222');
    lock.release();
  });
});
