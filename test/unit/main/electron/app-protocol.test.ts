import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from '../../../fakes/electron';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../../fakes/electron');
  fake.electron = createFakeElectron();
  return fake.electron;
});
const { registerAppScheme, serveRenderer, isAppUrl } = await import('../../../../main/electron/app-protocol');

describe('app:// protocol', () => {
  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.electron.protocol.registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with our CSP, and nothing outside its folder or host', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-renderer-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<h1>hi</h1>');
    serveRenderer(dir);
    const handler = fake.electron.protocol.handlers.get('app')! as (r: { url: string }) => Response;
    const ok = handler({ url: 'app://scan-station/index.html' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<h1>hi</h1>');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(handler({ url: 'app://scan-station/../../etc/passwd' }).status).toBe(404);
    expect(handler({ url: 'app://other-host/index.html' }).status).toBe(404);
  });

  it('recognises only our own origin', () => {
    expect(isAppUrl('app://scan-station/x')).toBe(true);
    expect(isAppUrl('app://scan-station.evil/x')).toBe(false);
    expect(isAppUrl('https://scan-station/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
