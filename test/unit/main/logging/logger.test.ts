import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../main/logging/logger';
import { openRotatingFile } from '../../../../main/logging/rotating-file';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-log-'));

describe('logging', () => {
  it('writes structured lines to the file and redacts secret-named fields at any depth we know', () => {
    const dir = tmp();
    const { log, file, close } = createLogger({ dir });
    log.info({ password: 'p4ss', request: { Password: 'p4ss2', headers: { 'tid-api-key': 'k3y' } }, apiKey: 'k3y2', ok: 1 }, 'hello');
    close();
    const text = fs.readFileSync(file, 'utf8');
    const line = JSON.parse(text.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'hello', ok: 1 });
    for (const secret of ['p4ss', 'k3y']) expect(text).not.toContain(secret);
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tmp();
    const file = path.join(dir, 'app.log');
    const out = openRotatingFile(file, 100, 2);
    for (let i = 0; i < 20; i++) out.write(`${'x'.repeat(40)}\n`);
    out.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(100);
  });
});

describe('logging on a full disk (issue 12 §2)', () => {
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  it('drops and counts lines on ENOSPC instead of throwing, and writes again once there is room', () => {
    const dir = tmp();
    let full = false;
    const ops = { ...fs, writeSync: ((fd: number, line: string) => {
      if (full) throw noSpace();
      return fs.writeSync(fd, line);
    }) as typeof fs.writeSync };
    const { log, file, close, dropped } = createLogger({ dir, file: { ops } });
    log.info('before');
    full = true;
    for (let i = 0; i < 5; i++) expect(() => log.info({ i }, 'while full')).not.toThrow();
    expect(dropped()).toBe(5);
    full = false;
    log.info('after');
    close();
    const messages = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(['before', 'after']);
  });

  it('starts without a usable log folder, drops lines, and opens the file later without hammering the disk', () => {
    const dir = tmp();
    let now = 0;
    let opens = 0;
    let refuse = true;
    const ops = { ...fs, openSync: ((...args: Parameters<typeof fs.openSync>) => {
      opens++;
      if (refuse) throw noSpace();
      return fs.openSync(...args);
    }) as typeof fs.openSync };
    const out = openRotatingFile(path.join(dir, 'app.log'), { ops, now: () => now, reopenAfterMs: 1000 });
    for (let i = 0; i < 10; i++) out.write('x\n');
    expect(out.dropped()).toBe(10);
    expect(opens).toBe(1); // no retry on every line
    refuse = false;
    now = 1500;
    out.write('back\n');
    out.close();
    expect(fs.readFileSync(path.join(dir, 'app.log'), 'utf8')).toBe('back\n');
    expect(out.dropped()).toBe(10);
  });
});
