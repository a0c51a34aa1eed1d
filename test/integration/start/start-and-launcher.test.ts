// `npm start`'s choice of shell, and the Chromium shell's launcher with a stand-in browser: the
// host opens an app window with its own profile and exits when that window closes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-start-'));

describe('npm start', () => {
  it('falls back to the Chromium shell when Electron has no binary, and says why', async () => {
    const home = tmp();
    const child = spawn(process.execPath, ['scripts/start.mjs', '--headless'], { env: { ...process.env, SCAN_STATION_HOME: home, ELECTRON_OVERRIDE_DIST_PATH: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout }).once('line', resolve));
    expect(JSON.parse(line)).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/#k=/), home });
    expect(stderr).toMatch(/Starting the Chromium shell, because .*Electron/);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  });

  it('refuses --shell electron without a binary, with the reason and the way out', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--shell', 'electron'], { env: { ...process.env, SCAN_STATION_HOME: tmp(), ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot start the Electron shell');
    expect(result.stderr).toContain('--shell');
  });

  it('refuses an unknown shell name', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--shell', 'firefox'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
  });
});

describe('Chromium shell launcher', () => {
  it('opens the browser as an app window with its own profile, handing the one-time ticket over in an owner-only file, then exits with it', async () => {
    const home = tmp();
    const argsFile = path.join(home, 'browser-args.json');
    const fakeBrowser = path.join(home, 'fake-browser.mjs');
    // Stands in for Chromium: records its arguments and what it finds at the --app address (as the
    // kiosk user it may read the file), then "closes its window" after a moment.
    fs.writeFileSync(
      fakeBrowser,
      `#!${process.execPath}\nimport fs from 'node:fs';\nimport { fileURLToPath } from 'node:url';\nconst args = process.argv.slice(2);\nconst file = fileURLToPath(args.find((a) => a.startsWith('--app=')).slice(6));\nfs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify({ args, mode: fs.statSync(file).mode & 0o777, page: fs.readFileSync(file, 'utf8'), file }));\nsetTimeout(() => process.exit(0), 300);\n`,
      { mode: 0o755 },
    );
    const host = spawn(process.execPath, ['dist/main/host.js'], { env: { ...process.env, SCAN_STATION_HOME: home, SCAN_STATION_BROWSER: fakeBrowser }, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => host.once('exit', resolve));
    expect(code).toBe(0);
    const seen = JSON.parse(fs.readFileSync(argsFile, 'utf8')) as { args: string[]; mode: number; page: string; file: string };
    expect(seen.args.find((a) => a.startsWith('--app='))).toMatch(/^--app=file:\/\//);
    expect(seen.args).toContain(`--user-data-dir=${path.join(home, 'browser-profile')}`);
    expect(seen.args).not.toContain('--kiosk');
    // Nothing on the command line (readable by any local user with ps) names a ticket or the secret.
    const ticket = /#t=([A-Za-z0-9_-]+)/.exec(seen.page)?.[1];
    expect(ticket).toBeTruthy();
    for (const arg of seen.args) expect(arg).not.toMatch(/#t=|#k=|t\.|k\./);
    expect(seen.args.join(' ')).not.toContain(ticket!);
    expect(seen.mode).toBe(0o600);
    expect(seen.page).toMatch(/http-equiv="refresh" content="0;url=http:\/\/127\.0\.0\.1:\d+\/#t=/);
    // The file is gone when the host stops; the ticket is in no log.
    expect(fs.existsSync(seen.file)).toBe(false);
    const log = fs.readFileSync(path.join(home, 'logs', 'scan-station.log'), 'utf8');
    expect(log).not.toContain(ticket!);
    expect(log).toContain('browser window closed');
  });

  // Real Chromium (headless) behind a wrapper that records its arguments and closes it once the host
  // logs the window's connection (or after 25 s, failing the test): the owner-only page forwards,
  // and the page redeems the ticket over the socket.
  it.skipIf(!fs.existsSync('/usr/bin/chromium'))('real Chromium redeems the ticket from the hand-over file, with nothing secret on its command line', async () => {
    const home = tmp();
    const argsFile = path.join(home, 'chromium-args.txt');
    const wrapper = path.join(home, 'chromium-wrapper.sh');
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(argsFile)}\n/usr/bin/chromium --headless=new --no-sandbox --disable-gpu "$@" >/dev/null 2>&1 &\nPID=$!\nfor i in $(seq 1 250); do grep -q 'window connected' "$SCAN_STATION_HOME/logs/scan-station.log" 2>/dev/null && break; sleep 0.1; done\nkill $PID\nwait $PID\nexit 0\n`,
      { mode: 0o755 },
    );
    const host = spawn(process.execPath, ['dist/main/host.js'], { env: { ...process.env, SCAN_STATION_HOME: home, SCAN_STATION_BROWSER: wrapper }, stdio: 'ignore' });
    expect(await new Promise<number | null>((resolve) => host.once('exit', resolve))).toBe(0);
    const args = fs.readFileSync(argsFile, 'utf8');
    expect(args).toMatch(/--app=file:\/\//);
    expect(args).not.toMatch(/#t=|#k=/);
    const log = fs.readFileSync(path.join(home, 'logs', 'scan-station.log'), 'utf8');
    expect(log).toMatch(/"viaTicket":true[^\n]*"window connected"/);
    expect(fs.readdirSync(home).filter((f) => f.startsWith('launch-'))).toEqual([]);
  }, 40_000);
});
