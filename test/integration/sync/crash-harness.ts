// The sync crash harness (issue 5 "Crash test"): runs the sync worker in a child process against the
// emulator (in this process, with its state file), SIGKILLs the child over and over — at exact hook
// points (after a SENT commit before the request, after TrustID answered before the commit, in the
// middle of a commit) and at random moments — restarts it each time, then lets it drain. Then it
// checks: every acknowledged application published exactly once (the emulator's publish counter per
// ClientApplicationReference), none lost, I1/I2/I5 on the local records, integrity_check ok, no
// orphan image files, the audit chain intact.
//
//   npx tsx test/integration/sync/crash-harness.ts --points 1000 [--apps 40] [--seed 7] [--tracks 2]
//   npx tsx test/integration/sync/crash-harness.ts --points 200 --apps 500 --fault-rate 0.2   (the soak)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { startEmulator, type FaultRuleInput, type RunningEmulator } from '../../../main/demo/emulator';
import { silentLogger } from '../../../main/logging/logger';
import { openStore, type Store } from '../../../main/store/open-store';
import { possiblyPublished } from '../../../main/sync/abandon-restart';
import { applyStaffAction } from '../../../main/sync/staff-actions';
import { defaultSyncParams } from '../../../main/sync/sync-params';
import { submissionStoreFrom } from '../../../main/sync/store-adapter';
import type { ChildConfig, KillPoint } from './crash-child';
import { jpeg, validMrz } from './sync-rig';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

export type HarnessOptions = {
  /** Kill points to inflict (each one a SIGKILL of the child). */
  points?: number;
  /** Exact kill points, in order, instead of random ones (each must fire). */
  script?: KillPoint[];
  /** Applications captured before the first start; more are added whenever the queue drains. */
  apps?: number;
  seed?: number;
  /** Restart the emulator from its state file every this many kill points (0: never). */
  emulatorRestartEvery?: number;
  /** Independent kiosks (data folders and children) killed side by side against the one emulator. */
  tracks?: number;
  /** Random emulator faults on every call at about this rate (the soak: 0.2). */
  faultRate?: number;
  log?: (line: string) => void;
};

export type HarnessReport = {
  kills: number;
  killsBy: Record<string, number>;
  apps: number;
  lives: number;
  emulatorRestarts: number;
  restartsCounted: number;
  /** Apps stopped at the 11-restart cap by repeated kills, retried by "staff" (crash test only). */
  staffRetries: number;
  /** Soak only: applications that ended in a staff-visible stop, by reason. */
  stoppedBy: Record<string, number>;
  wallMs: number;
  problems: string[];
};

type Life = { exit: 'killed' | 'drained' | 'failed'; killedAt: string | null; stderr: string };

/**
 * Staff's part (§10): an application killed mid-build eleven times stops at the restart cap, where
 * staff see it; they press Retry. Returns how many were retried. Runs while no child is alive.
 */
function retryStoppedByRestartCap(dataDir: string, keyFile: string): number {
  const store = openStore({ dataDir, custody: fileKeyCustody(keyFile, true), log: silentLogger() });
  try {
    const port = submissionStoreFrom(store);
    let retried = 0;
    for (const app of port.list({ attentionOnly: true, limit: 10_000 })) {
      if (app.attentionReason !== 'restarts') continue;
      const rec = port.load(app.id)!;
      const r = applyStaffAction(rec, { kind: 'retry' }, { userId: 'crash-harness', admin: false }, { now: Date.now(), onlineS: 0, random: Math.random, params: defaultSyncParams });
      if (r.refused) continue;
      port.save(r.state, rec.revision, []);
      retried += 1;
    }
    return retried;
  } finally {
    store.close();
  }
}

const MUTATING = ['createContainer', 'createDocument', 'uploadImage', 'uploadApplicantPhoto', 'publish'];

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function bundleChild(dir: string): Promise<string> {
  // Bundled once, so each restart costs a node start-up rather than a TypeScript compile.
  const out = path.join(dir, 'child.mjs');
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  await build({
    entryPoints: [path.join(here, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return out;
}

function runLife(script: string, config: ChildConfig, killAfterReadyMs: number | null, timeoutMs: number): Promise<Life> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let killedAt: string | null = null;
    let drained = false;
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (;;) {
        const nl = out.indexOf('\n');
        if (nl < 0) break;
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'ready' && killAfterReadyMs !== null) {
          setTimeout(() => {
            if (!drained) {
              killedAt ??= 'timer';
              child.kill('SIGKILL');
            }
          }, killAfterReadyMs);
        } else if (line.startsWith('kill ')) {
          killedAt = line.slice(5);
        } else if (line === 'drained') {
          drained = true;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    // 'close', not 'exit': only then has the last line the child wrote before dying been read.
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && killedAt !== null) resolve({ exit: 'killed', killedAt, stderr });
      else if (code === 0 && drained) resolve({ exit: 'drained', killedAt: null, stderr });
      else resolve({ exit: 'failed', killedAt, stderr: `${stderr}\n(${timedOut ? `no progress within ${timeoutMs / 1000} s; ` : ''}exit code ${code}, signal ${signal})` });
    });
  });
}

