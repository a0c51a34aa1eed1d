// Chromium shell start-up: host start → first contract round-trip, and page load → interactive.
// Run with `npm run bench` (builds first). Prints figures; never fails on time. Target: < 1.5 s each.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumArgs } from '../../playwright.config';
import { median, report, summarise } from './bench-stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function startHost() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main/host.js', '--headless'], { env: { ...process.env, SCAN_STATION_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  const { url, port } = JSON.parse(line) as { url: string; port: number };
  return { child, url, port, started };
}

async function hostToFirstRoundTrip(): Promise<number> {
  const host = await startHost();
  const secret = new URL(host.url).hash.slice('#k='.length);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, ['scan-station.v1', `k.${secret}`], { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((r) => ws.once('open', r));
  const answered = new Promise<void>((resolve) => ws.on('message', (d) => (JSON.parse(d.toString()) as { id?: number }).id === 1 && resolve()));
  ws.send(JSON.stringify({ id: 1, channel: 'app.info' }));
  await answered;
  const elapsed = performance.now() - host.started;
  ws.close();
  host.child.kill('SIGTERM');
  return elapsed;
}

async function main() {
  const roundTrips: number[] = [];
  for (let i = 0; i < RUNS; i++) roundTrips.push(await hostToFirstRoundTrip());
  report('chromium shell: host start → first contract round-trip', roundTrips, 1500);
  summarise({ figure: 'host start → first round-trip (median)', value: median(roundTrips), goal: 1500 });

  const host = await startHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(host.url);
    // Interactive: the frame has main's answer (mode badge) and the first screen staff use,
    // sign-in, is rendered with its names to pick.
    await page.getByTestId('demo-badge').waitFor();
    await page.getByRole('button', { name: 'Demo Receptionist', exact: true }).waitFor();
    loads.push(performance.now() - t0);
    await context.close();
  }
  report('chromium shell: page load → interactive (DEMO badge + sign-in names)', loads, 1500);
  summarise({ figure: 'page load → interactive (median)', value: median(loads), goal: 1500 });
  await browser.close();
  host.child.kill('SIGTERM');
}

await main();
