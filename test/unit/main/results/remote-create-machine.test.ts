// SUBMISSION-PROTOCOL §14.2 (create outcomes, lookups), RAW-API §12.4 / §14.3 (states) and the
// revoke answers, as plain values.
import { describe, expect, it } from 'vitest';
import {
  afterCheck,
  afterCreateOutcome,
  afterLookup,
  afterRevokeOutcome,
  defaultRemoteCreateParams,
  nextRemoteCheckAt,
  recoverSent,
  remoteStateOf,
  type Ctx,
  type LookupAnswer,
} from '../../../../main/results/remote-create-machine';
import { newRemoteCreateRecord, type RemoteCreateRecord } from '../../../../main/store/remote-creates-repo';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const p = defaultRemoteCreateParams;
const ctx = (now = T0): Ctx => ({ now, random: () => 0.5, params: p });

/** A guest link whose create went out at T0 (phase SENT). */
function record(over: Partial<RemoteCreateRecord> = {}): RemoteCreateRecord {
  const order = { reference: 'ref-1', kind: 'guest_link' as const, accountId: 'kiosk', branchId: null, createdBy: 'staff-1', request: { name: 'Ada', email: 'ada@example.org', fields: [] }, sendEmail: false };
  return { ...newRemoteCreateRecord(order, T0), phase: 'SENT', sentAt: T0, ...over };
}

describe('§14.2 table 1: the outcome of a create', () => {
  it('OK records the ids, an expiry of creation + the link lifetime, and a first check', () => {
    const { rec } = afterCreateOutcome(record(), { class: 'OK' }, { containerId: 'C-1', guestId: 'G-1', linkUrl: 'http://x/guest/g-1' }, ctx());
    expect(rec).toMatchObject({ state: 'created', phase: 'PENDING', containerId: 'c-1', guestId: 'g-1', linkUrl: 'http://x/guest/g-1', expiresAt: T0 + 7 * DAY, remoteState: 'waiting', nextAttemptAt: null });
    expect(rec.nextCheckAt).toBeGreaterThan(T0);
    expect(rec.nextCheckAt).toBeLessThanOrEqual(T0 + 15 * MIN * 1.1);
  });

  it('a queued application has no expiry', () => {
    expect(afterCreateOutcome(record({ kind: 'queued' }), { class: 'OK' }, { containerId: 'c-2' }, ctx()).rec.expiresAt).toBeNull();
  });

  it('NOT_APPLIED retries the same reference after the §5 backoff, honouring Retry-After', () => {
    const { rec } = afterCreateOutcome(record({ failures: 2 }), { class: 'NOT_APPLIED', retryAfterMs: 90_000 }, null, ctx());
    expect(rec).toMatchObject({ state: 'creating', phase: 'PENDING', failures: 3, reference: 'ref-1', nextAttemptAt: T0 + 90_000 });
  });

  it('SESSION sends the same call again at once (renewal is the lane’s), backing off only when it repeats', () => {
    expect(afterCreateOutcome(record(), { class: 'SESSION' }, null, ctx()).rec).toMatchObject({ state: 'creating', phase: 'PENDING', nextAttemptAt: T0 });
    expect(afterCreateOutcome(record({ failures: 2 }), { class: 'SESSION' }, null, ctx()).rec.nextAttemptAt).toBeGreaterThan(T0);
  });

  it('REJECTED is refused with TrustID’s words and nothing is sent again', () => {
    const { rec } = afterCreateOutcome(record(), { class: 'REJECTED', message: 'Host is required.' }, null, ctx());
    expect(rec).toMatchObject({ state: 'refused', message: 'Host is required.', nextAttemptAt: null, finalAt: T0 });
  });

  it('CONFIG is not applied: the same reference waits and goes again later', () => {
    const { rec, pause } = afterCreateOutcome(record(), { class: 'CONFIG' }, null, ctx());
    expect(pause).toBe(true);
    expect(rec).toMatchObject({ state: 'creating', phase: 'PENDING' });
    expect(rec.nextAttemptAt).toBeGreaterThan(T0);
  });

  it('AMBIGUOUS resolves by a lookup after the settle delay, counted from the send', () => {
    expect(afterCreateOutcome(record({ sentAt: T0 - 30_000 }), { class: 'AMBIGUOUS' }, null, ctx()).rec).toMatchObject({ state: 'resolving', phase: 'PENDING', nextAttemptAt: T0 - 30_000 + 2 * MIN });
  });

  it('a crash with the create SENT is resolved by a lookup, never by sending blindly', () => {
    expect(recoverSent(record({ sentAt: T0 }), ctx(T0 + 10 * MIN))).toMatchObject({ phase: 'PENDING', state: 'resolving', nextAttemptAt: T0 + 2 * MIN });
  });
});

