// The decisions of SUBMISSION-PROTOCOL §14 for the queued applications and guest links this kiosk
// creates: what a create's outcome does (§14.2 table 1), what a lookup after an ambiguous create
// finds (§14.2 table 3), which state a retrieve shows (RAW-API §12.4, §14.3), when the next check
// is due (§11) and what a revoke's answer means (§14.3). Pure: record + answer → new record and what
// to do next. Runs in main.
import type { RemoteCreateRecord, RemoteState } from '../store/remote-creates-repo';
import { appRetryDelay, clampRetryAfter, fullJitterDelay } from '../sync/backoff';
import { jitter, nominalPollIntervalMs } from '../sync/poll-schedule';
import type { CallOutcome } from '../sync/submission-types';
import { defaultSyncParams, type SyncParams } from '../sync/sync-params';

const MIN = 60_000;

/** SUBMISSION-PROTOCOL §11 "Inbox, guest links and queued applications" (our choice). */
export type RemoteCreateParams = {
  sync: SyncParams;
  /** Lookup after an ambiguous create: settle delay, and margin each side of the creation window. */
  settleDelayMs: number;
  lookupMarginMs: number;
  /** Read backoff: full jitter, base 30 s, cap 15 min. */
  readBackoffBaseMs: number;
  readBackoffCapMs: number;
  /** Storage type 7 containers of this kiosk: retrieved every 15 min. */
  waitingCheckMs: number;
  /** A guest link's lifetime (the account's setting; 7 days is usual). */
  guestLifetimeMs: number;
  /** A link still in storage type 7 after its expiry is shown as expired after this. */
  expiredGraceMs: number;
};

export const defaultRemoteCreateParams: RemoteCreateParams = {
  sync: defaultSyncParams,
  settleDelayMs: 2 * MIN,
  lookupMarginMs: 10 * MIN,
  readBackoffBaseMs: 30_000,
  readBackoffCapMs: 15 * MIN,
  waitingCheckMs: 15 * MIN,
  guestLifetimeMs: 7 * 24 * 60 * MIN,
  expiredGraceMs: 60 * MIN,
};

export type Ctx = { now: number; random: () => number; params: RemoteCreateParams };

export const FINAL_REMOTE_STATES: readonly RemoteState[] = ['result', 'expired', 'revoked', 'withdrawn'];
export const isFinalRemoteState = (s: RemoteState | null) => s !== null && FINAL_REMOTE_STATES.includes(s);

/** What a successful create returned. */
export type Created = { containerId: string; guestId?: string; linkUrl?: string };

export type CreateDecision = { rec: RemoteCreateRecord; pause: boolean };

function readRetryAt(failuresBefore: number, outcome: CallOutcome | null, ctx: Ctx): number {
  const p = ctx.params;
  const delay = fullJitterDelay(failuresBefore, ctx.random, p.readBackoffBaseMs, p.readBackoffCapMs, p.sync.backoffFloorMs);
  return ctx.now + Math.max(delay, clampRetryAfter(outcome?.retryAfterMs, p.sync) ?? 0);
}

/** The first check of a freshly created container, and every check after one that showed `state`. */
export function nextRemoteCheckAt(rec: Pick<RemoteCreateRecord, 'kind' | 'expiresAt' | 'submittedAt'>, state: RemoteState, ctx: Ctx): number | null {
  if (isFinalRemoteState(state)) return null;
  const p = ctx.params;
  if (state === 'submitted' || state === 'referred') {
    // §11: counted from when the submission was first seen, on the §7.6 ladder.
    const since = rec.submittedAt ?? ctx.now;
    return ctx.now + jitter(nominalPollIntervalMs(ctx.now - since), p.sync.pollJitter, ctx.random);
  }
  let at = ctx.now + jitter(p.waitingCheckMs, p.sync.pollJitter, ctx.random);
  // Expiry is shown on time: look again just after the expiry, then once the grace has passed.
  if (rec.kind === 'guest_link' && rec.expiresAt !== null) {
    if (ctx.now < rec.expiresAt) at = Math.min(at, rec.expiresAt + 1_000);
    else if (ctx.now < rec.expiresAt + p.expiredGraceMs) at = Math.min(at, rec.expiresAt + p.expiredGraceMs + 1_000);
  }
  return at;
}

