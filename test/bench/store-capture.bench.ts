// Capture acknowledgement latency (issue 5 benchmark 1): saveCapture of 3 images of ~1.5 MB, sealed
// and synced to disk with the rows committed, beside a bare write+fsync of the same bytes.
// Run with `npx tsx test/bench/store-capture.bench.ts`. Prints figures; never fails on time.
// Target: p95 ≤ 300 ms.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ephemeralCustody } from '../../main/store/key-custody';
import { silentLogger } from '../../main/logging/logger';
import { fsyncDir } from '../../main/store/atomic-write';
import { openStore } from '../../main/store/open-store';
import { percentile } from './bench-stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;
const IMAGE_BYTES = 1_500_000;
const TARGET_P95_MS = 300;

function images(): Buffer[] {
  return [0, 1, 2].map(() => {
    const b = crypto.randomBytes(IMAGE_BYTES);
    b[0] = 0xff;
    b[1] = 0xd8;
    return b;
  });
}

async function bareWrite(dir: string, files: Buffer[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    files.map(async (bytes, i) => {
      const handle = await fs.promises.open(path.join(dir, `${crypto.randomUUID()}-${i}.bin`), 'wx', 0o600);
      await handle.writeFile(bytes);
      await handle.sync();
      await handle.close();
    }),
  );
  fsyncDir(dir);
  return performance.now() - started;
}

function line(name: string, values: number[], extra = ''): void {
  console.log(`${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms, n=${values.length}${extra}`);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-capture-'));
try {
  const store = openStore({ dataDir: path.join(root, 'data'), custody: ephemeralCustody(), log: silentLogger() });
  store.recover();
  const bareDir = path.join(root, 'bare');
  fs.mkdirSync(bareDir);

  const capture: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const files = images();
    // Alternate the order so neither side always runs on a warmer cache.
    const b = i % 2 === 0 ? await bareWrite(bareDir, files) : NaN;
    const started = performance.now();
    await store.capture.saveCapture({
      capturedBy: null,
      documents: [{ format: 'TD1', personal: { surname: `BENCH${i}`, mrz: `I<GBRBENCH${i}` }, images: files.map((bytes, j) => ({ bytes, mime: 'image/jpeg', side: j === 0 ? 'front' : 'back', imageType: j === 0 ? 2 : 3 })) }],
    });
    const c = performance.now() - started;
    const b2 = i % 2 === 1 ? await bareWrite(bareDir, files) : b;
    if (i >= WARMUP) {
      capture.push(c);
      bare.push(b2);
    }
  }
  store.close();

  const p95 = percentile(capture, 95);
  console.log(`capture of 3 × ${(IMAGE_BYTES / 1e6).toFixed(1)} MB, sealed + fsynced + committed (synchronous=FULL):`);
  line('  saveCapture', capture, `  target p95 ≤ ${TARGET_P95_MS} ms → ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'} (p95/target ${(p95 / TARGET_P95_MS).toFixed(2)})`);
  line('  bare write+fsync of the same bytes', bare);
  console.log(`  overhead: p50 ratio ${(percentile(capture, 50) / percentile(bare, 50)).toFixed(2)}×, p95 ratio ${(p95 / percentile(bare, 95)).toFixed(2)}× the bare write`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
