// Electron entry (production shell): single instance, the locked-down kiosk window, the contract
// over IPC with a sender check, crash recovery and power management. With main/electron/, the only
// code that imports 'electron'.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app as electronApp, ipcMain, powerSaveBlocker, safeStorage, session } from 'electron';
import { createApp } from './app/create-app';
import { appVersion, resourcesDir } from './app/version';
import { appPaths, resolveHome } from './config/app-home';
import { APP_URL, registerAppScheme, serveRenderer } from './electron/app-protocol';
import { attachIpcTransport } from './electron/ipc-transport';
import { createKioskWindow } from './electron/kiosk-window';
import { lockDownContents, lockDownSession } from './electron/lockdown';
import { kioskPower } from './electron/power';
import { watchForCrashes } from './electron/recovery';
import { safeStorageCustody } from './electron/safe-storage-custody';
import { createLogger } from './logging/logger';

const here = path.dirname(fileURLToPath(import.meta.url));
const paths = appPaths(resolveHome());
electronApp.setPath('userData', path.join(paths.home, 'electron'));

if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  registerAppScheme();
  void electronApp.whenReady().then(start);
}

async function start() {
  const logging = createLogger({ dir: paths.logs });
  const log = logging.log;
  const app = await createApp({
    shell: 'electron',
    logDropped: logging.dropped,
    resourcesDir: electronApp.isPackaged ? path.join(process.resourcesPath, 'resources') : resourcesDir(),
    paths,
    log,
    version: appVersion,
    custodyFor: (settings) =>
      safeStorageCustody({
        safeStorage,
        platform: process.platform,
        wrappedKeyFile: path.join(paths.home, 'data-key.wrapped'),
        keyFile: paths.keyFile,
        acceptFileKey: settings.security.acceptFileKey,
      }),
  });

  electronApp.on('web-contents-created', (_event, contents) => lockDownContents(contents, log));
  lockDownSession(session.defaultSession, log);
  serveRenderer(path.join(here, '../renderer'));

  const kiosk = app.settings.current().kiosk.fullscreen;
  const window = createKioskWindow({ preload: path.join(here, '../preload/electron-preload.cjs'), kiosk, url: APP_URL });
  const detach = attachIpcTransport(ipcMain, window, app, log);
  watchForCrashes(electronApp, window, log, (message) => app.setNotice(message));

  const power = kioskPower(powerSaveBlocker);
  if (kiosk) power.sessionOpened();

  electronApp.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  window.on('closed', () => {
    power.sessionClosed();
    detach();
  });
  electronApp.on('window-all-closed', () => electronApp.quit());
  electronApp.on('will-quit', () => {
    void app.close();
    logging.close();
  });
}
