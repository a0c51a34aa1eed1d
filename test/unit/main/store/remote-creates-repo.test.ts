import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import { newRemoteCreateRecord, type RemoteCreateRecord } from '../../../../main/store/remote-creates-repo';
import { openTestStore } from './store-fixture';

function guestLink(reference: string, at: number, over: Partial<RemoteCreateRecord> = {}): RemoteCreateRecord {
  const request = { name: 'Philippa QUONSETWHISTLE', email: 'pq@example.org', fields: [{ fieldId: 'f1', versionId: 'v1', kind: 'string' as const, value: 'Booking ZEBRAPLUM-42' }] };
  return { ...newRemoteCreateRecord({ reference, kind: 'guest_link', accountId: 'kiosk', branchId: null, createdBy: 'staff-1', request, sendEmail: false }, at), ...over };
}

describe('remote creates repository', () => {
  it('keeps what staff typed and the link sealed at rest, and reads them back', () => {
    const { store, dir, clock } = openTestStore();
    store.remoteCreates.insert(guestLink('r-1', clock.now()));
    const rec = store.remoteCreates.get('r-1')!;
    store.remoteCreates.save({ ...rec, state: 'created', containerId: 'c-1', linkUrl: 'http://127.0.0.1/guest/SECRETLINKTOKEN', result: '{"Fullname":"QUONSETWHISTLE"}' });
    expect(store.remoteCreates.get('r-1')).toMatchObject({ request: rec.request, linkUrl: 'http://127.0.0.1/guest/SECRETLINKTOKEN', containerId: 'c-1', state: 'created' });
    store.close();
    const bytes = Buffer.concat(fs.readdirSync(dir).filter((f) => f.startsWith(DATABASE_FILE)).map((f) => fs.readFileSync(path.join(dir, f))));
    for (const secret of ['QUONSETWHISTLE', 'pq@example.org', 'ZEBRAPLUM', 'SECRETLINKTOKEN']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('lists newest first, finds due work and the records SENT at a stop', () => {
    const { store, clock } = openTestStore();
    store.remoteCreates.insert(guestLink('r-1', clock.now(), { nextAttemptAt: clock.now() + 60_000 }));
    clock.advance(1000);
    store.remoteCreates.insert(guestLink('r-2', clock.now(), { kind: 'queued', phase: 'SENT', sentAt: clock.now(), nextAttemptAt: null, nextCheckAt: clock.now() }));
    expect(store.remoteCreates.list({}).map((r) => r.reference)).toEqual(['r-2', 'r-1']);
    expect(store.remoteCreates.list({ kind: 'guest_link' }).map((r) => r.reference)).toEqual(['r-1']);
    expect(store.remoteCreates.due(clock.now())).toEqual(['r-2']);
    expect(store.remoteCreates.nextDueAt()).toBe(clock.now());
    expect(store.remoteCreates.listSent().map((r) => r.reference)).toEqual(['r-2']);
    expect(store.remoteCreates.hasReference('R-1')).toBe(true);
  });

  it('keeps one pending delete per container', () => {
    const { store, clock } = openTestStore();
    store.remoteCreates.addDelete({ containerId: 'C-9', reference: 'r-1', kind: 'queued', accountId: 'kiosk', nextAttemptAt: clock.now() });
    store.remoteCreates.addDelete({ containerId: 'c-9', reference: 'r-1', kind: 'queued', accountId: 'kiosk', nextAttemptAt: clock.now() });
    const due = store.remoteCreates.dueDeletes(clock.now());
    expect(due).toHaveLength(1);
    store.remoteCreates.saveDelete({ ...due[0]!, state: 'done', nextAttemptAt: null });
    expect(store.remoteCreates.dueDeletes(clock.now())).toEqual([]);
  });
});
