// The one detail screen for every origin (issue 10 point 6), through the results service over a real
// store and the emulator over HTTP: an application made elsewhere and a guest link's application,
// each read as TrustID answers it, with origin, reference, and the guest's name and e-mail.
import { afterEach, describe, expect, it } from 'vitest';
import { createResultsService } from '../../../main/app/services/results-service';
import { InboxPoller } from '../../../main/results/inbox-poller';
import { createTrustIdClient, type TrustIdClient } from '../../../main/trustid';
import { startRig, type Rig } from '../sync/sync-rig';

const rigs: Rig[] = [];
const clients: TrustIdClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const r of rigs.splice(0)) await r.close();
});

async function frontDesk() {
  const credentials = { kiosk: { username: 'demo.frontdesk', password: '' } };
  const rig = await startRig({ credentials });
  credentials.kiosk.password = rig.emu.users.find((u) => u.username === 'demo.frontdesk')!.password;
  rigs.push(rig);
  rig.worker.start();
  const user = rig.emu.users.find((u) => u.username === 'demo.frontdesk')!;
  const client = createTrustIdClient({ baseUrl: rig.emu.origin, apiKey: rig.emu.apiKey, credentials: () => user, deviceIdFile: `${rig.dir}/interactive-device`, now: () => rig.time.now() });
  clients.push(client);
  const poller = new InboxPoller({
    inbox: rig.store.inbox,
    read: (accountId, read) => rig.worker.pollingRead(accountId, () => read(rig.clients.get(accountId)!)),
    accounts: () => ['kiosk'],
    ownApplication: () => null,
    mirrorOwn: () => undefined,
    clock: rig.time,
    scheduler: rig.time,
  });
  const results = createResultsService({ store: rig.store, clientFor: () => client, now: () => rig.time.now() });
  return { rig, client, poller, results };
}

describe('result detail for every origin', () => {
  it('reads an application made elsewhere from TrustID: verdict, documents, origin and reference, and audits the viewing', async () => {
    const { rig, poller, results } = await frontDesk();
    rig.emu.createApplicationElsewhere({ outcome: 'fail', surname: 'ELSEWHERE', clientApplicationReference: 'BACK-OFFICE-77' });
    await rig.setTime(rig.time.now() + 10 * 60_000);
    await poller.runDue();
    const page = results.list({ name: 'elsewhere' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ origin: 'elsewhere', state: 'result_ready', verdict: 'failed', localReference: 'BACK-OFFICE-77' });
    expect(results.list({ name: 'back-office-77' }).items).toHaveLength(1);
    const detail = await results.get(page.items[0]!.id, 'staff-1');
    expect(detail).toMatchObject({ origin: 'elsewhere', verdict: 'failed', localReference: 'BACK-OFFICE-77', guest: null });
    expect(detail.documents[0]!.facts.some((f) => !f.passed)).toBe(true);
    expect(detail.name).toMatch(/ELSEWHERE/);
    expect(rig.store.audit.list({}).filter((a) => a.action === 'result.viewed').map((a) => a.actor)).toContain('staff-1');
    expect((await results.pdf(page.items[0]!.id)).base64.length).toBeGreaterThan(100);
  });

  it('shows a guest link’s application with the guest’s name and e-mail as TrustID stored them, waiting and then with its result', async () => {
    const { rig, client, poller, results } = await frontDesk();
    const link = await client.createGuestLink({ name: 'Gwen Guestly', email: 'gwen@example.org', sendEmail: false });
    await poller.runDue();
    const waiting = results.list({ origin: 'guest_link' }).items;
    expect(waiting.map((r) => [r.state, r.name])).toEqual([['waiting_guest', 'Gwen Guestly']]);
    const before = await results.get(waiting[0]!.id, 'staff-1');
    expect(before.guest).toEqual({ name: 'Gwen Guestly', email: 'gwen@example.org' });
    expect(before.documents).toEqual([]);

    rig.emu.submitGuest(link.guestId, { outcome: 'pass' });
    for (let i = 0; i < 10 && results.list({ origin: 'guest_link' }).items[0]!.state !== 'result_ready'; i++) {
      await rig.setTime(rig.time.now() + 61 * 60_000);
      await poller.runDue();
    }
    const done = results.list({ origin: 'guest_link' }).items[0]!;
    expect([done.state, done.verdict]).toEqual(['result_ready', 'accepted']);
    const after = await results.get(done.id, 'staff-1');
    expect(after.guest).toEqual({ name: 'Gwen Guestly', email: 'gwen@example.org' });
    expect(after.documents.length).toBeGreaterThan(0);
  });

  it('takes containers that another part of the kiosk follows through the sink, never retrieving them itself', async () => {
    const { rig, client, poller, results } = await frontDesk();
    const link = await client.createGuestLink({ name: 'Followed Guest', email: 'f@example.org', sendEmail: false });
    poller.addFollower((id) => id === link.containerId);
    poller.recordContainerSeen('kiosk', await client.retrieveDocumentContainer({ containerId: link.containerId }), 'guest_link');
    expect(rig.store.inbox.byContainer(link.containerId)!.nextCheckAt).toBeNull();
    await poller.runDue();
    expect(rig.emu.requests().filter((r) => r.path.includes('retrieveDocumentContainer')).length).toBe(1);
    poller.recordContainerGone(link.containerId, 'revoked');
    expect(results.list({ origin: 'guest_link' }).items.map((r) => r.state)).toEqual(['revoked']);
  });
});
