// Benchmark: the sync worker draining 200 queued applications (1 document, 2 images of ~300 KB,
// sealed on disk) to the emulator, until every one is published — beside the bare protocol replay of
// the same calls (bare-replay.ts: plain fetch, bytes in memory, no disk). Target: wall time ≤ 1.25×
// the bare replay. Also peak RSS during the drain against the RSS once 20 applications were
// published (target: flat, ≤ 1.2×). The emulator runs in its own process, as a real server would.
// The drain runs at submissionConcurrency 1 and at the default; beside the one-at-a-time replay (the
// issue's floor) it also prints a replay with as many applications in flight as the default, the
// like-for-like floor. Each drain is broken down: time with a request in flight, summed request
// time, time in transactions, transactions (= WAL fsyncs under synchronous=FULL, checkpoints aside),
// step records per transaction, RSS.
// Prints figures; never fails on timing. Run: npx tsx test/bench/sync-drain.bench.ts [apps]
// (BENCH_ROUNDS=n for more or fewer interleaved rounds, BENCH_UPLOADS=n for uploads in flight).
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
import { defaultSyncParams } from '../../main/sync/sync-params';
import type { SubmissionApi, SubmissionStore } from '../../main/sync/sync-ports';
import { submissionApiFrom, syncClientOptions } from '../../main/sync/trustid-adapter';
import { createTrustIdClient } from '../../main/trustid';
import { bareLogin, bareSubmit, type BareApplication } from './bare-replay';
import { summarise } from './bench-stats';

const APPS = Math.max(20, Number(process.argv[2] ?? process.env.BENCH_SYNC_APPS ?? 200) || 200);
const IMAGE_BYTES = 300_000;
const TARGET_RATIO = 1.25;
const RSS_TARGET = 1.2;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);
const DEFAULT_CONCURRENCY = defaultSyncParams.submissionConcurrency;
/** BENCH_UPLOADS=n: uploads in flight for the drains (default: the worker's, 1). */
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 0) || 0;

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

/** The bare replay with `inFlight` applications submitted side by side (1: one after another). */
async function bare(emu: EmulatorProcess, apps: BareApplication[], inFlight = 1): Promise<number> {
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;
  const session = await bareLogin({ apiRoot: emu.baseUrl, apiKey: emu.apiKey, deviceId: `kiosk-${crypto.randomUUID()}`, username: user.username, password: user.password });
  const started = performance.now();
  let next = 0;
  const runner = async () => {
    while (next < apps.length) await bareSubmit(session, apps[next++]!);
  };
  await Promise.all(Array.from({ length: inFlight }, runner));
  return performance.now() - started;
}

type DrainRun = {
  concurrency: number;
  ms: number;
  /** Wall time with at least one TrustID request in flight, and the requests' summed time. */
  httpWallMs: number;
  httpSumMs: number;
  requests: number;
  /** Outermost transactions (each one WAL fsync), the time inside them, and step records written. */
  txMs: number;
  transactions: number;
  stepWrites: number;
  /** Time the group commits waited for their fsync off the event loop (summed over groups). */
  syncMs: number;
  rss20: number;
  peak: number;
  rssBefore: number;
};

