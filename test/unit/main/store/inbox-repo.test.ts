import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboxSighting } from '../../../../main/store/inbox-repo';
import { openTestStore } from './store-fixture';

let n = 0;
function sighting(over: Partial<InboxSighting> = {}): InboxSighting {
  n += 1;
  return {
    accountId: 'kiosk',
    containerId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `REF-${n}`,
    origin: 'elsewhere',
    storageType: 3,
    state: 'result_ready',
    verdict: 'accepted',
    attention: false,
    documentCount: 1,
    createdAt: Date.UTC(2026, 10, 1) + n * 1000,
    holder: { name: `Jane Holder${n}`, guestName: null, guestEmail: null, fields: [] },
    snapshot: null,
    nextCheckAt: null,
    ...over,
  };
}

describe('inbox repository', () => {
  it('keeps holder names sealed: the database file never holds them in plain text', () => {
    const { store, dir } = openTestStore();
    store.inbox.recordPage([sighting({ holder: { name: 'Zebedee Quartermaine', guestName: 'Gwen Guestly', guestEmail: 'gwen@example.org', fields: [{ label: 'Visitor', value: 'V-99' }] } })]);
    store.close();
    const bytes = Buffer.concat(fs.readdirSync(dir).filter((f) => f.startsWith('scan-station.sqlite')).map((f) => fs.readFileSync(path.join(dir, f))));
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of ['Zebedee', 'QUARTERMAINE', 'Quartermaine', 'gwen@example.org', 'Gwen', 'V-99']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('lists a queued application, which has no holder yet, by its form values rather than "name not read"', () => {
    const { store } = openTestStore();
    store.inbox.recordPage([sighting({ holder: { name: null, guestName: null, guestEmail: null, fields: [{ label: 'Booking', value: 'B-1042' }, { label: 'Desk', value: 'North' }] } })]);
    expect(store.inbox.list().items[0]!.holderName).toBe('B-1042 · North');
  });

  it('finds rows by every part of a name, in any case or accent, and by a reference typed without separators', () => {
    const { store } = openTestStore();
    const a = sighting({ holder: { name: 'Anna Müller', guestName: null, guestEmail: null, fields: [] }, reference: 'K7Q-4M2' });
    const b = sighting({ holder: { name: 'Anna Smith', guestName: null, guestEmail: null, fields: [] } });
    store.inbox.recordPage([a, b]);
    const ids = (text: string) => store.inbox.list({ text }).items.map((r) => r.id);
    expect(ids('anna')).toEqual([b.containerId, a.containerId]);
    expect(ids('MULLER anna')).toEqual([a.containerId]);
    expect(ids('müller')).toEqual([a.containerId]);
    expect(ids('k7q4m2')).toEqual([a.containerId]);
    expect(ids('K7Q-4')).toEqual([a.containerId]);
    expect(ids('Jones')).toEqual([]);
    expect(store.inbox.list({ text: 'anna' }).items[0]!.holderName).toBe('Anna Smith');
  });

  it('pages newest first with a keyset cursor: every row exactly once even when rows share a time and new ones arrive meanwhile', () => {
    const { store } = openTestStore();
    const rows = Array.from({ length: 230 }, (_, i) => sighting({ createdAt: Date.UTC(2026, 10, 1) + Math.floor(i / 7) * 1000 }));
    store.inbox.recordPage(rows);
    const seen: string[] = [];
    let after: { createdAt: number; id: string } | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = store.inbox.list({ limit: 50, ...(after ? { after } : {}) });
      expect(page.total).toBe(230 + (pages > 0 ? 1 : 0));
      seen.push(...page.items.map((r) => r.id));
      if (pages === 0) store.inbox.recordPage([sighting({ createdAt: Date.UTC(2026, 11, 1) })]); // newer than all: not on later pages
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.length).toBe(230);
    expect(new Set(seen).size).toBe(230);
  });

  it('filters by state, origin, verdict and date range', () => {
    const { store } = openTestStore();
    const waiting = sighting({ origin: 'guest_link', state: 'waiting_guest', verdict: null, storageType: 7, nextCheckAt: 5 });
    const failed = sighting({ verdict: 'failed' });
    const old = sighting({ createdAt: Date.UTC(2026, 0, 1) });
    store.inbox.recordPage([waiting, failed, old]);
    expect(store.inbox.list({ states: ['waiting_guest'] }).items.map((r) => r.id)).toEqual([waiting.containerId]);
    expect(store.inbox.list({ origins: ['guest_link'] }).items.map((r) => r.id)).toEqual([waiting.containerId]);
    expect(store.inbox.list({ verdict: 'failed' }).items.map((r) => r.id)).toEqual([failed.containerId]);
    expect(store.inbox.list({ from: Date.UTC(2026, 5, 1) }).total).toBe(2);
    expect(store.inbox.list({ to: Date.UTC(2026, 5, 1) }).items.map((r) => r.id)).toEqual([old.containerId]);
    // A guest link waiting shows the guest's name, never a blank.
    expect(store.inbox.dueChecks(10, 10).map((r) => r.id)).toEqual([waiting.containerId]);
  });

  it('keeps one row per container: a re-sighting updates it, keeps its retrieve schedule while the state is unchanged, and never downgrades the origin', () => {
    const { store } = openTestStore();
    const s = sighting({ origin: 'queued', state: 'waiting', storageType: 7, verdict: null, nextCheckAt: 1000 });
    expect(store.inbox.recordPage([s])).toBe(1);
    expect(store.inbox.recordPage([{ ...s, origin: 'elsewhere', nextCheckAt: 9999 }])).toBe(0);
    let row = store.inbox.byContainer(s.containerId)!;
    expect([row.origin, row.nextCheckAt]).toEqual(['queued', 1000]);
    store.inbox.recordPage([{ ...s, origin: 'elsewhere', state: 'being_checked', storageType: 5, nextCheckAt: 2000, holder: { ...s.holder, name: null } }]);
    row = store.inbox.byContainer(s.containerId)!;
    expect([row.origin, row.state, row.nextCheckAt]).toEqual(['queued', 'being_checked', 2000]);
    // TrustID's earlier reading of the name is not erased by a sighting without one.
    expect(store.inbox.get(row.id)!.holder!.name).toBe(s.holder.name);
    expect(store.inbox.list().total).toBe(1);
  });

  it('commits a page and its watermark together, and the poll state survives reopening the file', () => {
    const first = openTestStore();
    first.store.inbox.recordPage([sighting()], { accountId: 'kiosk', watermark: 12345, lastDeepSweepAt: 77, listsQueued: true });
    expect(() => first.store.inbox.recordPage([sighting({ state: 'nonsense' as never })], { accountId: 'kiosk', watermark: 99999 })).toThrow();
    first.store.close();
    const again = openTestStore({ dir: first.dir, custody: first.custody, clock: first.clock });
    const poll = again.store.inbox.pollState('kiosk');
    expect([poll.watermark, poll.lastDeepSweepAt, poll.listsQueued]).toEqual([12345, 77, true]);
    expect(again.store.inbox.list().total).toBe(1);
  });

  it('purges the sealed result at the purge point and removes the row after the retention days; own rows go with their application', () => {
    const { store, clock } = openTestStore();
    const s = sighting({ snapshot: '{"Id":"x"}' });
    store.inbox.recordPage([s]);
    expect(store.inbox.get(s.containerId)!.snapshot).toBe('{"Id":"x"}');
    clock.advance(1000);
    expect(store.inbox.runRetention({ purgeDelayMinutes: 0, resultDays: 30 })).toEqual({ purged: 1, expired: 0 });
    expect(store.inbox.get(s.containerId)!.snapshot).toBeNull();
    expect(store.inbox.get(s.containerId)!.holder!.name).toBe(s.holder.name);
    clock.advance(31 * 86_400_000);
    expect(store.inbox.runRetention({ purgeDelayMinutes: 0, resultDays: 30 }).expired).toBe(1);
    expect(store.inbox.get(s.containerId)).toBeNull();
    expect(store.inbox.list({ text: 'jane' }).total).toBe(0);
  });
});
