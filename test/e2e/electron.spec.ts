// Electron smoke test: runs where an Electron binary exists; elsewhere it reports itself skipped,
// with the reason (our build machines cannot download the binary; ENVIRONMENT.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { resolveElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = resolveElectronBinary(process.cwd());

test('the Electron shell opens the kiosk window in demo mode', async () => {
  test.skip('missing' in binary, `No Electron binary: ${'missing' in binary ? binary.missing : ''}`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-electron-e2e-'));
  const app = await electron.launch({ executablePath: (binary as { path: string }).path, args: ['.'], env: { ...process.env, SCAN_STATION_HOME: home } });
  const window = await app.firstWindow();
  await expect(window.getByTestId('demo-badge')).toHaveText('DEMO');
  expect(await window.evaluate(() => typeof (window as unknown as { kiosk?: object }).kiosk)).toBe('object');
  await app.close();
});
