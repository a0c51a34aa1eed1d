// Finds the system Chromium (or Chrome/Edge) and opens the app in it as an app window with its own
// profile folder. Runs in main (plain Node). The browser's exit is the window closing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const fromEnv = env.SCAN_STATION_BROWSER ? [env.SCAN_STATION_BROWSER] : [];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return [
      ...fromEnv,
      ...roots.flatMap((r) => [
        path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(r, 'Chromium', 'Application', 'chrome.exe'),
        path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
    ];
  }
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

export function findBrowser(env = process.env, platform = process.platform, exists = fs.existsSync): string | null {
  return browserCandidates(env, platform).find((candidate) => exists(candidate)) ?? null;
}

export function browserArgs(opts: { url: string; profileDir: string; kiosk: boolean; runningAsRoot: boolean }): string[] {
  return [
    `--app=${opts.url}`,
    `--user-data-dir=${opts.profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // The kiosk's network is often closed; stop Chromium calling home and retrying forever.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--password-store=basic',
    ...(opts.kiosk ? ['--kiosk'] : []),
    // Chromium refuses to start as root with its sandbox on (containers, CI).
    ...(opts.runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

export function launchBrowser(executable: string, args: string[], onExit: (code: number | null) => void): ChildProcess {
  const child = spawn(executable, args, { stdio: 'ignore' });
  child.once('exit', (code) => onExit(code));
  child.once('error', () => onExit(null));
  return child;
}