async function captureApps(dataDir: string, keyFile: string, count: number, random: () => number, into: string[]): Promise<void> {
  const store = openStore({ dataDir, custody: fileKeyCustody(keyFile, true), log: silentLogger() });
  try {
    for (let i = 0; i < count; i++) {
      const appId = crypto.randomUUID();
      const images = 1 + Math.floor(random() * 3);
      await store.capture.saveCapture({
        appId,
        capturedBy: null,
        documents: [
          {
            format: 'TD3',
            personal: { surname: `CRASH${into.length}`, mrz: validMrz(`CRASH${String.fromCharCode(65 + (into.length % 26))}`) },
            images: Array.from({ length: images }, (_, j) => ({
              bytes: jpeg(2_000 + Math.floor(random() * 30_000)),
              mime: 'image/jpeg' as const,
              side: j === 0 ? ('front' as const) : ('back' as const),
              imageType: j === 0 ? 2 : 3,
            })),
          },
        ],
        // Every third capture has an applicant photo, so every step kind occurs early in the queue.
        ...(into.length % 3 === 1 ? { applicantPhoto: { bytes: jpeg(1_500), mime: 'image/jpeg' as const } } : {}),
      });
      // Acknowledged: saveCapture returned, so the capture is durable (W0).
      into.push(appId);
    }
  } finally {
    store.close();
  }
}

function randomKillPoint(random: () => number): KillPoint {
  const roll = random();
  if (roll < 0.2) return { when: 'mid-commit', n: 1 + Math.floor(random() * 12) };
  const kinds = [...MUTATING, 'retrieve'];
  return { when: roll < 0.6 ? 'before-send' : 'after-answer', kind: kinds[Math.floor(random() * kinds.length)]!, n: 1 + Math.floor(random() * 3) };
}

/** About `rate` of all calls fail, spread over the faults a network and TrustID can produce (the soak, §12.7). */
function faultRules(rate: number): FaultRuleInput[] {
  const share = (p: number) => rate * p;
  const ops = ['createDocumentContainer', 'createDocument', 'uploadImage', 'uploadApplicantPhoto', 'publishDocumentContainer'];
  return [
    { match: { path: '*', probability: share(0.25) }, action: 'http:503' },
    { match: { path: '*', probability: share(0.15) }, action: 'resetDuringResponse' },
    { match: { path: '*', probability: share(0.1) }, action: 'refuse' },
    { match: { path: '*', probability: share(0.05) }, action: 'http:429', retryAfter: 1 },
    { match: { path: 'dataAccess/uploadImage', probability: share(0.15) }, action: 'resetDuringRequest' },
    { match: { path: 'dataAccess/publishDocumentContainer', probability: share(0.5) }, action: 'applyThenDrop' },
    ...ops.flatMap((op): FaultRuleInput[] => [
      { match: { path: `dataAccess/${op}`, probability: share(0.15) }, action: 'sessionExpired' },
      { match: { path: `dataAccess/${op}`, probability: share(0.1) }, action: 'flag:Locked' },
      { match: { path: `dataAccess/${op}`, probability: share(0.03) }, action: 'reject' },
    ]),
    { match: { path: 'dataAccess/retrieveDocumentContainer', probability: share(0.15) }, action: 'sessionExpired' },
  ];
}

