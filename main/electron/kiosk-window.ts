// The kiosk BrowserWindow: locked-down webPreferences, full-screen kiosk when the setting says so.
// Runs in Electron main.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(opts: { preload: string; kiosk: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    kiosk: opts.kiosk,
    fullscreen: opts.kiosk,
    autoHideMenuBar: true,
    title: 'Scan Station',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !opts.kiosk,
    },
  };
}

export function createKioskWindow(opts: { preload: string; kiosk: boolean; url: string }): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(opts));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(opts.url);
  return window;
}
