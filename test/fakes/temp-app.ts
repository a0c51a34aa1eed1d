// A real app (real settings file, real secret store, real logger) in a temporary home, for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type ScanStationApp } from '../../main/app/create-app';
import { appPaths, type AppPaths } from '../../main/config/app-home';
import { fileKeyCustody } from '../../main/config/key-custody';
import { createLogger } from '../../main/logging/logger';

export type TempApp = { app: ScanStationApp; paths: AppPaths; logFile: string; close(): void };

export function createTempApp(opts: { acceptFileKey?: boolean } = {}): TempApp {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-app-'));
  const paths = appPaths(home);
  if (opts.acceptFileKey) fs.writeFileSync(paths.settingsFile, JSON.stringify({ security: { acceptFileKey: true } }));
  const logging = createLogger({ dir: paths.logs, level: 'debug' });
  const app = createApp({
    shell: 'chromium',
    paths,
    log: logging.log,
    version: '0.0.0-test',
    custodyFor: (settings) => fileKeyCustody(paths.keyFile, settings.security.acceptFileKey),
  });
  return { app, paths, logFile: logging.file, close: () => logging.close() };
}
