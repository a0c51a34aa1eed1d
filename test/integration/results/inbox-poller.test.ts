// The results inbox against the emulator over real HTTP, through the sync worker's polling-lane gate
// and a real SQLite store (SUBMISSION-PROTOCOL §12 item 11): other users create containers before
// and during polling, publish some long after creating them, delete some between two pages, and
// the kiosk's clock is off; every visible container appears once and every entry reaches a final
// state. The watermark survives reopening the file; an account without archive rights falls back
// to own records without pausing the submission queue.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createResultsService } from '../../../main/app/services/results-service';
import { ephemeralCustody } from '../../../main/store/key-custody';
import { startEmulator, type RunningEmulator } from '../../../main/demo/emulator';
import { defaultInboxParams, isFinalState } from '../../../main/results/inbox-plan';
import { InboxPoller } from '../../../main/results/inbox-poller';
import { createTrustIdClient, type ArchiveContainerQueryRequest, type TrustIdClient } from '../../../main/trustid';
import { startRig, T0, type Rig } from '../sync/sync-rig';

const MIN = 60_000;

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});

async function rigAs(username: string, opts: Omit<Parameters<typeof startRig>[0] & object, 'credentials'> = {}): Promise<Rig> {
  // Read at each login, so the seeded password can be filled in once the emulator runs.
  const credentials = { kiosk: { username, password: '' } };
  const rig = await startRig({ ...opts, credentials });
  credentials.kiosk.password = rig.emu.users.find((u) => u.username === username)!.password;
  rigs.push(rig);
  return rig;
}

/** A poller over the rig's worker gate; `onQuery` runs after each archive page is answered ("during polling"). */
function pollerFor(
  rig: Rig,
  o: { skewMs?: number; pageSize?: number; onQuery?: (req: ArchiveContainerQueryRequest) => void; mirrored?: string[]; ownApplication?: (ref: string, containerId: string) => string | null } = {},
) {
  const queries: ArchiveContainerQueryRequest[] = [];
  const poller = new InboxPoller({
    inbox: rig.store.inbox,
    read: (accountId, read) =>
      rig.worker.pollingRead(accountId, async () => {
        const client = rig.clients.get(accountId)!;
        const spy: TrustIdClient = {
          ...client,
          archiveContainerQuery: async (req) => {
            queries.push(req ?? {});
            const answer = await client.archiveContainerQuery(req);
            o.onQuery?.(req ?? {});
            return answer;
          },
        };
        return read(spy);
      }),
    accounts: () => ['kiosk'],
    ownApplication: o.ownApplication ?? ((ref) => (rig.store.results.summary(ref) ? ref : null)),
    mirrorOwn: (appId) => o.mirrored?.push(appId),
    clock: { now: () => rig.time.now() + (o.skewMs ?? 0) },
    scheduler: rig.time,
    params: { pageSize: o.pageSize ?? 3 },
  });
  return { poller, queries };
}

/** Everything the front desk may see now, straight from the emulator (the oracle). */
async function visibleIds(emu: RunningEmulator): Promise<Set<string>> {
  const user = emu.users.find((u) => u.username === 'demo.frontdesk')!;
  const client = createTrustIdClient({ baseUrl: emu.origin, apiKey: emu.apiKey, credentials: () => user, deviceIdFile: `/tmp/inbox-oracle-${process.pid}`, now: () => emu.now() });
  try {
    const all = await client.archiveContainerQuery({ createdFrom: new Date(0), pageSize: -1, sortingDirection: 'Ascending' });
    return new Set(all.containers.map((c) => c.Id!.toLowerCase()));
  } finally {
    await client.close();
  }
}

type Op =
  | { kind: 'create'; outcome: 'pass' | 'refer' | 'fail' }
  | { kind: 'createTemp' }
  | { kind: 'publishLate'; pick: number }
  | { kind: 'queued' }
  | { kind: 'delete'; pick: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'poll' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), outcome: fc.constantFrom('pass' as const, 'refer' as const, 'fail' as const) }),
  fc.record({ kind: fc.constant('createTemp' as const) }),
  fc.record({ kind: fc.constant('publishLate' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('queued' as const) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('poll' as const) }),
);

