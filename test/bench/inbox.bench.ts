// The results inbox (issue 10 benchmarks): the first page and a name search over 10,000 stored
// applications, each beside a bare SQLite select over the same rows in the same run; and the cost of
// one poll cycle (one archive page of 100 containers read over HTTP from the emulator, turned into
// sealed rows and committed with the watermark) beside the bare HTTP query alone.
// Run with `npx tsx test/bench/inbox.bench.ts` (or `npm run bench inbox`). Prints figures; never fails on time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ephemeralCustody } from '../../main/store/key-custody';
import { startEmulator } from '../../main/demo/emulator';
import { silentLogger } from '../../main/logging/logger';
import { InboxPoller } from '../../main/results/inbox-poller';
import { DATABASE_FILE } from '../../main/store/database';
import type { InboxSighting } from '../../main/store/inbox-repo';
import { openStore } from '../../main/store/open-store';
import { createTrustIdClient } from '../../main/trustid';
import { percentile, summarise } from './bench-stats';

const ROWS = Number(process.env.BENCH_INBOX_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const POLL_CONTAINERS = 100;

function line(name: string, values: number[]): void {
  console.log(`  ${name}: p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms (n=${values.length})`);
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const SURNAMES = ['SMITH', 'JONES', 'WILLIAMS', 'TAYLOR', 'DAVIES', 'EVANS', 'THOMAS', 'ROBERTS', 'HUGHES', 'LEWIS'];
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-inbox-'));
const T0 = Date.UTC(2026, 0, 1);
try {
  const store = openStore({ dataDir: path.join(root, 'data'), custody: ephemeralCustody(), log: silentLogger() });
  const setupStart = performance.now();
  for (let i = 0; i < ROWS; i += 500) {
    const page: InboxSighting[] = [];
    for (let j = i; j < Math.min(ROWS, i + 500); j++) {
      page.push({
        accountId: 'kiosk',
        containerId: `00000000-0000-4000-8000-${String(j).padStart(12, '0')}`,
        reference: `REF-${j}`,
        origin: j % 4 === 0 ? 'kiosk' : j % 4 === 1 ? 'guest_link' : 'elsewhere',
        storageType: 3,
        state: j % 10 === 0 ? 'referred' : 'result_ready',
        verdict: 'accepted',
        attention: false,
        documentCount: 1,
        createdAt: T0 + j * 60_000,
        // One holder in 10,000 has a unique surname; the rest share ten common ones.
        holder: { name: j === 4242 ? 'Jane Quartermaine' : `Jane ${SURNAMES[j % 10]}${j % 1000 === 7 ? '' : ''}`, guestName: null, guestEmail: null, fields: [] },
        snapshot: null,
        nextCheckAt: null,
      });
    }
    store.inbox.recordPage(page);
  }
  console.log(`inbox bench: ${ROWS} applications stored (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s, each holder sealed and its name parts keyed)`);
  const bare = new Database(path.join(root, 'data', DATABASE_FILE), { readonly: true });
  const bareFirst = bare.prepare('SELECT id, reference, origin, state, verdict, created_at, holder_sealed FROM inbox ORDER BY created_at DESC, id DESC LIMIT 51');
  const bareOne = bare.prepare('SELECT id, reference, origin, state, verdict, created_at, holder_sealed FROM inbox WHERE reference_key = ?');
  const bareCommon = bare.prepare("SELECT id, reference, origin, state, verdict, created_at, holder_sealed FROM inbox WHERE origin <> 'queued' ORDER BY created_at DESC, id DESC LIMIT 51");

  const first: number[] = [];
  const firstBare: number[] = [];
  const rare: number[] = [];
  const common: number[] = [];
  const rareBare: number[] = [];
  const commonBare: number[] = [];
  const page5: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    first.push(time(() => store.inbox.list({ limit: 50 })));
    firstBare.push(time(() => bareFirst.all()));
    rare.push(time(() => store.inbox.list({ text: 'Quartermaine', limit: 50 })));
    rareBare.push(time(() => bareOne.get('REF4242')));
    common.push(time(() => store.inbox.list({ text: 'Jane Smith', limit: 50 })));
    commonBare.push(time(() => bareCommon.all()));
  }
  // Paging past 200: the fifth page, reached by keyset cursor.
  for (let r = 0; r < RUNS; r++) {
    let after: { createdAt: number; id: string } | undefined;
    page5.push(
      time(() => {
        for (let p = 0; p < 5; p++) after = store.inbox.list({ limit: 50, ...(after ? { after } : {}) }).next ?? undefined;
      }) / 5,
    );
  }
  console.log(`first page (50 rows, names opened, total counted) over ${ROWS}:`);
  line('inbox.list()', first);
  line('bare SELECT of the same 51 rows (no count, nothing opened)', firstBare);
  console.log(`  ratio p50 ${(percentile(first, 50) / percentile(firstBare, 50)).toFixed(1)}×`);
  summarise({ figure: `inbox first page over ${ROWS} (p50)`, value: percentile(first, 50), floor: percentile(firstBare, 50) });
  console.log('name search:');
  line('inbox.list({ text: "Quartermaine" }) — 1 match', rare);
  line('bare indexed SELECT of that one row by reference', rareBare);
  line(`inbox.list({ text: "Jane Smith" }) — ${store.inbox.list({ text: 'Jane Smith' }).total} matches, first page`, common);
  line('bare SELECT of a first page with a filter over the same rows', commonBare);
  line('one page while walking to page 5 (keyset)', page5);
  summarise({ figure: 'inbox name search, 1 match (p50)', value: percentile(rare, 50), floor: percentile(rareBare, 50) });
  summarise({ figure: 'inbox name search, many matches (p50)', value: percentile(common, 50), floor: percentile(commonBare, 50) });
  bare.close();

  // One poll cycle against the emulator over HTTP.
  const emu = await startEmulator({ controls: true });
  const user = emu.users.find((u) => u.username === 'demo.frontdesk')!;
  const client = createTrustIdClient({ baseUrl: emu.origin, apiKey: emu.apiKey, credentials: () => user, deviceIdFile: path.join(root, 'device-id') });
  for (let i = 0; i < POLL_CONTAINERS; i++) emu.createApplicationElsewhere({ outcome: 'pass' });
  await client.login();
  const poller = new InboxPoller({
    inbox: store.inbox,
    read: async (_accountId, read) => {
      try {
        return { ok: true as const, value: await read(client) };
      } catch (error) {
        return { ok: false as const, outcome: { class: 'AMBIGUOUS' as const }, error };
      }
    },
    accounts: () => ['bench'],
    ownApplication: () => null,
    mirrorOwn: () => undefined,
    clock: { now: () => Date.now() },
    scheduler: { sleepUntil: () => Promise.resolve() },
  });
  const cycle: number[] = [];
  const cycleBare: number[] = [];
  const from = new Date(Date.now() - 3_600_000);
  for (let r = 0; r < Math.min(RUNS, 15); r++) {
    store.inbox.savePollState({ accountId: 'bench', watermark: from.getTime() + 15 * 60_000, nextPollAt: 0, lastDeepSweepAt: Date.now() });
    cycle.push(await timeAsync(() => poller.queryIfDue('bench')));
    cycleBare.push(await timeAsync(() => client.archiveContainerQuery({ createdFrom: from, sortingDirection: 'Ascending', pageSize: 100, page: 0 })));
  }
  console.log(`one poll cycle (one archive page of ${POLL_CONTAINERS} containers over HTTP, rows sealed and committed with the watermark):`);
  line('poller.queryIfDue()', cycle);
  line('bare archiveContainerQuery of the same page', cycleBare);
  console.log(`  ratio p50 ${(percentile(cycle, 50) / percentile(cycleBare, 50)).toFixed(2)}×`);
  summarise({ figure: 'inbox poll cycle (p50)', value: percentile(cycle, 50), floor: percentile(cycleBare, 50) });
  await client.close();
  await emu.close();
  store.close();
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
