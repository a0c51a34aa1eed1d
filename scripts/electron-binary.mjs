// Where the Electron binary is, without triggering the electron package's lazy download (which
// needs GitHub and fails on our build machines; ENVIRONMENT.md).
import fs from 'node:fs';
import path from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function resolveElectronBinary(root, env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(candidate) ? { path: candidate } : { missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${candidate}, which does not exist` };
  }
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { missing: 'the electron package is not installed' };
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return { missing: 'the Electron binary has not been downloaded (it comes from GitHub on first use, which this machine cannot reach)' };
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} is missing` };
}
