// Child process of the sync crash harness: the real sync worker (real clock, real store, real
// TrustID client) against an emulator the parent runs. It can SIGKILL itself at an exact point —
// right after a step's SENT commit before the request leaves, after TrustID has answered but before
// the answer is committed, or in the middle of a commit — or the parent kills it at a random moment.
// It prints `ready` once recovery is done and `drained` once nothing is left to run (every app
// published, or stopped for staff).
// Test-only; run with node (bundled) or `node --import tsx`.
import { fileKeyCustody } from '../../../main/store/key-custody';
import { silentLogger } from '../../../main/logging/logger';
import { openStore } from '../../../main/store/open-store';
import { timerScheduler, systemClock } from '../../../main/sync/real-time';
import { submissionStoreFrom } from '../../../main/sync/store-adapter';
import { SubmissionWorker } from '../../../main/sync/submission-worker';
import type { SubmissionApi, SubmissionStore } from '../../../main/sync/sync-ports';
import { submissionApiFrom, syncClientOptions } from '../../../main/sync/trustid-adapter';
import { createTrustIdClient } from '../../../main/trustid/client';

export type KillPoint = {
  /** Which hook: after the SENT commit (before the request), after the answer (before its commit), inside a commit. */
  when: 'before-send' | 'after-answer' | 'mid-commit';
  /** Call kind for the first two; ignored for mid-commit. */
  kind?: string;
  /** Kill at the n-th time the hook matches in this life (1-based). */
  n: number;
};

export type ChildConfig = {
  dataDir: string;
  keyFile: string;
  origin: string;
  apiKey: string;
  username: string;
  password: string;
  deviceIdFile: string;
  seed: number;
  kill?: KillPoint;
};

// Pipes are synchronous on Linux: a line written here reaches the parent even if we die next.
const say = (line: string) => process.stdout.write(`${line}\n`);

function die(where: string): never {
  say(`kill ${where}`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const kill = config.kill;
let hookCount = 0;
const hit = (when: KillPoint['when'], kind?: string) => kill !== undefined && kill.when === when && (kill.kind === undefined || kill.kind === kind) && ++hookCount === kill.n;

const store = openStore({ dataDir: config.dataDir, custody: fileKeyCustody(config.keyFile, true), log: silentLogger() });
store.recover({ verifyAudit: false });
const real = submissionStoreFrom(store);
const port: SubmissionStore = {
  ...real,
  save(state, expectRevision, audits) {
    if (kill?.when !== 'mid-commit') return real.save(state, expectRevision, audits);
    // The statements run inside the transaction; dying before COMMIT leaves nothing behind.
    return store.transaction(() => {
      const revision = real.save(state, expectRevision, audits);
      if (hit('mid-commit')) die(`mid-commit ${state.app.step} ${state.app.phase}`);
      return revision;
    });
  },
};

const client = createTrustIdClient(
  syncClientOptions({
    baseUrl: config.origin,
    apiKey: config.apiKey,
    credentials: () => ({ username: config.username, password: config.password }),
    deviceIdFile: config.deviceIdFile,
    timeouts: { connectMs: 2_000, jsonMs: 5_000, uploadMs: 10_000 },
  }),
);
const api = submissionApiFrom(client);
const hooked: SubmissionApi = {
  ...api,
  async call(call, extras) {
    if (hit('before-send', call.kind)) die(`before-send ${call.kind}`);
    const outcome = await api.call(call, extras);
    if (hit('after-answer', call.kind)) die(`after-answer ${call.kind} ${outcome.class}`);
    return outcome;
  },
};

const worker = new SubmissionWorker({
  store: port,
  apiFor: () => hooked,
  clock: systemClock,
  scheduler: timerScheduler(),
  random: xorshift(config.seed),
  log: silentLogger(),
  // Real time, so the protocol's waits are shrunk; their logic is what runs.
  params: { backoffBaseMs: 20, backoffFloorMs: 10, backoffCapMs: 200, settleDelayMs: 150, recheckOffsetsMs: [50, 100, 150, 200, 250], probeBaseMs: 20, probeCapMs: 200 },
});
worker.start();
say('ready');

const timer = setInterval(() => {
  const c = worker.summary().counts;
  if (c.queued + c.sending + c.verifying === 0) {
    clearInterval(timer);
    say('drained');
    void worker.stop(1_000).then(async () => {
      await client.close();
      store.close();
      process.exit(0);
    });
  }
}, 25);
