// Benchmark: the sync worker draining 200 queued applications (1 document, 2 images of ~300 KB,
// sealed on disk) to the emulator, until every one is published — beside the bare protocol replay of
// the same calls (bare-replay.ts: plain fetch, bytes in memory, no disk). Target: wall time ≤ 1.25×
// the bare replay. Also peak RSS during the drain against the RSS once 20 applications were
// published (target: flat, ≤ 1.2×). The emulator runs in its own process, as a real server would.
// Prints figures; never fails on timing. Run: npx tsx test/bench/sync-drain.bench.ts [apps]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ephemeralCustody } from '../../main/store/key-custody';
import { buildTd3 } from '../../main/demo/emulator';
import { silentLogger } from '../../main/logging/logger';
import { openStore } from '../../main/store/open-store';
import { systemClock, timerScheduler } from '../../main/sync/real-time';
import { submissionStoreFrom } from '../../main/sync/store-adapter';
import { SubmissionWorker } from '../../main/sync/submission-worker';
import type { SubmissionStore } from '../../main/sync/sync-ports';
import { submissionApiFrom, syncClientOptions } from '../../main/sync/trustid-adapter';
import { createTrustIdClient } from '../../main/trustid';
import { bareLogin, bareSubmit, type BareApplication } from './bare-replay';

const APPS = Math.max(20, Number(process.argv[2] ?? process.env.BENCH_SYNC_APPS ?? 200) || 200);
const IMAGE_BYTES = 300_000;
const TARGET_RATIO = 1.25;
const RSS_TARGET = 1.2;
const ROUNDS = 3;

type EmulatorProcess = { baseUrl: string; controlUrl: string; apiKey: string; users: { username: string; password: string }[]; stop(): void };

async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/demo/emulator-main.ts', '--port', '0', '--controls'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before it started`)));
  });
  const info = JSON.parse(line) as Omit<EmulatorProcess, 'stop'>;
  // Processing is pushed out of the measured window so results do not compete with uploads.
  await fetch(new URL('config', info.controlUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ processing: { workflowDelayMs: 3_600_000, decisionDelayMs: 3_600_000 } }),
  });
  return { ...info, stop: () => void child.kill('SIGTERM') };
}

const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(IMAGE_BYTES - 4)]);
const mrz = (n: number) =>
  buildTd3({ issuingState: 'GBR', surname: 'DRAIN', givenNames: ['BENCH'], documentNumber: String(100000000 + n).slice(-9), nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '350101' });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function bare(emu: EmulatorProcess, apps: BareApplication[]): Promise<number> {
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;
  const session = await bareLogin({ apiRoot: emu.baseUrl, apiKey: emu.apiKey, deviceId: `kiosk-${crypto.randomUUID()}`, username: user.username, password: user.password });
  const started = performance.now();
  for (const app of apps) await bareSubmit(session, app);
  return performance.now() - started;
}

type DrainRun = { ms: number; commitMs: number; commits: number; rss20: number; peak: number; rssBefore: number };

async function drain(emu: EmulatorProcess, apps: BareApplication[]): Promise<DrainRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-drain-'));
  const store = openStore({ dataDir: dir, custody: ephemeralCustody(), log: silentLogger() });
  store.recover();
  const mrzOf = new Map<string, string>();
  for (const app of apps) {
    const doc = app.documents[0]!;
    await store.capture.saveCapture({
      appId: app.clientApplicationReference,
      capturedBy: null,
      documents: [{ format: 'TD3', personal: { surname: 'DRAIN', mrz: doc.mrz! }, images: doc.images.map((im, i) => ({ bytes: im.bytes, mime: 'image/jpeg', side: i === 0 ? 'front' : 'back', imageType: im.imageType })) }],
    });
    mrzOf.set(app.clientApplicationReference, doc.mrz!);
  }
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;
  const client = createTrustIdClient(
    syncClientOptions({ baseUrl: emu.baseUrl, apiKey: emu.apiKey, credentials: () => user, deviceIdFile: path.join(dir, 'device-id') }),
  );
  const real = submissionStoreFrom(store, { documentFields: (appId) => ({ mrz: mrzOf.get(appId)! }) });
  // Time spent in the worker's durable commits (W1/W2: one fsync each with synchronous=FULL).
  let commitMs = 0;
  let commits = 0;
  const port: SubmissionStore = {
    ...real,
    transaction: (fn) => {
      const t = performance.now();
      try {
        return real.transaction(fn);
      } finally {
        commitMs += performance.now() - t;
        commits += 1;
      }
    },
  };
  let published = 0;
  let rss20 = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const worker = new SubmissionWorker({
    store: port,
    apiFor: () => submissionApiFrom(client),
    clock: systemClock,
    scheduler: timerScheduler(),
    log: silentLogger(),
    onEvent: (e) => {
      if (e.type === 'app' && e.item.state === 'processing' && e.item.publishedAt !== null && e.item.step === 'AWAIT_RESULT' && e.item.nextAttemptAt > e.item.publishedAt) {
        published += 1;
        if (published === 20) rss20 = process.memoryUsage().rss;
        if (published === apps.length) resolveDone();
      }
    },
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  worker.start();
  await done;
  const ms = performance.now() - started;
  clearInterval(sampler);
  await worker.stop();
  await client.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, commitMs, commits, rss20, peak, rssBefore };
}

async function main() {
  const emu = await startEmulatorProcess();
  try {
    const make = (tag: string): BareApplication[] =>
      Array.from({ length: APPS }, (_, n) => ({
        clientApplicationReference: crypto.randomUUID(),
        documents: [{ mrz: mrz(n), images: [{ imageType: 2, bytes: jpeg() }, { imageType: 3, bytes: jpeg() }] }],
        tag,
      }));
    // Warm both paths (JIT, connections) on a few applications first.
    await bare(emu, make('warm').slice(0, 5));
    await drain(emu, make('warm').slice(0, 20));

    const bareMs: number[] = [];
    const syncRuns: DrainRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareMs.push(await bare(emu, make('bare')));
      syncRuns.push(await drain(emu, make('sync')));
    }
    const bestBare = Math.min(...bareMs);
    const best = syncRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    const ratio = best.ms / bestBare;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`sync drain of ${APPS} applications (1 document, 2 × ${IMAGE_BYTES / 1000} KB images each), best of ${ROUNDS} interleaved rounds:`);
    console.log(`  bare protocol replay: ${s(bestBare)} (${(bestBare / APPS).toFixed(1)} ms/app); runs ${bareMs.map(s).join(', ')}`);
    console.log(`  sync worker drain:    ${s(best.ms)} (${(best.ms / APPS).toFixed(1)} ms/app); runs ${syncRuns.map((r) => s(r.ms)).join(', ')}`);
    console.log(`  ratio sync/bare: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO} → ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(
      `  of which durable commits: ${s(best.commitMs)} in ${best.commits} transactions (${(best.commitMs / best.commits).toFixed(2)} ms each, ${(best.commits / APPS).toFixed(1)} per app); without them the ratio is ${((best.ms - best.commitMs) / bestBare).toFixed(2)}`,
    );
    for (const [i, r] of syncRuns.entries()) {
      const rssRatio = r.peak / r.rss20;
      console.log(
        `  round ${i + 1} RSS: before ${mb(r.rssBefore)} MB, at 20 published ${mb(r.rss20)} MB, peak ${mb(r.peak)} MB → peak/at-20 ${rssRatio.toFixed(2)} (target ≤ ${RSS_TARGET} → ${rssRatio <= RSS_TARGET ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    emu.stop();
  }
}

await main();
