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

describe('instance lock on a full disk (issue 12 §2)', () => {
  it('is a symlink holding the pid, so it needs no free data block', () => {
    const home = tmp();
    const lock = acquireInstanceLock(home, 333, () => true);
    expect(fs.lstatSync(path.join(home, 'scan-station.lock')).isSymbolicLink()).toBe(true);
    lock.release();
    expect(fs.existsSync(path.join(home, 'scan-station.lock'))).toBe(false);
  });

  it('reads an older build’s pid file, and takes over an empty one left by a write that met ENOSPC', () => {
    const home = tmp();
    fs.writeFileSync(path.join(home, 'scan-station.lock'), '444');
    expect(() => acquireInstanceLock(home, 555, (pid) => pid === 444)).toThrow(/process 444/);
    fs.writeFileSync(path.join(home, 'scan-station.lock'), '');
    acquireInstanceLock(home, 555, () => true).release();
  });
});
