import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceWatermark, defaultInboxParams as p, goneState, nextInboxCheckAt, nextPage, inboxOrigin, overdueGuestLink, pollWindow, stateOf, type PageCursor } from '../../../../main/results/inbox-plan';
import { Container } from '../../../../main/trustid';

const MIN = 60_000;
const H = 60 * MIN;
const half = () => 0.5;

function container(over: Record<string, unknown> = {}): Container {
  return Container.parse({ Id: '54eaaf9a-40a0-4e46-a156-d28299f3b6f3', DocumentStorageType: 3, Documents: [], ApplicationFlexibleFieldList: [], DocumentContainerFieldList: [], ...over });
}

function guestField(name: string, value: string) {
  return { m_Item1: { Name: name }, m_Item2: { FieldValueString: value } };
}

describe('inbox planning', () => {
  it('reads from the initial look-back first, then from the watermark minus the overlap, and hourly the 48 h below it', () => {
    const now = Date.UTC(2026, 10, 1, 12);
    expect(pollWindow({ watermark: null, lastDeepSweepAt: null }, now, p)).toEqual({ kind: 'incremental', from: now - 7 * 24 * H });
    expect(pollWindow({ watermark: now - H, lastDeepSweepAt: now - 10 * MIN }, now, p)).toEqual({ kind: 'incremental', from: now - H - 15 * MIN });
    expect(pollWindow({ watermark: now - H, lastDeepSweepAt: now - 60 * MIN }, now, p)).toEqual({ kind: 'deep', from: now - H - 48 * H });
  });

  it('pages by moving the inclusive lower bound, and walks Page only while a whole page shares one CreatedAt', () => {
    const at: PageCursor = { from: 100, page: 0 };
    expect(nextPage(at, [100, 101, 105], 3)).toEqual({ from: 105, page: 0 });
    expect(nextPage(at, [105, 105, 105], 3)).toEqual({ from: 100, page: 1 });
    expect(nextPage(at, [100, 101], 3)).toBeNull();
    expect(nextPage(at, [], 3)).toBeNull();
  });

  it('reaches every container of a sorted listing exactly once, whatever the ties and page size (ids already seen dropped)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 80 }), fc.integer({ min: 1, max: 7 }), (times, pageSize) => {
        const server = times.map((t, i) => ({ id: i, t })).sort((a, b) => a.t - b.t || a.id - b.id);
        const seen = new Set<number>();
        let cursor: PageCursor | null = { from: -1, page: 0 };
        let watermark: number | null = null;
        for (let guard = 0; cursor && guard < 500; guard++) {
          const from: number = cursor.from;
          const page = server.filter((c) => c.t >= from).slice(cursor.page * pageSize, (cursor.page + 1) * pageSize);
          for (const c of page) seen.add(c.id);
          watermark = advanceWatermark(watermark, page.map((c) => c.t));
          cursor = nextPage(cursor, page.map((c) => c.t), pageSize);
        }
        expect(cursor).toBeNull();
        expect(seen.size).toBe(server.length);
        expect(watermark).toBe(server.length ? Math.max(...times) : null);
      }),
    );
  });

  it('never moves the watermark back (a deep sweep reads below it)', () => {
    expect(advanceWatermark(500, [100, 200])).toBe(500);
    expect(advanceWatermark(null, [])).toBeNull();
  });

  it('reads origin and state from the container: guests by their flexible fields, queued by storage type 7, referrals as such', () => {
    const guest = container({ DocumentStorageType: 7, ApplicationFlexibleFieldList: [guestField('__SYS_GuestName', 'Gwen'), guestField('__SYS_GuestEmail', 'g@example.org')] });
    expect(inboxOrigin(guest, null)).toBe('guest_link');
    expect(stateOf(guest, 'guest_link')).toBe('waiting_guest');
    expect(inboxOrigin(container({ DocumentStorageType: 7 }), null)).toBe('queued');
    expect(stateOf(container({ DocumentStorageType: 7 }), 'queued')).toBe('waiting');
    expect(inboxOrigin(container(), null)).toBe('elsewhere');
    expect(inboxOrigin(container(), 'queued')).toBe('queued');
    expect(stateOf(container({ DocumentStorageType: 6, Referred: true }), 'elsewhere')).toBe('referred');
    expect(stateOf(container({ DocumentStorageType: 5 }), 'elsewhere')).toBe('being_checked');
    expect(stateOf(container(), 'elsewhere')).toBe('result_ready');
  });

  it('calls a vanished guest link expired after its lifetime and withdrawn before; a still-queued one expired an hour after', () => {
    const created = 0;
    expect(goneState('guest_link', created, 7 * 24 * H, p)).toBe('expired');
    expect(goneState('guest_link', created, 24 * H, p)).toBe('withdrawn');
    expect(goneState('elsewhere', created, 30 * 24 * H, p)).toBe('withdrawn');
    expect(overdueGuestLink('guest_link', 'waiting_guest', created, 7 * 24 * H + 30 * MIN, p)).toBe(false);
    expect(overdueGuestLink('guest_link', 'waiting_guest', created, 7 * 24 * H + H, p)).toBe(true);
  });

  it('retrieves on the §11 intervals: 15 or 60 min while queued, the §7.6 ladder while being checked, never once final or followed elsewhere', () => {
    const e = { origin: 'elsewhere' as const, firstSeenAt: 0, madeHere: false, followedElsewhere: false };
    expect(nextInboxCheckAt({ ...e, state: 'waiting' }, 0, half, p)).toBe(60 * MIN);
    expect(nextInboxCheckAt({ ...e, state: 'waiting_guest', madeHere: true }, 0, half, p)).toBe(15 * MIN);
    expect(nextInboxCheckAt({ ...e, state: 'being_checked' }, 60_000, half, p)).toBe(90_000);
    expect(nextInboxCheckAt({ ...e, state: 'referred' }, 30 * MIN, half, p)).toBe(40 * MIN);
    expect(nextInboxCheckAt({ ...e, state: 'referred' }, 49 * H, half, p)).toBe(50 * H);
    expect(nextInboxCheckAt({ ...e, state: 'result_ready' }, 0, half, p)).toBeNull();
    expect(nextInboxCheckAt({ ...e, state: 'being_checked', followedElsewhere: true }, 0, half, p)).toBeNull();
    expect(nextInboxCheckAt({ ...e, state: 'being_checked', origin: 'kiosk' }, 0, half, p)).toBeNull();
    // ±10 % jitter.
    expect(nextInboxCheckAt({ ...e, state: 'waiting' }, 0, () => 0, p)).toBe(54 * MIN);
  });
});
