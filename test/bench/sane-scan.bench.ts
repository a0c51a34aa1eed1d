// SANE scan latency: trigger → `image` event for one ID-1 page at 300 dpi from SANE's `test`
// backend (resources/sane), through the real driver (scanimage in batch mode, page read, sharp
// metadata). Baseline: the bare scanimage run to a file. Run with `npx tsx test/bench/sane-scan.bench.ts`
// or `npm run bench`. Prints figures; never fails on time. Target: median ≤ 500 ms (staff press Scan
// and expect the page on screen in about the time a real flatbed needs to start moving).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSaneDriver } from '../../main/devices/sane/sane-driver';
import { SaneOptions } from '../../main/devices/sane/sane-settings';
import { silentLogger } from '../../main/logging/logger';
import { median, report, summarise } from './bench-stats';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 15));
const TARGET_MS = 500;
const saneConfigDir = fileURLToPath(new URL('../../resources/sane', import.meta.url));

async function driverRuns(format: 'png' | 'jpeg', mode: 'gray' | 'color'): Promise<number[]> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sane-bench-'));
  const driver = createSaneDriver({
    id: 'bench',
    options: SaneOptions.parse({ device: 'test:0', resolution: 300, format, mode }),
    log: silentLogger(),
    saneConfigDir,
    tempDir,
  });
  const ready = new Promise<void>((resolve, reject) =>
    driver.on('status', (s) => (s.state === 'ready' ? resolve() : s.state === 'error' ? reject(new Error(s.message)) : undefined)),
  );
  await driver.start();
  await ready;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    const started = performance.now();
    const image = new Promise<number>((resolve) => driver.once('image', () => resolve(performance.now() - started)));
    await driver.trigger();
    const elapsed = await image;
    if (i > 0) times.push(elapsed); // the first run warms the page cache and sharp
  }
  await driver.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
  return times;
}

function bareScanimage(): number[] {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sane-bench-'));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const run = spawnSync('scanimage', ['-d', 'test:0', '--format=png', '--resolution', '300', '--mode', 'Gray', '-o', path.join(tempDir, 'page.png')], {
      env: { ...process.env, SANE_CONFIG_DIR: saneConfigDir },
    });
    if (run.status !== 0) throw new Error(`scanimage failed: ${run.stderr.toString()}`);
    times.push(performance.now() - started);
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
  return times;
}

async function main() {
  console.log(`SANE test backend, ID-1 page (86 × 54 mm) at 300 dpi, ${RUNS} runs each`);
  const bare = bareScanimage();
  report('bare scanimage to a PNG file (baseline)', bare);
  const png = await driverRuns('png', 'gray');
  report('trigger → image event, PNG gray', png, TARGET_MS);
  const jpeg = await driverRuns('jpeg', 'color');
  report('trigger → image event, JPEG colour', jpeg, TARGET_MS);
  const ratio = (values: number[]) => (values.sort((a, b) => a - b)[values.length >> 1]! / bare.sort((a, b) => a - b)[bare.length >> 1]!).toFixed(2);
  console.log(`driver / bare scanimage (medians): PNG ${ratio(png)}, JPEG ${ratio(jpeg)}`);
  summarise({ figure: 'SANE trigger → image, PNG (median)', value: median(png), floor: median(bare) });
  summarise({ figure: 'SANE trigger → image, JPEG (median)', value: median(jpeg), goal: TARGET_MS });
}

main().catch((error: unknown) => {
  console.log(`sane-scan benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
});
