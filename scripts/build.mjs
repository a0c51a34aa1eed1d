#!/usr/bin/env node
// One build for the three parts: main (Electron entry and Chromium host) and the preload with
// esbuild, the renderer with Vite. Needs no Electron binary.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
/**
 * Builds everything. `quiet` keeps stdout clean (npm start's headless host owns stdout). Source maps
 * only for development (`--dev` or SCAN_STATION_DEV=1): the renderer's map is the whole source, and
 * the page it would be served to is not the place for it (issue 12 §1).
 */
export async function buildAll({ quiet = false, dev = process.env.SCAN_STATION_DEV === '1' } = {}) {
  const started = Date.now();
  fs.rmSync(path.join(dist, 'main'), { recursive: true, force: true });
  fs.rmSync(path.join(dist, 'preload'), { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: dev, logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { index: 'main/index.ts', host: 'main/host/main.ts' },
      entryNames: '[name]',
      outdir: 'dist/main',
      format: 'esm',
      // Dependencies stay in node_modules (native modules cannot be bundled; electron-builder ships them).
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['preload/electron-preload.ts'],
      outfile: 'dist/preload/electron-preload.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
    viteBuild({ configFile: path.join(root, 'vite.config.ts'), build: { sourcemap: dev }, logLevel: quiet ? 'warn' : 'info', customLogger: quiet ? stderrLogger() : undefined }),
  ]);
  // A dev build's maps must not outlive it in a later production build of main or the preload.
  if (!dev) removeSourceMaps(dist);
  fs.writeFileSync(path.join(dist, 'build-stamp.json'), JSON.stringify({ builtAt: Date.now(), sourceMaps: dev }));
  if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms`);
}

function removeSourceMaps(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeSourceMaps(full);
    else if (entry.name.endsWith('.map')) fs.rmSync(full, { force: true });
  }
}

function stderrLogger() {
  const write = (msg) => process.stderr.write(`${msg}\n`);
  return { info() {}, warn: write, warnOnce: write, error: write, clearScreen() {}, hasErrorLogged: () => false, hasWarned: false };
}

const sources = ['main', 'preload', 'renderer', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

/** True when dist/ is missing or older than any source file. */
export function needsBuild() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(dist, 'build-stamp.json'), 'utf8')).builtAt;
  } catch {
    return true;
  }
  const newer = (p) => {
    const stat = fs.statSync(p);
    if (stat.mtimeMs > stamp) return true;
    return stat.isDirectory() && fs.readdirSync(p).some((name) => newer(path.join(p, name)));
  };
  return sources.some((s) => fs.existsSync(path.join(root, s)) && newer(path.join(root, s)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  buildAll({ quiet: process.argv.includes('--quiet'), ...(process.argv.includes('--dev') ? { dev: true } : {}) }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