function verify(store: Store, emu: RunningEmulator, appIds: string[], allApps: string[], problems: string[], allowStopped = false, stoppedBy: Record<string, number> = {}): number {
  const port = submissionStoreFrom(store);
  const integrity = store.integrityCheck();
  if (integrity !== null) problems.push(`integrity_check: ${integrity}`);
  const counts = emu.publishCounts();
  const known = new Set(allApps);
  let restarts = 0;
  const referencedFiles = new Set<string>();
  for (const id of appIds) {
    const s = port.load(id);
    if (s === null) {
      problems.push(`${id}: acknowledged but missing from the store`);
      continue;
    }
    restarts += s.app.restarts;
    const published = emu.containers(id).filter((c) => c.publishCount > 0);
    const stopped = s.app.attentionReason !== null || ['CANCELLED', 'CLOSED_BY_STAFF'].includes(s.app.step);
    if (allowStopped && stopped) {
      const reason = s.app.attentionReason ?? s.app.step;
      stoppedBy[reason] = (stoppedBy[reason] ?? 0) + 1;
      // §12.7: a staff-visible stop with zero or one published container, matching the local record.
      if (published.length > 1) problems.push(`${id}: stopped (${s.app.attentionReason}) with ${published.length} published containers`);
      const local = s.containers.find((c) => c.containerId === published[0]?.containerId);
      if (published.length === 1 && (local === undefined || !possiblyPublished(local))) problems.push(`${id}: stopped, and its published container is not known as possibly published`);
      for (const img of store.images.list(id)) referencedFiles.add(img.fileName);
      continue;
    }
    if ((counts[id]?.containersPublished ?? 0) !== 1 || published.length !== 1) {
      problems.push(`${id}: published ${counts[id]?.containersPublished ?? 0} times (step ${s.app.step}, attention ${s.app.attentionReason})`);
    } else if (published[0]!.containerId !== s.app.currentContainerId) {
      problems.push(`${id}: the published container is not the current one`);
    }
    if (!['AWAIT_RESULT', 'COMPLETED'].includes(s.app.step) || s.app.attentionReason !== null) problems.push(`${id}: ended at ${s.app.step} / ${s.app.attentionReason}`);
    // I1: at most one container possibly published; abandoned ones never were (nor are at TrustID).
    if (s.containers.filter(possiblyPublished).length > 1) problems.push(`${id}: I1 broken locally`);
    for (const c of s.containers) {
      if (c.abandonedAt !== null && (possiblyPublished(c) || published.some((p) => p.containerId === c.containerId))) problems.push(`${id}: abandoned container ${c.containerId} was published`);
    }
    for (const img of store.images.list(id)) referencedFiles.add(img.fileName);
  }
  // I5: every container at TrustID carries the id of an acknowledged capture.
  for (const c of emu.containers()) if (!known.has(c.clientApplicationReference ?? '')) problems.push(`container ${c.containerId} has an unknown reference`);
  // No orphan or temp files beside the rows that name them.
  const files = fs.readdirSync(store.imagesDir);
  for (const f of files) if (!referencedFiles.has(f)) problems.push(`orphan file images/${f}`);
  for (const f of referencedFiles) if (!files.includes(f)) problems.push(`missing file images/${f}`);
  const audit = store.audit.verify();
  if (!audit.ok) problems.push(`audit chain broken at ${audit.firstBrokenSeq}: ${audit.problem}`);
  return restarts;
}

