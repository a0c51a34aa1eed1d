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
