import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '../../../../main/host/static-files';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-static-'));
fs.writeFileSync(path.join(root, 'index.html'), 'x');
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
fs.writeFileSync(path.join(root, '.env'), 'x');
fs.writeFileSync(path.join(root, 'assets', 'a.js.map'), '{}');

describe('static files', () => {
  it('serves index.html for / and assets with their types', () => {
    expect(resolveStatic(root, '/')?.type).toMatch(/text\/html/);
    expect(resolveStatic(root, '/assets/a.js?v=1')?.type).toMatch(/javascript/);
  });

  it('refuses traversal, encoded traversal, dotfiles, folders, NUL and missing files', () => {
    for (const url of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/.env', '/assets', '/a%00.js', '/missing.js', '/%E0%A4%A']) {
      expect(resolveStatic(root, url), url).toBeNull();
    }
  });

  it('refuses source maps outside development, in any spelling', () => {
    for (const url of ['/assets/a.js.map', '/assets/a.js.MAP', '/assets/a.js%2Emap']) expect(resolveStatic(root, url), url).toBeNull();
    expect(resolveStatic(root, '/assets/a.js.map', { sourceMaps: true })?.type).toMatch(/json/);
  });
});
