// The launcher's hand-over file: owner-only, names no secret in its path, forwards with the ticket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeLaunchFile } from '../../../../main/host/launch-file';

describe('launch file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-launch-'));
  const url = 'http://127.0.0.1:4567/#t=TICKET-abc_123';

  it('is readable by its owner only, and its address holds no ticket', () => {
    const launch = writeLaunchFile(dir, url);
    expect(fs.statSync(launch.file).mode & 0o777).toBe(0o600);
    expect(launch.fileUrl).toMatch(/^file:\/\//);
    expect(launch.fileUrl).not.toContain('TICKET');
    expect(fileURLToPath(launch.fileUrl)).toBe(launch.file);
    expect(fs.readFileSync(launch.file, 'utf8')).toContain(`content="0;url=${url}"`);
  });

  it('escapes the address into the attribute and is gone once removed', () => {
    const launch = writeLaunchFile(dir, 'http://127.0.0.1:1/#t="><script>');
    expect(fs.readFileSync(launch.file, 'utf8')).not.toContain('"><script>');
    launch.remove();
    launch.remove();
    expect(fs.existsSync(launch.file)).toBe(false);
  });

  it('gets a fresh name each time', () => {
    expect(writeLaunchFile(dir, url).file).not.toBe(writeLaunchFile(dir, url).file);
  });
});
