// A real app (real settings file, real secret store, real logger) in a temporary home, for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type ScanStationApp } from '../../main/app/create-app';
import { appPaths, type AppPaths } from '../../main/config/app-home';
import { fileKeyCustody } from '../../main/store/key-custody';
import { createLogger } from '../../main/logging/logger';

export type TempApp = { app: ScanStationApp; paths: AppPaths; logFile: string; close(): Promise<void> };

export async function createTempApp(opts: { acceptFileKey?: boolean; emulatorControls?: boolean } = {}): Promise<TempApp> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-app-'));
  const paths = appPaths(home);
  if (opts.acceptFileKey) fs.writeFileSync(paths.settingsFile, JSON.stringify({ security: { acceptFileKey: true } }));
  const logging = createLogger({ dir: paths.logs, level: 'debug' });
  const app = await createApp({
    shell: 'chromium',
    paths,
    log: logging.log,
    version: '0.0.0-test',
    custodyFor: (settings) => fileKeyCustody(paths.keyFile, settings.security.acceptFileKey),
    resourcesDir: path.resolve('resources'),
    emulatorControls: opts.emulatorControls ?? false,
  });
  return {
    app,
    paths,
    logFile: logging.file,
    async close() {
      await app.close();
      logging.close();
    },
  };
}

const testCtx = { transport: 'test' as const, clientId: 'test' };

/** Signs in as the seeded demo administrator (demo mode seeds "Demo Administrator", PIN 9999). */
export async function signInAsDemoAdmin(app: ScanStationApp): Promise<void> {
  const directory = await app.dispatcher.dispatch('staff.directory', undefined, testCtx);
  if (!directory.ok) throw new Error(directory.message);
  const admin = (directory.value as Array<{ id: string; displayName: string }>).find((s) => s.displayName === 'Demo Administrator');
  if (!admin) throw new Error('no demo administrator seeded');
  const signedIn = await app.dispatcher.dispatch('session.signIn', { method: 'local', staffId: admin.id, pin: '9999' }, testCtx);
  if (!signedIn.ok) throw new Error(signedIn.message);
}