async function drain(emu: EmulatorProcess, apps: BareApplication[], concurrency: number): Promise<DrainRun> {
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
  // A group commit's saves run inside the repo's own transaction: not counted again below.
  let inGroup = false;
  const port: SubmissionStore = {
    ...real,
    commitThenSync: (fn) => {
      inGroup = true;
      try {
        return real.commitThenSync!(fn);
      } finally {
        inGroup = false;
      }
    },
  };
  // Every transaction of the drain (the worker's step commits, the queue record), outermost only:
  // each commit is one fsync of the WAL with synchronous=FULL. Counted only while the worker runs.
  let txMs = 0;
  let transactions = 0;
  let depth = 0;
  let counting = false;
  const rawTransaction = store.transaction.bind(store);
  store.transaction = <T>(fn: () => T): T => {
    if (depth > 0 || !counting || inGroup) return rawTransaction(fn);
    const t = performance.now();
    depth += 1;
    try {
      return rawTransaction(fn);
    } finally {
      depth -= 1;
      txMs += performance.now() - t;
      transactions += 1;
    }
  };
  // Request time: summed, and the wall time during which at least one request was in flight.
  const api = submissionApiFrom(client);
  let inFlight = 0;
  let busySince = 0;
  let httpWallMs = 0;
  let httpSumMs = 0;
  let requests = 0;
  const timed: SubmissionApi = {
    ...api,
    async call(call, extras) {
      const t = performance.now();
      if (inFlight++ === 0) busySince = t;
      try {
        return await api.call(call, extras);
      } finally {
        const end = performance.now();
        httpSumMs += end - t;
        requests += 1;
        if (--inFlight === 0) httpWallMs += end - busySince;
      }
    },
  };
  // Distinct apps: once the drain runs past the first poll (30 s), AWAIT_RESULT events repeat.
  const published = new Set<string>();
  let rss20 = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const worker = new SubmissionWorker({
    store: port,
    apiFor: () => timed,
    params: { submissionConcurrency: concurrency, ...(UPLOADS ? { uploadConcurrency: UPLOADS } : {}) },
    clock: systemClock,
    scheduler: timerScheduler(),
    log: silentLogger(),
    onEvent: (e) => {
      if (e.type === 'app' && e.item.state === 'processing' && e.item.publishedAt !== null && e.item.step === 'AWAIT_RESULT' && e.item.nextAttemptAt > e.item.publishedAt) {
        if (published.has(e.item.appId)) return;
        published.add(e.item.appId);
        if (published.size === 20) rss20 = process.memoryUsage().rss;
        if (published.size === apps.length) resolveDone();
      }
    },
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  counting = true;
  const started = performance.now();
  worker.start();
  await done;
  const ms = performance.now() - started;
  counting = false;
  clearInterval(sampler);
  const stats = worker.commitStats();
  const stepWrites = stats.writes;
  // Group commits go through the submission repo's own transaction (commitThenSync), not store.transaction.
  transactions += stats.transactions;
  txMs += stats.ms;
  const syncMs = stats.syncMs;
  await worker.stop();
  await client.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { concurrency, ms, httpWallMs, httpSumMs, requests, txMs, transactions, stepWrites, syncMs, rss20, peak, rssBefore };
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
    await drain(emu, make('warm').slice(0, 20), DEFAULT_CONCURRENCY);

    const bareMs: number[] = [];
    const bareWideMs: number[] = [];
    const oneRuns: DrainRun[] = [];
    const wideRuns: DrainRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareMs.push(await bare(emu, make('bare')));
      oneRuns.push(await drain(emu, make('sync'), 1));
      wideRuns.push(await drain(emu, make('sync'), DEFAULT_CONCURRENCY));
      bareWideMs.push(await bare(emu, make('bare'), DEFAULT_CONCURRENCY));
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const bestBare = Math.min(...bareMs);
    const bestBareWide = Math.min(...bareWideMs);
    const bestOf = (runs: DrainRun[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    console.log(`sync drain of ${APPS} applications (1 document, 2 × ${IMAGE_BYTES / 1000} KB images each), best of ${ROUNDS} interleaved rounds:`);
    console.log(`  bare replay, one at a time:  ${s(bestBare)} (${(bestBare / APPS).toFixed(1)} ms/app); runs ${bareMs.map(s).join(', ')}`);
    console.log(`  bare replay, ${DEFAULT_CONCURRENCY} in flight:    ${s(bestBareWide)} (${(bestBareWide / APPS).toFixed(1)} ms/app); runs ${bareWideMs.map(s).join(', ')}`);
    for (const runs of [oneRuns, wideRuns]) {
      const best = bestOf(runs);
      const ratio = best.ms / bestBare;
      summarise({ figure: `drain of ${APPS} applications, concurrency ${best.concurrency}`, value: best.ms, floor: bestBare, goal: TARGET_RATIO });
      console.log(`  sync drain, concurrency ${best.concurrency}: ${s(best.ms)} (${(best.ms / APPS).toFixed(1)} ms/app); runs ${runs.map((r) => s(r.ms)).join(', ')}`);
      console.log(
        `    ratio to the one-at-a-time replay ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO} → ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}); to the ${DEFAULT_CONCURRENCY}-in-flight replay ${(best.ms / bestBareWide).toFixed(2)}`,
      );
      console.log(
        `    requests in flight ${s(best.httpWallMs)} of the wall time (${best.requests} requests, ${s(best.httpSumMs)} summed); transactions ${best.transactions} (${(best.transactions / APPS).toFixed(1)} per app, = fsyncs) blocking the event loop ${s(best.txMs)} (${(best.txMs / Math.max(1, best.transactions)).toFixed(2)} ms each), fsync waits off the loop ${s(best.syncMs)} summed; ${(best.stepWrites / Math.max(1, best.transactions)).toFixed(2)} step records per transaction`,
      );
    }
    for (const [i, r] of [...oneRuns, ...wideRuns].entries()) {
      const rssRatio = r.peak / r.rss20;
      console.log(
        `  run ${i + 1} (concurrency ${r.concurrency}) RSS: before ${mb(r.rssBefore)} MB, at 20 published ${mb(r.rss20)} MB, peak ${mb(r.peak)} MB → peak/at-20 ${rssRatio.toFixed(2)} (target ≤ ${RSS_TARGET} → ${rssRatio <= RSS_TARGET ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    emu.stop();
  }
}

await main();