describe('§14.2 table 3: what the lookup found', () => {
  const m = (id: string, createdAt: number, storageType = 7, documents = 0) => ({ id, createdAt, storageType, documents });
  const resolving = (over: Partial<RemoteCreateRecord> = {}) => record({ phase: 'PENDING', state: 'resolving', ...over });

  it('one match of a queued application is adopted', () => {
    const d = afterLookup(resolving({ kind: 'queued' }), { kind: 'listed', matches: [m('C-1', T0)] }, false, ctx());
    expect(d).toMatchObject({ deletes: [], recreate: false, rec: { state: 'created', containerId: 'c-1', remoteState: 'waiting' } });
  });

  it('one match of an e-mailed guest link is adopted without its GuestId or URL', () => {
    const d = afterLookup(resolving({ sendEmail: true }), { kind: 'listed', matches: [m('c-1', T0)] }, false, ctx());
    expect(d.rec).toMatchObject({ state: 'created', containerId: 'c-1', guestId: null, linkUrl: null, expiresAt: T0 + 7 * DAY });
    expect(d.deletes).toEqual([]);
  });

  it('one match of a link handed over at the desk is deleted and made again under a fresh reference', () => {
    const d = afterLookup(resolving(), { kind: 'listed', matches: [m('c-1', T0)] }, true, ctx());
    expect(d).toMatchObject({ deletes: ['c-1'], recreate: true, rec: { state: 'replaced' } });
  });

  it('several queued matches keep the earliest and delete only duplicates still Queued and empty', () => {
    const d = afterLookup(resolving({ kind: 'queued' }), { kind: 'listed', matches: [m('c-3', T0 + 2), m('c-1', T0), m('c-2', T0 + 1, 7, 1), m('c-4', T0 + 3, 5)] }, true, ctx());
    expect(d.rec).toMatchObject({ state: 'created', containerId: 'c-1', attentionReason: 'duplicate_left' });
    expect(d.deletes).toEqual(['c-3']);
    expect(d.leftAlone).toEqual(['c-2', 'c-4']);
  });

  it('several e-mailed guest link matches keep the earliest (ties by id) and delete the others', () => {
    const d = afterLookup(resolving({ sendEmail: true }), { kind: 'listed', matches: [m('c-b', T0), m('c-a', T0), m('c-c', T0 + 5)] }, true, ctx());
    expect(d.rec.containerId).toBe('c-a');
    expect(d.deletes).toEqual(['c-b', 'c-c']);
  });

  it('no match with query_lists_queued set: not applied, sent again with the same reference', () => {
    const d = afterLookup(resolving({ kind: 'queued' }), { kind: 'listed', matches: [] }, true, ctx());
    expect(d).toMatchObject({ recreate: false, rec: { state: 'creating', reference: 'ref-1', nextAttemptAt: T0 } });
  });

  it.each([
    ['an untrusted no-match', { kind: 'listed', matches: [] } as LookupAnswer],
    ['a refused query (no archive privilege)', { kind: 'refused' } as LookupAnswer],
  ])('%s: a queued application needs staff, with no second create', (_name, answer) => {
    const d = afterLookup(resolving({ kind: 'queued' }), answer, false, ctx());
    expect(d).toMatchObject({ recreate: false, deletes: [], rec: { state: 'needs_attention', attentionReason: 'create_unconfirmed', nextAttemptAt: null } });
  });

  it('an untrusted no-match: a hand-over link is made again unasked (I13), an e-mailed one needs staff', () => {
    expect(afterLookup(resolving(), { kind: 'refused' }, false, ctx())).toMatchObject({ recreate: true, deletes: [], rec: { state: 'replaced' } });
    expect(afterLookup(resolving({ sendEmail: true }), { kind: 'listed', matches: [] }, false, ctx())).toMatchObject({ recreate: false, rec: { state: 'needs_attention' } });
  });
});