/** §14.2 table 1: the create call's outcome. */
export function afterCreateOutcome(rec: RemoteCreateRecord, outcome: CallOutcome, created: Created | null, ctx: Ctx): CreateDecision {
  const next: RemoteCreateRecord = { ...rec, phase: 'PENDING' };
  const p = ctx.params;
  switch (outcome.class) {
    case 'OK': {
      if (created === null) throw new Error('an OK create without its ids');
      const made: RemoteCreateRecord = {
        ...next,
        state: 'created',
        nextAttemptAt: null,
        failures: 0,
        containerId: created.containerId.toLowerCase(),
        guestId: created.guestId?.toLowerCase() ?? null,
        linkUrl: created.linkUrl ?? null,
        // API §12.4: the answer carries no expiry; creation time plus the account's link lifetime.
        expiresAt: rec.kind === 'guest_link' ? (rec.sentAt ?? ctx.now) + p.guestLifetimeMs : null,
        remoteState: 'waiting',
      };
      return { rec: { ...made, nextCheckAt: nextRemoteCheckAt(made, 'waiting', ctx) }, pause: false };
    }
    case 'NOT_APPLIED': {
      const retryAfter = clampRetryAfter(outcome.retryAfterMs, p.sync) ?? 0;
      return { rec: { ...next, failures: rec.failures + 1, nextAttemptAt: ctx.now + Math.max(appRetryDelay(rec.failures, ctx.random, p.sync), retryAfter) }, pause: false };
    }
    case 'SESSION':
    case 'AUTH':
      // §6: renew and send the same call again. A session that keeps expiring backs off like a failure.
      return { rec: { ...next, failures: rec.failures + 1, nextAttemptAt: ctx.now + (rec.failures >= 2 ? appRetryDelay(rec.failures, ctx.random, p.sync) : 0) }, pause: false };
    case 'REJECTED':
      return { rec: { ...next, state: 'refused', nextAttemptAt: null, message: outcome.message ?? null, finalAt: ctx.now }, pause: false };
    case 'CONFIG':
      // Not applied: the same reference is sent again later. The lane pauses the queue when the
      // account's sign-in is refused; a refusal of this one call backs off like a read.
      return { rec: { ...next, failures: rec.failures + 1, nextAttemptAt: readRetryAt(rec.failures, outcome, ctx) }, pause: true };
    case 'AMBIGUOUS':
      return { rec: { ...next, state: 'resolving', nextAttemptAt: (rec.sentAt ?? ctx.now) + p.settleDelayMs }, pause: false };
  }
}

/** A container the lookup found carrying the record's reference. */
export type Match = { id: string; createdAt: number; storageType: number; documents: number };
export type LookupAnswer = { kind: 'refused' } | { kind: 'listed'; matches: Match[] };

export type LookupDecision = {
  rec: RemoteCreateRecord;
  /** Containers to delete (§14.2: duplicates; for a hand-over guest link, every match). */
  deletes: string[];
  /** Duplicates that must not be deleted (no longer Queued and empty): shown to staff. */
  leftAlone: string[];
  /** Create a new record in this one's place, under a fresh reference. */
  recreate: boolean;
};

/** §14.2 table 3: what the lookup after an ambiguous create found. `trusted` = `query_lists_queued`. */
export function afterLookup(rec: RemoteCreateRecord, answer: LookupAnswer, trusted: boolean, ctx: Ctx): LookupDecision {
  const handOver = rec.kind === 'guest_link' && !rec.sendEmail;
  const matches = answer.kind === 'listed' ? [...answer.matches].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)) : [];
  const replaced = (deletes: string[]): LookupDecision => ({
    rec: { ...rec, state: 'replaced', nextAttemptAt: null, finalAt: ctx.now },
    deletes,
    leftAlone: [],
    recreate: true,
  });

  if (matches.length === 0) {
    if (answer.kind === 'listed' && trusted) {
      // Not applied: send again with the same reference (the runner commits a new SENT first).
      return { rec: { ...rec, state: 'creating', nextAttemptAt: ctx.now }, deletes: [], leftAlone: [], recreate: false };
    }
    // Untrusted "no match" or no archive privilege. I13: only a link the kiosk hands over itself is made again unasked.
    if (handOver) return replaced([]);
    return { rec: { ...rec, state: 'needs_attention', attentionReason: 'create_unconfirmed', nextAttemptAt: null }, deletes: [], leftAlone: [], recreate: false };
  }

  const [keep, ...others] = matches as [Match, ...Match[]];
  if (handOver) {
    // The container shows neither GuestId nor LinkUrl, so the kiosk cannot hand this link over: delete it and make another.
    return replaced(matches.map((m) => m.id));
  }
  const deletes: string[] = [];
  const leftAlone: string[] = [];
  for (const m of others) {
    if (rec.kind === 'guest_link' || (m.storageType === 7 && m.documents === 0)) deletes.push(m.id);
    else leftAlone.push(m.id);
  }
  const state: RemoteState = keep.storageType === 7 ? (keep.documents > 0 ? 'being_completed' : 'waiting') : 'submitted';
  const made: RemoteCreateRecord = {
    ...rec,
    state: 'created',
    nextAttemptAt: null,
    containerId: keep.id.toLowerCase(),
    // An e-mailed guest link: the guest has it; revoke goes by ContainerId (API §12.2).
    expiresAt: rec.kind === 'guest_link' ? (rec.sentAt ?? ctx.now) + ctx.params.guestLifetimeMs : null,
    remoteState: state,
    nextCheckAt: ctx.now,
    attentionReason: leftAlone.length > 0 ? 'duplicate_left' : null,
  };
  return { rec: made, deletes, leftAlone, recreate: false };
}

/** A lookup that failed (not a refusal): repeated with the read backoff. */
export function afterLookupFailure(rec: RemoteCreateRecord, outcome: CallOutcome, ctx: Ctx): RemoteCreateRecord {
  return { ...rec, failures: rec.failures + 1, nextAttemptAt: readRetryAt(rec.failures, outcome, ctx) };
}

