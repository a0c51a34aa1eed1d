import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../main/app/dispatcher';
import { createEventHub } from '../../../../main/app/event-hub';
import { silentLogger } from '../../../../main/logging/logger';
import { invokeChannels } from '../../../../preload/contract';
import { FakeBrowserWindow, FakeIpcMain } from '../../../fakes/electron';

vi.mock('electron', async () => (await import('../../../fakes/electron')).createFakeElectron());
const { attachIpcTransport, isTrustedSender } = await import('../../../../main/electron/ipc-transport');

function setUp() {
  const log = silentLogger();
  const dispatcher = createDispatcher(log);
  dispatcher.handle('health.get', () => ({ overall: 'ok', components: [], checkedAt: 1 }));
  const events = createEventHub(log);
  const ipcMain = new FakeIpcMain();
  const window = new FakeBrowserWindow({});
  const detach = attachIpcTransport(ipcMain as never, window as never, { dispatcher, events }, log);
  return { ipcMain, window, events, detach };
}

describe('IPC transport', () => {
  afterEach(() => vi.restoreAllMocks());

  it('registers one handler per contract channel and removes them on detach', () => {
    const { ipcMain, detach } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    detach();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers our own top frame through the dispatcher', async () => {
    const { ipcMain, window } = setUp();
    const reply = await ipcMain.handlers.get('health.get')!({ senderFrame: window.webContents.mainFrame }, undefined);
    expect(reply).toEqual({ ok: true, value: { overall: 'ok', components: [], checkedAt: 1 } });
  });

  it('refuses a sub-frame, a frame of another origin and a missing frame', async () => {
    const { ipcMain, window } = setUp();
    const handler = ipcMain.handlers.get('health.get')!;
    const subFrame = { url: 'app://scan-station/index.html' };
    for (const senderFrame of [subFrame, null, undefined]) {
      expect(await handler({ senderFrame }, undefined)).toMatchObject({ ok: false, code: 'contract.untrusted-sender' });
    }
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await handler({ senderFrame: window.webContents.mainFrame }, undefined)).toMatchObject({ ok: false, code: 'contract.untrusted-sender' });
    expect(isTrustedSender({ senderFrame: window.webContents.mainFrame } as never, window as never)).toBe(false);
  });

  it('sends events to the window on their own channel, and stops after detach', () => {
    const { window, events, detach } = setUp();
    events.emit('health.changed', { overall: 'down', components: [], checkedAt: 2 });
    expect(window.webContents.sent).toEqual([['event:health.changed', { overall: 'down', components: [], checkedAt: 2 }]]);
    detach();
    events.emit('health.changed', { overall: 'ok', components: [], checkedAt: 3 });
    expect(window.webContents.sent).toHaveLength(1);
  });
});
