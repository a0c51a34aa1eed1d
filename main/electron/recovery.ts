// Crash recovery: a renderer that dies is reloaded and staff are told; helper processes that die
// are logged. Runs in Electron main.
import type { App, BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger';

export const rendererRecoveredNotice =
  'The screen stopped unexpectedly and was restarted. Anything already saved is safe; check the current visitor before continuing.';

export function watchForCrashes(electronApp: App, window: BrowserWindow, log: Logger, setNotice: (message: string) => void): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone');
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    setNotice(rendererRecoveredNotice);
    window.webContents.reload();
  });
  electronApp.on('child-process-gone', (_event, details) => {
    log.error({ type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? null }, 'child process gone');
  });
}
