// The queued list for desk fulfilment (RAW-API §11.2, §13.4 items 1 and 3) against the emulator over
// real HTTP: Queued (7) containers of the session's branch only, guest links left out, published
// ones gone, entries holding documents marked in use, paging that misses and doubles nothing, and
// own-records mode without archive privilege.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../main/demo/emulator';
import { createQueuedList, type QueuedListPorts } from '../../../main/results/queued-list';
import { createTrustIdClient, type TrustIdClient } from '../../../main/trustid';

let emu: RunningEmulator;
const clients: TrustIdClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await emu?.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function clientAs(username: string): TrustIdClient {
  const user = emu.users.find((u) => u.username === username)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-queued-list-'));
  dirs.push(dir);
  const client = createTrustIdClient({
    baseUrl: emu.origin,
    apiKey: emu.apiKey,
    credentials: () => ({ username: user.username, password: user.password }),
    deviceIdFile: path.join(dir, 'device-id'),
    now: () => emu.now(),
  });
  clients.push(client);
  return client;
}

function listAs(username: string, over: Partial<QueuedListPorts> = {}) {
  const client = clientAs(username);
  return createQueuedList({ client: () => client, now: () => emu.now(), ...over });
}

describe('queued list for fill', () => {
  it('lists the branch’s queued applications by their field values and who prepared them; leaves out other branches, guest links and published ones', async () => {
    emu = await startEmulator({ controls: true, clock: 'manual' });
    const mine = emu.createQueuedElsewhere({ username: 'demo.admin', values: { VisitorReference: 'B-1042' }, clientApplicationReference: 'booking-1' });
    emu.createQueuedElsewhere({ username: 'demo.backoffice' });
    const done = emu.createQueuedElsewhere({ username: 'demo.admin' });
    emu.submitQueued(done);
    const guestClient = clientAs('demo.admin');
    await guestClient.createGuestLink({ email: 'guest@example.org', name: 'Guest Person', sendEmail: false });
    let listed = 0;
    const list = await listAs('demo.frontdesk', { onQueuedListed: () => (listed += 1) }).list();
    expect(list.ownRecordsOnly).toBe(false);
    expect(list.entries.map((e) => e.containerId)).toEqual([mine]);
    expect(list.entries[0]).toMatchObject({ label: 'B-1042', reference: 'booking-1', inUse: false });
    expect(list.entries[0]?.preparedBy).toMatch(/Reception/);
    expect(listed).toBeGreaterThan(0);
  });

  it('leaves out this kiosk’s own guest links by reference, through the injected port', async () => {
    emu = await startEmulator({ controls: true, clock: 'manual' });
    const ours = emu.createQueuedElsewhere({ username: 'demo.admin', clientApplicationReference: 'our-guest-link' });
    const other = emu.createQueuedElsewhere({ username: 'demo.admin', clientApplicationReference: 'a-booking' });
    const list = await listAs('demo.frontdesk', { isOwnGuestLink: (ref) => ref === 'our-guest-link' }).list();
    expect(list.entries.map((e) => e.containerId)).toEqual([other]);
    expect(list.entries.map((e) => e.containerId)).not.toContain(ours);
  });

  it('shows an application that already holds documents as in use, and will not hand it out for a pick', async () => {
    emu = await startEmulator({ controls: true, clock: 'manual' });
    const started = emu.createQueuedElsewhere({ username: 'demo.admin' });
    emu.addDocumentElsewhere(started);
    const service = listAs('demo.frontdesk');
    const list = await service.list();
    expect(list.entries).toEqual([expect.objectContaining({ containerId: started, inUse: true })]);
    expect(service.picked(started)).toBeNull();
  });

  it('pages by creation time: 23 queued applications, some sharing one CreatedAt, listed once each with page size 5', async () => {
    emu = await startEmulator({ controls: true, clock: 'manual' });
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      made.push(emu.createQueuedElsewhere({ username: 'demo.admin' }));
      // Seven share each CreatedAt for a while, so whole pages share one time too.
      if (i % 7 === 6) await emu.advanceClock(1000);
    }
    const list = await listAs('demo.frontdesk', { pageSize: 5 }).list();
    expect(list.entries.map((e) => e.containerId).sort()).toEqual([...made].sort());
  });

  it('without archive privilege lists only the queued applications this kiosk created, checked one by one, and says so', async () => {
    emu = await startEmulator({ controls: true, clock: 'manual' });
    const kiosk = clientAs('demo.kiosk');
    const own = (await kiosk.createQueuedDocumentContainer({})).containerId;
    const ownFilled = (await kiosk.createQueuedDocumentContainer({})).containerId;
    emu.submitQueued(ownFilled);
    emu.createQueuedElsewhere({ username: 'demo.admin' });
    const list = await createQueuedList({ client: () => kiosk, now: () => emu.now(), ownQueued: () => [{ containerId: own }, { containerId: ownFilled }] }).list();
    expect(list.ownRecordsOnly).toBe(true);
    expect(list.entries.map((e) => e.containerId)).toEqual([own]);
  });
});
