// The Electron shell's transport: one ipcMain.handle per contract channel into the dispatcher, and
// events out to the window. Runs in Electron main. Only our own top frame is answered.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels, ipcEventChannel, type Envelope } from '../../preload/contract';
import type { ScanStationApp } from '../app/create-app';
import type { Logger } from '../logging/logger';
import { isAppUrl } from './app-protocol';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || window.isDestroyed()) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

const refused: Envelope<never> = {
  ok: false,
  code: 'contract.untrusted-sender',
  message: 'This request did not come from the Scan Station window and was refused.',
};

export function attachIpcTransport(
  ipcMain: IpcMain,
  window: BrowserWindow,
  app: Pick<ScanStationApp, 'dispatcher' | 'events'>,
  log: Logger,
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, window)) {
        log.warn({ channel }, 'IPC from an untrusted sender refused');
        return refused;
      }
      return app.dispatcher.dispatch(channel, payload, { transport: 'electron', clientId: `window-${window.id}` });
    });
  }
  const detach = app.events.attach((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
  });
  return () => {
    detach();
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
  };
}
