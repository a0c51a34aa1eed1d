// SUBMISSION-PROTOCOL §12 item 10 against the emulator over HTTP: createQueuedDocumentContainer and
// createGuestLink with applyThenDrop, applyThen:502, and a delay beyond the client timeout with the
// operation applied and not applied. At the end exactly one live container carries the record's
// reference; an account without archive privilege ends in needs_attention with no second create,
// except a guest link the kiosk hands over itself, which is created again. Then the follow-up: a
// guest submits, the link reaches its result; a revoked link is revoked at TrustID.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../main/demo/emulator';
import { silentLogger } from '../../../main/logging/logger';
import { memoryQueuedEvidence, type InboxSink } from '../../../main/results/remote-create-ports';
import { createRemoteCreatesService, type RemoteCreatesService } from '../../../main/results/remote-creates';
import type { RemoteCreateKind, RemoteCreateRecord } from '../../../main/store/remote-creates-repo';
import type { TrustIdClient } from '../../../main/trustid';
import { startRig, type Rig } from '../sync/sync-rig';

const ACCOUNT = 'kiosk';
const rigs: Rig[] = [];
const services: RemoteCreatesService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const r of rigs.splice(0)) await r.close();
});

/** demo.frontdesk can search the archive; demo.kiosk cannot (RAW-API §13: own-records mode). */
async function setUp(username: 'demo.frontdesk' | 'demo.kiosk', inbox?: InboxSink, online = () => true) {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const rig = await startRig({ timeouts: { jsonMs: 1_500 }, credentials: { [ACCOUNT]: { username: user.username, password: user.password } } });
  rigs.push(rig);
  const evidence = memoryQueuedEvidence();
  const lazy = (accountId: string) =>
    new Proxy({} as TrustIdClient, { get: (_t, name: keyof TrustIdClient) => (...args: unknown[]) => (rig.clients.get(accountId)![name] as (...a: unknown[]) => unknown)(...args) });
  rig.worker.start();
  const svc = createRemoteCreatesService({
    repo: rig.store.remoteCreates,
    lane: (accountId, call) => rig.worker.pollingRead(accountId, call),
    client: lazy,
    evidence,
    ...(inbox ? { inbox } : {}),
    clock: rig.time,
    scheduler: rig.time,
    log: silentLogger(),
    newReference: () => crypto.randomUUID(),
    online,
  });
  services.push(svc);
  svc.start();
  return { rig, svc, evidence };
}

async function drain(rig: Rig, svc: RemoteCreatesService, until: () => boolean, maxMs = 3 * 3600_000) {
  const start = rig.time.now();
  for (let i = 0; i < 200; i += 1) {
    for (let k = 0; k < 5; k += 1) await new Promise((r) => setImmediate(r));
    await svc.whenIdle();
    if (until()) return;
    const next = rig.store.remoteCreates.nextDueAt();
    if (next === null || next - start > maxMs) return;
    await rig.setTime(Math.max(next, rig.time.now() + 1));
  }
}

const live = (rig: Rig, reference: string) => rig.emu.containers(reference).filter((c) => c.kind !== 'removed');
const creates = (rig: Rig, op: string) => rig.emu.requests().filter((r) => r.path.includes(op)).length;
const opOf = (kind: RemoteCreateKind) => (kind === 'queued' ? 'createQueuedDocumentContainer' : 'createGuestLink');

async function create(svc: RemoteCreatesService, kind: RemoteCreateKind, sendEmail = false): Promise<RemoteCreateRecord> {
  const who = { accountId: ACCOUNT, staffId: 'staff-1' };
  return kind === 'queued' ? svc.createQueued({ fields: [] }, who) : svc.createGuestLink({ name: 'Gwen Guest', email: 'gwen@example.org', sendEmail, fields: [] }, who);
}

/** The record staff end up with: the one a hand-over link was replaced by, if it was. */
function finalRecord(rig: Rig, reference: string): RemoteCreateRecord {
  let rec = rig.store.remoteCreates.get(reference)!;
  while (rec.replacedBy) rec = rig.store.remoteCreates.get(rec.replacedBy)!;
  return rec;
}

