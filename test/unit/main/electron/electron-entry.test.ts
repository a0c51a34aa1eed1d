// main/index.ts wired against the fake electron module: what a real start does, short of a binary.
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

describe('Electron entry', () => {
  it('takes the single-instance lock, opens one locked-down window and serves the contract over IPC', async () => {
    process.env.SCAN_STATION_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-electron-'));
    const { FakeBrowserWindow } = await import('../../../fakes/electron');
    await import('../../../../main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const window = FakeBrowserWindow.created[0]!;
    expect(window.loadedUrl).toBe('app://scan-station/index.html');
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });

    const info = await fake.electron.ipcMain.handlers.get('app.info')!({ senderFrame: window.webContents.mainFrame }, undefined);
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', mode: 'demo' } });
    expect(fake.electron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fake.electron.protocol.handlers.has('app')).toBe(true);

    // A second launch hands over to this window instead of starting another.
    const focus = vi.spyOn(window, 'focus');
    fake.electron.app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });
});
