// Playwright fixtures: a real Chromium-shell host started headless in a temporary home.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base } from '@playwright/test';

export type HostInfo = { url: string; port: number; home: string; logFile: string; pid: number; process: ChildProcess };

export async function startHost(opts: { home?: string; settings?: object; env?: NodeJS.ProcessEnv } = {}): Promise<HostInfo> {
  const home = opts.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ss-e2e-'));
  if (opts.settings) fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify(opts.settings));
  const child = spawn(process.execPath, ['dist/main/host.js', '--headless'], {
    env: { ...process.env, ...opts.env, SCAN_STATION_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before printing its URL`)));
  });
  return { ...(JSON.parse(line) as Omit<HostInfo, 'process'>), process: child };
}

export async function stopHost(host: HostInfo): Promise<void> {
  if (host.process.exitCode !== null) return;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ host: HostInfo }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await stopHost(host);
  },
});

export { expect } from '@playwright/test';
