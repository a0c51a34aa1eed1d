#!/usr/bin/env node
// `npm start`: build if needed, then start Scan Station in the Electron shell when its binary can be
// resolved, otherwise in the Chromium shell — saying which and why. `--shell electron|chromium`
// forces one; other flags (e.g. --headless, --port N) go to the Chromium shell's host.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, needsBuild } from './build.mjs';
import { resolveElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const shellAt = argv.indexOf('--shell');
const forced = shellAt >= 0 ? argv[shellAt + 1] : null;
const passThrough = shellAt >= 0 ? [...argv.slice(0, shellAt), ...argv.slice(shellAt + 2)] : argv;

if (forced && forced !== 'electron' && forced !== 'chromium') {
  console.error(`--shell must be "electron" or "chromium", not "${forced}".`);
  process.exit(2);
}

if (needsBuild()) {
  console.error('Building Scan Station…');
  await buildAll({ quiet: true });
}

const electron = resolveElectronBinary(root);
let shell;
if (forced === 'electron') {
  if ('missing' in electron) {
    console.error(`Cannot start the Electron shell: ${electron.missing}. Start without --shell to use the Chromium shell.`);
    process.exit(1);
  }
  shell = 'electron';
  console.error('Starting the Electron shell (forced with --shell electron).');
} else if (forced === 'chromium') {
  shell = 'chromium';
  console.error('Starting the Chromium shell (forced with --shell chromium).');
} else if ('path' in electron) {
  shell = 'electron';
  console.error(`Starting the Electron shell (Electron found at ${electron.path}).`);
} else {
  shell = 'chromium';
  console.error(`Starting the Chromium shell, because ${electron.missing}.`);
}

const child =
  shell === 'electron'
    ? spawn(electron.path, [root, ...passThrough], { stdio: 'inherit' })
    : spawn(process.execPath, [path.join(root, 'dist/main/host.js'), ...passThrough], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
