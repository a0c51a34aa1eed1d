import { describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from '../../../fakes/electron';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../../fakes/electron');
  fake.electron = createFakeElectron();
  return fake.electron;
});

const { kioskWindowOptions, createKioskWindow } = await import('../../../../main/electron/kiosk-window');

describe('kiosk window', () => {
  it('isolates the renderer: context isolation, sandbox, no node integration anywhere, no webview', () => {
    const prefs = kioskWindowOptions({ preload: '/p.cjs', kiosk: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/p.cjs',
    });
  });

  it('goes full-screen kiosk and closes dev tools only when the kiosk setting is on', () => {
    expect(kioskWindowOptions({ preload: '/p', kiosk: true })).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false } });
    expect(kioskWindowOptions({ preload: '/p', kiosk: false })).toMatchObject({ kiosk: false, fullscreen: false, webPreferences: { devTools: true } });
  });

  it('loads the app URL into a new window', () => {
    const window = createKioskWindow({ preload: '/p', kiosk: false, url: 'app://scan-station/index.html' });
    expect((window as unknown as { loadedUrl: string }).loadedUrl).toBe('app://scan-station/index.html');
  });
});