describe('API §12.4 / §14.3: the state a retrieve shows', () => {
  const link = record({ state: 'created', expiresAt: T0 + 7 * DAY });
  const c = (storageType: number, referred = false, documents = 0) => ({ kind: 'container' as const, storageType, referred, documents });
  it.each([
    [c(7), T0, 'waiting'],
    [c(7, false, 1), T0, 'being_completed'],
    [c(5), T0, 'submitted'],
    [c(4), T0, 'submitted'],
    [c(5, true), T0, 'referred'],
    [c(6), T0, 'referred'],
    [c(3), T0, 'result'],
    [c(7), T0 + 7 * DAY + 59 * MIN, 'waiting'],
    [c(7), T0 + 7 * DAY + 60 * MIN, 'expired'],
    [{ kind: 'not_found' as const }, T0 + 7 * DAY, 'expired'],
    [{ kind: 'not_found' as const }, T0 + DAY, 'withdrawn'],
  ])('%o at %d is %s', (r, now, state) => {
    expect(remoteStateOf(link, r, now, p)).toBe(state);
  });

  it('"not found" after this kiosk revoked the link is revoked', () => {
    expect(remoteStateOf({ ...link, revokePhase: 'SENT' }, { kind: 'not_found' }, T0 + DAY, p)).toBe('revoked');
  });

  it('a queued application "not found" is withdrawn, whatever the time', () => {
    expect(remoteStateOf(record({ kind: 'queued' }), { kind: 'not_found' }, T0 + 30 * DAY, p)).toBe('withdrawn');
  });

  it('final states stop the polling and set final_at; submitted ones follow the §7.6 ladder from when first seen', () => {
    expect(afterCheck(link, c(3), ctx())).toMatchObject({ remoteState: 'result', nextCheckAt: null, finalAt: T0 });
    const submitted = afterCheck(link, c(5), ctx());
    expect(submitted).toMatchObject({ remoteState: 'submitted', submittedAt: T0 });
    expect(submitted.nextCheckAt! - T0).toBeGreaterThanOrEqual(27_000);
    expect(submitted.nextCheckAt! - T0).toBeLessThanOrEqual(33_000);
    const later = afterCheck(submitted, c(5), ctx(T0 + 30 * MIN));
    expect(later.nextCheckAt! - (T0 + 30 * MIN)).toBeGreaterThanOrEqual(9 * MIN);
  });

  it('a waiting link is next checked every 15 min, and just after its expiry so that shows on time', () => {
    expect(nextRemoteCheckAt(link, 'waiting', ctx())).toBe(T0 + 15 * MIN);
    expect(nextRemoteCheckAt(link, 'waiting', ctx(T0 + 7 * DAY - MIN))).toBe(T0 + 7 * DAY + 1_000);
  });
});

describe('§14.3: revoking', () => {
  const link = record({ state: 'created', containerId: 'c-1', guestId: 'g-1', remoteState: 'waiting', revokePhase: 'SENT', expiresAt: T0 + 7 * DAY });
  it('OK is revoked and final', () => {
    expect(afterRevokeOutcome(link, { class: 'OK' }, ctx()).rec).toMatchObject({ remoteState: 'revoked', revokePhase: 'DONE', nextCheckAt: null, finalAt: T0 });
  });
  it('NOT_APPLIED and AMBIGUOUS are repeated with the read backoff', () => {
    for (const cls of ['NOT_APPLIED', 'AMBIGUOUS'] as const) {
      const { rec } = afterRevokeOutcome(link, { class: cls }, ctx());
      expect(rec).toMatchObject({ revokePhase: 'PENDING', revokeFailures: 1 });
      expect(rec.revokeDueAt! - T0).toBeGreaterThanOrEqual(1_000);
      expect(rec.revokeDueAt! - T0).toBeLessThanOrEqual(30_000);
    }
  });
  it('REJECTED is followed by a retrieve: a used link shows submitted, a removed one revoked or expired', () => {
    const { rec } = afterRevokeOutcome(link, { class: 'REJECTED' }, ctx());
    expect(rec).toMatchObject({ revokePhase: 'DONE', nextCheckAt: T0 });
    expect(afterCheck(rec, { kind: 'container', storageType: 5, referred: false, documents: 1 }, ctx()).remoteState).toBe('submitted');
    expect(afterCheck(rec, { kind: 'not_found' }, ctx()).remoteState).toBe('revoked');
    expect(afterCheck(rec, { kind: 'not_found' }, ctx(T0 + 8 * DAY)).remoteState).toBe('expired');
  });
});
