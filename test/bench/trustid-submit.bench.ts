// Benchmark: the TrustID client's time to submit one application (login reused; 3 documents with
// 2 images of ~1.5 MB each, streamed from files) to the emulator over loopback, against a bare
// fetch replay of the same calls with the bytes already in memory (bare-replay.ts).
// Target: client median ≤ 1.2 × bare median. Prints figures; never fails on timing.
// The emulator runs in its own process (as a real server would), so its work does not share the
// client's event loop. Run: npx tsx test/bench/trustid-submit.bench.ts [runs]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { buildTd3 } from '../../main/demo/emulator';
import { createTrustIdClient } from '../../main/trustid';
import type { TrustIdClient } from '../../main/trustid';
import { bareLogin, bareSubmit } from './bare-replay';
import type { BareApplication } from './bare-replay';
import { summarise } from './bench-stats';

const RUNS = Math.max(10, Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 30) || 30);
const WARMUP = 2;
const IMAGE_BYTES = 1_500_000;
const TARGET_RATIO = 1.2;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
const fmt = (ms: number) => ms.toFixed(1);

type EmulatorProcess = {
  baseUrl: string;
  controlUrl: string;
  apiKey: string;
  users: { username: string; password: string }[];
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>>;
  stop(): void;
};

/** Starts `main/demo/emulator-main.ts` and reads the one JSON line it prints. */
async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/demo/emulator-main.ts', '--port', '0', '--controls'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before it started`)));
  });
  const info = JSON.parse(line) as Omit<EmulatorProcess, 'control' | 'stop'>;
  return {
    ...info,
    async control(method, controlPath, body) {
      const res = await fetch(new URL(controlPath, info.controlUrl), {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-submit-'));
  const emu = await startEmulatorProcess();
  // Processing is pushed out of the measured window so it does not compete with the uploads.
  await emu.control('POST', 'config', { processing: { workflowDelayMs: 600_000, decisionDelayMs: 600_000 } });
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;

  const mrz = (n: number) =>
    buildTd3({ issuingState: 'GBR', surname: 'BENCH', givenNames: ['RUN'], documentNumber: `12345678${n}`, nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '350101' });
  const files: string[][] = [];
  for (let d = 0; d < 3; d++) {
    files.push([]);
    for (let i = 0; i < 2; i++) {
      const file = path.join(dir, `doc${d}-img${i}.jpg`);
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(IMAGE_BYTES - 4)]));
      files[d]!.push(file);
    }
  }
  const inMemory = files.map((images) => images.map((file) => fs.readFileSync(file)));

  const client: TrustIdClient = createTrustIdClient({
    baseUrl: emu.baseUrl,
    apiKey: emu.apiKey,
    credentials: () => ({ username: user.username, password: user.password }),
    deviceIdFile: path.join(dir, 'device-id.json'),
  });

  async function clientRun(ref: string) {
    const { containerId } = await client.createDocumentContainer({ clientApplicationReference: ref });
    for (let d = 0; d < 3; d++) {
      const { documentId } = await client.createDocument({ containerId, mrz: mrz(d) });
      for (let i = 0; i < 2; i++) await client.uploadImage({ containerId, documentId, imageType: i === 0 ? 2 : 3, body: { filePath: files[d]![i]! } });
    }
    await client.publishDocumentContainer({ containerId });
  }

  const bareApp = (ref: string): BareApplication => ({
    clientApplicationReference: ref,
    documents: inMemory.map((images, d) => ({ mrz: mrz(d), images: images.map((bytes, i) => ({ imageType: i === 0 ? 2 : 3, bytes })) })),
  });

  const timings = { client: [] as number[], bare: [] as number[] };
  for (let run = 0; run < RUNS + WARMUP; run++) {
    // Each run starts from an empty emulator (so memory does not grow) with fresh sessions made
    // outside the timed window: "login reused" for both sides.
    await emu.control('POST', 'reset');
    await client.login();
    const bareSession = await bareLogin({ apiRoot: emu.baseUrl, apiKey: emu.apiKey, deviceId: `kiosk-${crypto.randomUUID()}`, username: user.username, password: user.password });
    // Alternate which goes first, so neither always meets a warmer process.
    const order = run % 2 === 0 ? (['client', 'bare'] as const) : (['bare', 'client'] as const);
    for (const side of order) {
      const ref = `bench-${side}-${run}`;
      const started = performance.now();
      if (side === 'client') await clientRun(ref);
      else await bareSubmit(bareSession, bareApp(ref));
      const ms = performance.now() - started;
      if (run >= WARMUP) timings[side].push(ms);
    }
    const { counts } = (await emu.control('GET', 'publish-counts')) as { counts: Record<string, { containersPublished: number }> };
    const published = counts;
    if (published[`bench-client-${run}`]?.containersPublished !== 1 || published[`bench-bare-${run}`]?.containersPublished !== 1) {
      throw new Error(`run ${run}: an application was not published exactly once`);
    }
  }

  await client.close();
  emu.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  const client_ = [...timings.client].sort((a, b) => a - b);
  const bare = [...timings.bare].sort((a, b) => a - b);
  const clientMedian = quantile(client_, 0.5);
  const bareMedian = quantile(bare, 0.5);
  const ratio = clientMedian / bareMedian;
  const megabytes = (6 * IMAGE_BYTES) / 1e6;
  console.log(`trustid-submit: ${RUNS} runs each (+${WARMUP} warm-up), 3 documents × 2 images × ${(IMAGE_BYTES / 1e6).toFixed(1)} MB, 11 calls, login reused, emulator on loopback`);
  console.log(`client (files, streamed): median ${fmt(clientMedian)} ms  p95 ${fmt(quantile(client_, 0.95))} ms  min ${fmt(client_[0]!)} ms  (${(megabytes / (clientMedian / 1000)).toFixed(0)} MB/s)`);
  console.log(`bare fetch (in memory):   median ${fmt(bareMedian)} ms  p95 ${fmt(quantile(bare, 0.95))} ms  min ${fmt(bare[0]!)} ms  (${(megabytes / (bareMedian / 1000)).toFixed(0)} MB/s)`);
  summarise({ figure: 'TrustID submit, 11 calls (median)', value: clientMedian, floor: bareMedian, goal: TARGET_RATIO });
  console.log(`ratio client/bare (median): ${ratio.toFixed(2)}  target ≤ ${TARGET_RATIO}  ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`);
}

main().catch((error: unknown) => {
  // A broken benchmark (not a slow one) is worth a non-zero exit.
  console.error(error);
  process.exit(1);
});
