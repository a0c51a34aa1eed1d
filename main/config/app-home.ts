// Where Scan Station keeps its settings, data and logs: the per-user app data folder, or
// SCAN_STATION_HOME (tests and demos point it at a temporary folder). Runs in main (plain Node).
import os from 'node:os';
import path from 'node:path';

export type AppPaths = {
  home: string;
  settingsFile: string;
  secretsFile: string;
  keyFile: string;
  deviceIdFile: string;
  logs: string;
  data: string;
  browserProfile: string;
};

export function resolveHome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SCAN_STATION_HOME) return path.resolve(env.SCAN_STATION_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Scan Station');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Scan Station');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'scan-station');
}

export function appPaths(home: string): AppPaths {
  return {
    home,
    settingsFile: path.join(home, 'settings.json'),
    secretsFile: path.join(home, 'secrets.sealed'),
    keyFile: path.join(home, 'data.key'),
    deviceIdFile: path.join(home, 'device-id'),
    logs: path.join(home, 'logs'),
    data: path.join(home, 'data'),
    browserProfile: path.join(home, 'browser-profile'),
  };
}