/** What a retrieve of the record's container answered. */
export type Retrieved = { kind: 'container'; storageType: number; referred: boolean; documents: number } | { kind: 'not_found' };

/** RAW-API §12.4 and SUBMISSION-PROTOCOL §14.3: the state staff are shown. */
export function remoteStateOf(rec: Pick<RemoteCreateRecord, 'kind' | 'expiresAt' | 'revokePhase'>, r: Retrieved, now: number, params: RemoteCreateParams): RemoteState {
  const expiredBy = (t: number) => rec.kind === 'guest_link' && rec.expiresAt !== null && now >= t;
  if (r.kind === 'not_found') {
    if (rec.revokePhase === 'DONE') return expiredBy(rec.expiresAt ?? Infinity) ? 'expired' : 'revoked';
    if (rec.revokePhase !== null) return 'revoked';
    if (expiredBy(rec.expiresAt ?? Infinity)) return 'expired';
    return 'withdrawn';
  }
  switch (r.storageType) {
    case 3:
      return 'result';
    case 4:
    case 5:
    case 6:
      return r.storageType === 6 || r.referred ? 'referred' : 'submitted';
    default:
      // 7 (or an unexpected 1): not submitted yet. §16 #24: a real service may keep an expired link's container.
      if (expiredBy((rec.expiresAt ?? Infinity) + params.expiredGraceMs)) return 'expired';
      return r.documents > 0 ? 'being_completed' : 'waiting';
  }
}

/** A retrieve answered: the new state, when to look again, and whether the result is final. */
export function afterCheck(rec: RemoteCreateRecord, r: Retrieved, ctx: Ctx): RemoteCreateRecord {
  const state = remoteStateOf(rec, r, ctx.now, ctx.params);
  const submittedAt = rec.submittedAt ?? (state === 'submitted' || state === 'referred' || state === 'result' ? ctx.now : null);
  const next: RemoteCreateRecord = { ...rec, remoteState: state, submittedAt, lastCheckedAt: ctx.now, checkFailures: 0 };
  const final = isFinalRemoteState(state);
  return { ...next, nextCheckAt: nextRemoteCheckAt(next, state, ctx), finalAt: final ? (rec.finalAt ?? ctx.now) : null };
}

/** A retrieve that failed (not "not found"): the read backoff; a Retry-After postpones it. */
export function afterCheckFailure(rec: RemoteCreateRecord, outcome: CallOutcome, ctx: Ctx): RemoteCreateRecord {
  return { ...rec, checkFailures: rec.checkFailures + 1, nextCheckAt: readRetryAt(rec.checkFailures, outcome, ctx) };
}

/** Whether staff may revoke the link now (§14.3): a created guest link nobody has used yet. */
export function mayRevoke(rec: RemoteCreateRecord): boolean {
  return rec.kind === 'guest_link' && rec.state === 'created' && rec.containerId !== null && rec.revokePhase === null && (rec.remoteState === 'waiting' || rec.remoteState === null);
}

/** §14.3: deleteGuestLink answered. */
export function afterRevokeOutcome(rec: RemoteCreateRecord, outcome: CallOutcome, ctx: Ctx): CreateDecision {
  switch (outcome.class) {
    case 'OK':
      return { rec: { ...rec, revokePhase: 'DONE', revokeDueAt: null, remoteState: 'revoked', nextCheckAt: null, finalAt: ctx.now }, pause: false };
    case 'REJECTED':
      // Never branch on the message: retrieve the container and show what it says (API §12.2).
      return { rec: { ...rec, revokePhase: 'DONE', revokeDueAt: null, nextCheckAt: ctx.now }, pause: false };
    case 'CONFIG':
      return { rec: { ...rec, revokePhase: 'PENDING', revokeFailures: rec.revokeFailures + 1, revokeDueAt: readRetryAt(rec.revokeFailures, outcome, ctx) }, pause: true };
    default:
      return { rec: { ...rec, revokePhase: 'PENDING', revokeFailures: rec.revokeFailures + 1, revokeDueAt: readRetryAt(rec.revokeFailures, outcome, ctx) }, pause: false };
  }
}

/** Start-up (as §7.7): a create found SENT may have been applied, so it is looked up; a revoke is simply sent again. */
export function recoverSent(rec: RemoteCreateRecord, ctx: Ctx): RemoteCreateRecord {
  let next = rec;
  if (rec.phase === 'SENT') next = { ...next, phase: 'PENDING', state: 'resolving', nextAttemptAt: (rec.sentAt ?? ctx.now) + ctx.params.settleDelayMs };
  if (rec.revokePhase === 'SENT') next = { ...next, revokePhase: 'PENDING', revokeDueAt: ctx.now };
  return next;
}

/** The read backoff for a pending delete. */
export function deleteRetryAt(failuresBefore: number, outcome: CallOutcome, ctx: Ctx): number {
  return readRetryAt(failuresBefore, outcome, ctx);
}
