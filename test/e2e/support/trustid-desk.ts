// A front desk for end-to-end tests outside demo mode: the TrustID emulator in its own process
// (with controls, on a fixed port so it can be stopped and started again), a kiosk home whose
// settings point at it, whose TrustID account is provisioned in the sealed secret store, and
// optional readers. Runs in the Playwright test process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { appPaths } from '../../../main/config/app-home';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { openSecretStore } from '../../../main/config/secret-store';

export type EmulatorProcess = {
  origin: string;
  controlUrl: string;
  apiKey: string;
  users: Array<{ username: string; password: string }>;
  port: number;
  stateFile: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  control(pathName: string, body?: unknown): Promise<unknown>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The emulator as its own process, with a state file so it survives being stopped. `flexibleFields`
 * replaces its seeded application flexible fields (emulator config shape, RAW-API §15.1).
 */
export async function startEmulatorProcess(opts: { flexibleFields?: unknown[] } = {}): Promise<EmulatorProcess> {
  const port = await freePort();
  const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-emu-')), 'state.json');
  const extraArgs: string[] = [];
  if (opts.flexibleFields) {
    const fieldsFile = path.join(path.dirname(stateFile), 'flexible-fields.json');
    fs.writeFileSync(fieldsFile, JSON.stringify(opts.flexibleFields));
    extraArgs.push('--flexible-fields', fieldsFile);
  }
  let child: ChildProcess | null = null;
  let info: { baseUrl: string; controlUrl: string; apiKey: string; users: Array<{ username: string; password: string }> } | null = null;

  async function start() {
    child = spawn(process.execPath, ['--import', 'tsx', 'main/demo/emulator-main.ts', '--port', String(port), '--controls', '--state-file', stateFile, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    info = JSON.parse(line);
  }
  await start();
  const origin = `http://127.0.0.1:${port}/`;
  return {
    origin,
    controlUrl: info!.controlUrl,
    apiKey: info!.apiKey,
    users: info!.users,
    port,
    stateFile,
    start,
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async control(pathName, body) {
      const res = await fetch(`${origin}__emulator/${pathName}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`control ${pathName}: HTTP ${res.status}`);
      return res.json();
    },
  };
}

/** A kiosk home using the emulator as a custom TrustID environment, with its account provisioned. */
export function provisionHome(emulator: EmulatorProcess, opts: { settings?: Record<string, unknown>; kioskUser?: string } = {}): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-desk-'));
  const paths = appPaths(home);
  const settings = {
    trustid: { environment: 'custom', customBaseUrl: emulator.origin },
    security: { acceptFileKey: true },
    ...opts.settings,
  };
  fs.writeFileSync(paths.settingsFile, JSON.stringify(settings, null, 2));
  const user = emulator.users.find((u) => u.username === (opts.kioskUser ?? 'demo.kiosk')) ?? emulator.users[0]!;
  const secrets = openSecretStore(paths.secretsFile, fileKeyCustody(paths.keyFile, true));
  secrets.set('trustid.apiKey', emulator.apiKey);
  secrets.set('trustid.username', user.username);
  secrets.set('trustid.password', user.password);
  return home;
}