describe.each(['queued', 'guest_link'] as const)('%s: a create that got no answer is resolved by a lookup (§14.2)', (kind) => {
  const faults = [
    ['applyThenDrop', { action: 'applyThenDrop' }],
    ['applyThen:502', { action: 'applyThen:502' }],
    ['a delay beyond the timeout, applied', { action: 'delay:2500', apply: true }],
  ] as const;

  it.each(faults)('%s: exactly one live container carries the record’s reference', async (_name, fault) => {
    const { rig, svc } = await setUp('demo.frontdesk');
    rig.emu.addFault({ match: { path: opOf(kind) }, times: 1, ...fault });
    const first = await create(svc, kind);
    expect(first.state).toBe('resolving');
    await drain(rig, svc, () => {
      const rec = finalRecord(rig, first.reference);
      return rec.state === 'created' && rig.store.remoteCreates.dueDeletes(rig.time.now() + 3600_000).length === 0;
    });
    const rec = finalRecord(rig, first.reference);
    expect(rec.state).toBe('created');
    expect(live(rig, rec.reference)).toHaveLength(1);
    expect(live(rig, rec.reference)[0]!.containerId).toBe(rec.containerId);
    if (kind === 'queued') {
      // Adopted, never applied twice (a deleted duplicate would still be listed as removed).
      expect(rec.reference).toBe(first.reference);
      expect(rig.emu.containers(rec.reference)).toHaveLength(1);
    } else {
      // A link handed over at the desk whose GuestId the kiosk never learnt is deleted and made again.
      expect(rec.reference).not.toBe(first.reference);
      expect(rec.linkUrl).toMatch(/\/guest\//);
      expect(live(rig, first.reference)).toHaveLength(0);
    }
  });

  it('a delay beyond the timeout, not applied: sent again under the same reference once the query is known to list queued containers', async () => {
    const { rig, svc } = await setUp('demo.frontdesk');
    // A first create, looked up once, shows that the archive query lists Queued (7) containers.
    rig.emu.addFault({ match: { path: opOf(kind) }, times: 1, action: 'applyThenDrop' });
    const earlier = await create(svc, kind, true);
    await drain(rig, svc, () => rig.store.remoteCreates.get(earlier.reference)!.state === 'created');
    rig.emu.addFault({ match: { path: opOf(kind) }, times: 1, action: 'delay:2500', apply: false });
    const first = await create(svc, kind);
    expect(first.state).toBe('resolving');
    await drain(rig, svc, () => rig.store.remoteCreates.get(first.reference)!.state === 'created');
    const rec = rig.store.remoteCreates.get(first.reference)!;
    expect(rec).toMatchObject({ state: 'created', replacedBy: null });
    expect(live(rig, first.reference)).toHaveLength(1);
  });

  it('without archive privilege the lookup is refused: ' + (kind === 'queued' ? 'needs_attention and no second create' : 'the hand-over link is created again'), async () => {
    const { rig, svc } = await setUp('demo.kiosk');
    rig.emu.addFault({ match: { path: opOf(kind) }, times: 1, action: 'applyThenDrop' });
    const first = await create(svc, kind);
    await drain(rig, svc, () => {
      const rec = finalRecord(rig, first.reference);
      return rec.state === 'needs_attention' || rec.state === 'created';
    });
    if (kind === 'queued') {
      expect(rig.store.remoteCreates.get(first.reference)).toMatchObject({ state: 'needs_attention', attentionReason: 'create_unconfirmed' });
      expect(creates(rig, opOf(kind))).toBe(1);
      expect(live(rig, first.reference)).toHaveLength(1);
    } else {
      const rec = finalRecord(rig, first.reference);
      expect(rec).toMatchObject({ state: 'created' });
      expect(rec.reference).not.toBe(first.reference);
      expect(creates(rig, opOf(kind))).toBe(2);
    }
  });
});

describe('following a guest link (API §12.4)', () => {
  it('waits, is submitted when the guest completes it, and reaches its result; the snapshot is kept sealed', async () => {
    const { rig, svc } = await setUp('demo.frontdesk');
    const link = await create(svc, 'guest_link');
    expect(link).toMatchObject({ state: 'created', remoteState: 'waiting' });
    expect(link.expiresAt).toBe(link.sentAt! + 7 * 24 * 3600_000);
    rig.emu.submitGuest(link.guestId!, { outcome: 'pass' });
    await svc.checkNow(link.reference);
    expect(rig.store.remoteCreates.get(link.reference)!.remoteState).toMatch(/submitted|referred|result/);
    await drain(rig, svc, () => rig.store.remoteCreates.get(link.reference)!.remoteState === 'result');
    const done = rig.store.remoteCreates.get(link.reference)!;
    expect(done).toMatchObject({ remoteState: 'result', nextCheckAt: null });
    expect(done.result).toContain(done.containerId!);
  });

  it('a revoked link is deleted at TrustID and no longer polled; a link nobody uses expires on time', async () => {
    const { rig, svc } = await setUp('demo.frontdesk');
    const revoked = await create(svc, 'guest_link');
    const after = await svc.revoke(revoked.reference, 'staff-1');
    expect(after).toMatchObject({ remoteState: 'revoked', nextCheckAt: null });
    expect(live(rig, revoked.reference)).toHaveLength(0);

    const unused = await create(svc, 'guest_link');
    // A week of 15-minute checks, skipped: straight to just before the expiry, then let it run.
    await rig.setTime(unused.expiresAt! - 60_000);
    await drain(rig, svc, () => rig.store.remoteCreates.get(unused.reference)!.remoteState === 'expired', 2 * 3600_000);
    const rec = rig.store.remoteCreates.get(unused.reference)!;
    expect(rec.remoteState).toBe('expired');
    expect(rec.lastCheckedAt! - rec.expiresAt!).toBeLessThanOrEqual(3600_000 + 60_000);
  });
});

describe('the inbox hooks', () => {
  it('offers every container it retrieves to the inbox, reports one that ended, and says which containers it follows', async () => {
    const seen: string[] = [];
    const gone: string[] = [];
    const { rig, svc } = await setUp('demo.frontdesk', {
      onContainerSeen: (accountId, c, origin) => seen.push(`${accountId}:${c.Id.toLowerCase()}:${origin}`),
      onContainerGone: (containerId, state) => gone.push(`${containerId}:${state}`),
    });
    const link = await create(svc, 'guest_link');
    await svc.checkNow(link.reference);
    expect(seen).toEqual([`${ACCOUNT}:${link.containerId}:guest_link`]);
    await svc.revoke(link.reference, 'staff-1');
    expect(gone).toEqual([`${link.containerId}:revoked`]);
    expect(svc.followsContainer(link.containerId!)).toBe(true);
    expect(svc.followsContainer('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(svc.isOwnGuestLinkReference(link.reference)).toBe(true);
    expect(svc.isOwnGuestLinkReference(crypto.randomUUID())).toBe(false);
    const queued = await create(svc, 'queued');
    expect(svc.listOwnQueued(ACCOUNT).map((r) => r.reference)).toEqual([queued.reference]);
    expect(rig.store.remoteCreates.get(queued.reference)!.state).toBe('created');
  });
});

describe('late duplicates and the offline refusal', () => {
  it('a Queued container met later with the reference of a record holding another container is deleted (§14.2 item 4)', async () => {
    const { rig, svc } = await setUp('demo.frontdesk');
    const rec = await create(svc, 'queued');
    // A request applied late: a second container under the same reference (made here by the emulator's control).
    const lateId = rig.emu.createQueuedElsewhere({ username: 'demo.frontdesk', clientApplicationReference: rec.reference });
    const client = rig.clients.get(ACCOUNT)!;
    svc.noteQueuedContainer(ACCOUNT, await client.retrieveDocumentContainer({ containerId: lateId }));
    await drain(rig, svc, () => rig.store.remoteCreates.dueDeletes(rig.time.now() + 3600_000).length === 0);
    expect(live(rig, rec.reference).map((c) => c.containerId)).toEqual([rec.containerId]);
    expect(rig.store.remoteCreates.get(rec.reference)).toMatchObject({ state: 'created', containerId: rec.containerId });
  });

  it('creating while TrustID cannot be reached is refused in plain words, and nothing is stored or sent', async () => {
    const { rig, svc } = await setUp('demo.frontdesk', undefined, () => false);
    await expect(create(svc, 'guest_link')).rejects.toMatchObject({ code: 'trustid.offline', message: expect.stringMatching(/cannot be reached, so no guest link can be made now/) });
    expect(rig.store.remoteCreates.list({})).toEqual([]);
    expect(creates(rig, 'createGuestLink')).toBe(0);
  });
});