export async function runCrashHarness(opts: HarnessOptions = {}): Promise<HarnessReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const random = xorshift(opts.seed ?? crypto.randomInt(1, 2 ** 31));
  const points = opts.script?.length ?? opts.points ?? 100;
  // A script runs in order on one track; random points are shared out between tracks.
  const trackCount = opts.script ? 1 : Math.max(1, opts.tracks ?? 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-sync-crash-'));
  const stateFile = path.join(dir, 'emulator-state.json');
  const script = await bundleChild(dir);
  const emulatorOptions = { controls: true, stateFile, processing: { workflowDelayMs: 50, decisionDelayMs: 100, reviewDelayMs: 1_000 } };
  let emu = await startEmulator({ port: 0, ...emulatorOptions });
  const emuPort = emu.port;
  const problems: string[] = [];
  const killsBy: Record<string, number> = {};
  let kills = 0;
  let lives = 0;
  let emulatorRestarts = 0;
  let staffRetries = 0;
  let restarting: Promise<void> | null = null;
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;

  type Track = { dataDir: string; keyFile: string; deviceIdFile: string; appIds: string[] };
  const tracks: Track[] = Array.from({ length: trackCount }, (_, i) => ({
    dataDir: path.join(dir, `kiosk-${i}`, 'data'),
    keyFile: path.join(dir, `kiosk-${i}`, 'data.key'),
    deviceIdFile: path.join(dir, `kiosk-${i}`, 'device-id'),
    appIds: [],
  }));
  const config = (t: Track, seed: number, kill?: KillPoint): ChildConfig => ({
    dataDir: t.dataDir,
    keyFile: t.keyFile,
    origin: emu.origin,
    apiKey: emu.apiKey,
    username: user.username,
    password: user.password,
    deviceIdFile: t.deviceIdFile,
    seed,
    ...(kill ? { kill } : {}),
  });
  const addFaults = () => {
    for (const rule of opts.faultRate ? faultRules(opts.faultRate) : []) emu.addFault(rule);
  };
  addFaults();

  async function maybeRestartEmulator(): Promise<void> {
    const every = opts.emulatorRestartEvery ?? 25;
    if (every <= 0 || kills === 0 || kills < (emulatorRestarts + 1) * every) return;
    if (restarting) return restarting;
    // TrustID's side goes down and comes back from its state file (the other kiosk may see it).
    restarting = (async () => {
      emulatorRestarts += 1;
      await emu.close();
      emu = await startEmulator({ port: emuPort, ...emulatorOptions });
      addFaults();
    })();
    await restarting;
    restarting = null;
  }

  async function runTrack(t: Track): Promise<void> {
    let scripted = 0;
    while (kills < points && lives < points * 4 + 20 && problems.length === 0) {
      await maybeRestartEmulator();
      lives += 1;
      const planned = opts.script ? opts.script[scripted] : random() < 0.5 ? randomKillPoint(random) : undefined;
      const timerMs = planned === undefined ? Math.floor(random() * 200) : null;
      const t0 = Date.now();
      const life = await runLife(script, config(t, Math.floor(random() * 2 ** 31), planned), timerMs, 60_000);
      if (process.env.SYNC_CRASH_TIMING) log(`life ${lives}: ${Date.now() - t0} ms (${life.exit}, ${life.killedAt ?? ''}, timer ${timerMs})`);
      if (life.exit === 'failed') {
        problems.push(`child failed: ${life.stderr.trim().slice(-2000)}`);
        return;
      }
      if (life.exit === 'killed') {
        kills += 1;
        const key = life.killedAt === 'timer' ? 'timer' : life.killedAt!.split(' ').slice(0, 2).join(' ');
        killsBy[key] = (killsBy[key] ?? 0) + 1;
        if (opts.script) scripted += 1;
        log(`kill ${kills}/${points}: ${life.killedAt}`);
      } else {
        if (opts.script) {
          problems.push(`scripted kill point ${JSON.stringify(planned)} never fired`);
          scripted += 1;
          if (scripted >= opts.script.length) return;
        }
        // Nothing was left to run before the kill landed: give the next lives more to do.
        if (!opts.faultRate) staffRetries += retryStoppedByRestartCap(t.dataDir, t.keyFile);
        await captureApps(t.dataDir, t.keyFile, 6, random, t.appIds);
      }
    }
  }

  try {
    for (const t of tracks) {
      fs.mkdirSync(t.dataDir, { recursive: true });
      await captureApps(t.dataDir, t.keyFile, Math.ceil((opts.apps ?? 24) / trackCount), random, t.appIds);
    }
    await Promise.all(tracks.map(runTrack));
    let restartsCounted = 0;
    const stoppedBy: Record<string, number> = {};
    for (const t of tracks) {
      // The last lives drain the queue (staff retrying what stopped at the restart cap).
      for (let round = 0; round < 5; round++) {
        const last = await runLife(script, config(t, 7 + round), null, 120_000);
        lives += 1;
        if (last.exit !== 'drained') {
          problems.push(`the final run did not drain: ${last.stderr.trim().slice(-2000)}`);
          break;
        }
        const retried = opts.faultRate ? 0 : retryStoppedByRestartCap(t.dataDir, t.keyFile);
        staffRetries += retried;
        if (retried === 0) break;
      }
    }
    const allApps = tracks.flatMap((t) => t.appIds);
    for (const t of tracks) {
      const store = openStore({ dataDir: t.dataDir, custody: fileKeyCustody(t.keyFile, true), log: silentLogger() });
      try {
        restartsCounted += verify(store, emu, t.appIds, allApps, problems, opts.faultRate !== undefined, stoppedBy);
      } finally {
        store.close();
      }
    }
    return { kills, killsBy, apps: allApps.length, lives, emulatorRestarts, restartsCounted, staffRetries, stoppedBy, wallMs: Date.now() - started, problems };
  } finally {
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// CLI: npx tsx test/integration/sync/crash-harness.ts --points 1000
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const report = await runCrashHarness({
    points: arg('points') ?? 100,
    apps: arg('apps') ?? 24,
    seed: arg('seed'),
    tracks: arg('tracks') ?? 2,
    ...(arg('fault-rate') !== undefined ? { faultRate: arg('fault-rate') } : {}),
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.stdout.write(`${JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 2)}\n`);
  process.stdout.write(`${report.problems.length === 0 ? 'PASS' : 'FAIL'}: ${report.kills} kill points, ${report.apps} applications, ${report.lives} lives, ${(report.wallMs / 1000).toFixed(1)} s\n`);
  process.exit(report.problems.length === 0 ? 0 : 1);
}