describe('results inbox polling against the emulator', () => {
  it('shows every visible container exactly once and takes every entry to a final state, whatever others do around the polls', async () => {
    const seen = { rows: 0, visible: 0, late: 0, withdrawn: 0, pagesWithinPass: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 6, maxLength: 22 }), fc.array(opArb, { maxLength: 6 }), fc.integer({ min: -10 * MIN, max: 10 * MIN }), async (ops, during, skewMs) => {
        const rig = await rigAs('demo.frontdesk');
        rig.worker.start();
        const emu = rig.emu;
        const temps: string[] = [];
        const made: string[] = [];
        const apply = async (op: Op) => {
          switch (op.kind) {
            case 'create':
              made.push(emu.createApplicationElsewhere({ outcome: op.outcome, surname: op.outcome === 'refer' ? 'REFER' : 'SAMPLE' }));
              break;
            case 'createTemp':
              temps.push(emu.createApplicationElsewhere({ publish: false, outcome: 'pass' }));
              break;
            case 'publishLate': {
              const id = temps.splice(op.pick % Math.max(1, temps.length), 1)[0];
              if (id) emu.publishElsewhere(id);
              break;
            }
            case 'queued':
              made.push(emu.createQueuedElsewhere({}));
              break;
            case 'delete': {
              const id = made[op.pick % Math.max(1, made.length)];
              if (id) emu.deleteContainers([id]);
              break;
            }
            case 'advance':
              await rig.setTime(rig.time.now() + op.minutes * MIN);
              break;
            case 'poll':
              await poller.runDue();
              break;
          }
        };
        const pending = [...during];
        const { poller } = pollerFor(rig, {
          skewMs,
          // Changes between two pages of one pass: another user creates, publishes or deletes.
          onQuery: () => {
            const op = pending.shift();
            if (op && op.kind !== 'advance' && op.kind !== 'poll') void apply(op);
          },
        });
        // At least one application is built (Temp) before the rest, so it is published "in the past".
        for (const op of [{ kind: 'createTemp' } as Op, ...ops]) await apply(op);
        // A newer application is seen and the watermark passes the Temp ones before they are published:
        // only the deep sweep can find them now (RAW-API §13.4).
        made.push(emu.createApplicationElsewhere({ outcome: 'pass' }));
        await rig.setTime(rig.time.now() + 20 * MIN);
        await poller.runDue();

        // Settle: whatever was left Temp is published late (long after its CreatedAt), queued ones are
        // completed by an app user, and time runs on (deep sweeps, the retrieve ladder, reviews).
        for (const id of temps.splice(0)) emu.publishElsewhere(id);
        pending.length = 0;
        for (let round = 0; round < 60; round += 1) {
          await rig.setTime(rig.time.now() + 61 * MIN);
          // From the second round, app users complete whatever is queued (the inbox saw it waiting first).
          if (round >= 1) for (const c of emu.containers()) if (c.storageType === 7 && c.kind !== 'removed') emu.submitQueued(c.containerId);
          await poller.runDue();
          const rows = rig.store.inbox.list({ limit: 200 }).items;
          const visible = await visibleIds(emu);
          if ([...visible].every((id) => rig.store.inbox.byContainer(id)) && rows.every((r) => isFinalState(r.state))) break;
        }

        const visible = await visibleIds(emu);
        const rows = rig.store.inbox.list({ limit: 200 }).items;
        for (const id of visible) expect(rig.store.inbox.byContainer(id), `container ${id} missing from the inbox`).not.toBeNull();
        expect(new Set(rows.map((r) => r.containerId)).size).toBe(rows.length);
        for (const r of rows) expect(isFinalState(r.state), `${r.containerId} still ${r.state}`).toBe(true);
        // Rows the emulator no longer has were found gone, unless they were already final before.
        for (const r of rows) if (!visible.has(r.containerId!) && r.state !== 'result_ready') expect(r.state).toBe('withdrawn');
        seen.rows += rows.length;
        seen.visible += visible.size;
        seen.withdrawn += rows.filter((r) => r.state === 'withdrawn').length;
        seen.late += rows.filter((r) => r.createdAt < r.firstSeenAt - defaultInboxParams.overlapMs).length;
        await rig.close();
        rigs.splice(rigs.indexOf(rig), 1);
      }),
      { numRuns: 6 },
    );
    // The runs did exercise what they claim: rows found, some published long after creation, some withdrawn.
    expect(seen.visible).toBeGreaterThan(10);
    expect(seen.rows).toBeGreaterThanOrEqual(seen.visible);
    expect(seen.late).toBeGreaterThan(0);
  }, 120_000);

  it('a queued container this kiosk is completing joins the inbox as the kiosk’s own application, never as a second row', async () => {
    const emu = await startEmulator({ controls: true, clock: 'manual', now: () => T0 });
    try {
      const rig = await rigAs('demo.frontdesk', { emu });
      rig.worker.start();
      const filling = emu.createQueuedElsewhere({});
      const other = emu.createQueuedElsewhere({});
      const mirrored: string[] = [];
      // The queued container keeps its creator's reference, so the kiosk knows it by container id.
      const { poller } = pollerFor(rig, { mirrored, ownApplication: (_ref, containerId) => (containerId === filling.toLowerCase() ? 'app-filling' : null) });
      await poller.runDue();
      expect(mirrored).toEqual(['app-filling']);
      const rows = rig.store.inbox.list();
      expect(rows.total).toBe(1);
      expect(rig.store.inbox.byContainer(other.toLowerCase())).not.toBeNull();
      expect(rig.store.inbox.byContainer(filling.toLowerCase())).toBeNull();
    } finally {
      for (const r of rigs.splice(0)) await r.close({ keepEmulator: true });
      await emu.close();
    }
  }, 60_000);

  it('keeps the watermark across a restart (the SQLite file reopened) and polls again from it minus the overlap', async () => {
    const custody = ephemeralCustody();
    const emu = await startEmulator({ controls: true, clock: 'manual', now: () => T0 });
    try {
      const first = await rigAs('demo.frontdesk', { emu, custody });
      first.worker.start();
      for (let i = 0; i < 5; i += 1) {
        emu.createApplicationElsewhere({ outcome: 'pass' });
        await first.setTime(first.time.now() + 10_000);
      }
      const a = pollerFor(first);
      await a.poller.runDue();
      const watermark = first.store.inbox.pollState('kiosk').watermark!;
      expect(watermark).toBe(T0 + 40_000);
      expect(first.store.inbox.list().total).toBe(5);
      const { dir } = first;
      await first.close({ keepEmulator: true, keepDir: true });
      rigs.splice(rigs.indexOf(first), 1);

      const second = await rigAs('demo.frontdesk', { emu, dir, custody, start: first.time.now() });
      second.worker.start();
      expect(second.store.inbox.pollState('kiosk').watermark).toBe(watermark);
      emu.createApplicationElsewhere({ outcome: 'pass' });
      await second.setTime(second.time.now() + defaultInboxParams.pollIntervalMs * 2);
      const b = pollerFor(second);
      await b.poller.runDue();
      expect(b.queries[0]!.createdFrom!.getTime()).toBe(watermark - defaultInboxParams.overlapMs);
      expect(second.store.inbox.list().total).toBe(6);
    } finally {
      for (const r of rigs.splice(0)) await r.close({ keepEmulator: true });
      await emu.close();
    }
  }, 60_000);

  it('without archive rights shows the own-records state, lists only this kiosk’s own submissions, and never pauses the submission queue', async () => {
    const rig = await rigAs('demo.kiosk');
    rig.worker.start();
    rig.emu.createApplicationElsewhere({ outcome: 'pass' });
    const { poller } = pollerFor(rig);
    await poller.runDue();
    expect(poller.ownRecordsAccounts()).toEqual(['kiosk']);
    const appId = await rig.capture();
    await rig.drain({ until: () => rig.app(appId)?.app.step === 'COMPLETED' });
    expect(rig.app(appId)!.app.step).toBe('COMPLETED');
    expect(rig.worker.summary().queueState).toBe('RUNNING');
    const results = createResultsService({ store: rig.store, clientFor: () => rig.clients.get('kiosk')!, now: () => rig.time.now() });
    results.mirrorAll();
    const page = results.list({});
    expect(page.ownRecordsOnly).toBe(true);
    expect(page.items.map((r) => [r.id, r.origin, r.state])).toEqual([[appId, 'kiosk', 'result_ready']]);
    expect(page.items[0]!.name).toBeTruthy();
    // The privilege is tried again only after the re-check interval (or a sign-in), not every poll.
    const asked = rig.emu.requests().filter((r) => r.path.includes('archiveContainerQuery')).length;
    await rig.setTime(rig.time.now() + 10 * MIN);
    await poller.runDue();
    expect(rig.emu.requests().filter((r) => r.path.includes('archiveContainerQuery')).length).toBe(asked);
    poller.afterSignIn();
    await poller.runDue();
    expect(rig.emu.requests().filter((r) => r.path.includes('archiveContainerQuery')).length).toBe(asked + 1);
  }, 60_000);
});
