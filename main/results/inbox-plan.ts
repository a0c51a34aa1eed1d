// The results inbox's decisions, as pure functions (RAW-API §13.4 item 2, SUBMISSION-PROTOCOL §11):
// which window a poll reads, how it pages without walking Page, how far the watermark moves, what a
// container means as an inbox row (origin, plain-word state, holder data), and when an entry is
// retrieved next. No I/O; time and randomness are passed in. Runs in main.
import type { InboxHolder, InboxOrigin, InboxPollState, InboxSighting, InboxState } from '../store/inbox-repo';
import { fullJitterDelay } from '../sync/backoff';
import { jitter, nominalPollIntervalMs } from '../sync/poll-schedule';
import { applicationSummary, bestDocumentField, clientApplicationReference, DocumentStorageType, type Container } from '../trustid';
import { containerVerdict } from './result-view';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** SUBMISSION-PROTOCOL §11 "Inbox, guest links and queued applications". */
export type InboxParams = {
  pollIntervalMs: number;
  overlapMs: number;
  deepSweepIntervalMs: number;
  deepSweepWindowMs: number;
  initialLookbackMs: number;
  pageSize: number;
  pagesPerPoll: number;
  /** Storage type 7 entries this kiosk made (guest links, queued applications) / made elsewhere. */
  queuedOwnIntervalMs: number;
  queuedElsewhereIntervalMs: number;
  guestLinkLifetimeMs: number;
  /** A guest link still Queued this long after its expiry is shown as expired. */
  guestExpiryGraceMs: number;
  readBackoffBaseMs: number;
  readBackoffCapMs: number;
  readBackoffFloorMs: number;
  privilegeRecheckMs: number;
  jitter: number;
  /** After this long without a final result (from first seen), look only hourly (§7.6's 48 h). */
  slowAfterMs: number;
};

export const defaultInboxParams: InboxParams = {
  pollIntervalMs: 2 * MIN,
  overlapMs: 15 * MIN,
  deepSweepIntervalMs: 60 * MIN,
  deepSweepWindowMs: 48 * H,
  initialLookbackMs: 7 * 24 * H,
  pageSize: 100,
  pagesPerPoll: 20,
  queuedOwnIntervalMs: 15 * MIN,
  queuedElsewhereIntervalMs: 60 * MIN,
  guestLinkLifetimeMs: 7 * 24 * H,
  guestExpiryGraceMs: H,
  readBackoffBaseMs: 30 * S,
  readBackoffCapMs: 15 * MIN,
  readBackoffFloorMs: 1 * S,
  privilegeRecheckMs: 6 * H,
  jitter: 0.1,
  slowAfterMs: 48 * H,
};

export type PollKind = 'incremental' | 'deep';

/**
 * The window a poll reads from: the watermark minus the overlap (incremental), the 48 h below the
 * watermark (deep sweep, hourly), or the initial look-back for an account never polled.
 */
export function pollWindow(poll: Pick<InboxPollState, 'watermark' | 'lastDeepSweepAt'>, now: number, p: InboxParams): { kind: PollKind; from: number } {
  if (poll.watermark === null) return { kind: 'incremental', from: now - p.initialLookbackMs };
  if (poll.lastDeepSweepAt !== null && now - poll.lastDeepSweepAt >= p.deepSweepIntervalMs) return { kind: 'deep', from: poll.watermark - p.deepSweepWindowMs };
  return { kind: 'incremental', from: poll.watermark - p.overlapMs };
}

export type PageCursor = { from: number; page: number };

/**
 * §13.4 paging: page 0 again from the last CreatedAt received (the bound is inclusive; the caller
 * drops ids already seen in this pass), or the next Page only when a whole page shares one CreatedAt.
 * Null when the page was the last one.
 */
export function nextPage(cursor: PageCursor, createdAts: readonly number[], pageSize: number): PageCursor | null {
  if (createdAts.length < pageSize || createdAts.length === 0) return null;
  const first = createdAts[0]!;
  const last = createdAts[createdAts.length - 1]!;
  if (first === last) return { from: cursor.from, page: cursor.page + 1 };
  return { from: last, page: 0 };
}

/** The watermark after a page: the last CreatedAt on it, never moving back (a deep sweep reads below it). */
export function advanceWatermark(watermark: number | null, createdAts: readonly number[]): number | null {
  if (createdAts.length === 0) return watermark;
  const last = Math.max(...createdAts);
  return watermark === null ? last : Math.max(watermark, last);
}

function flexibleValue(c: Container, name: string): string | null {
  for (const f of c.ApplicationFlexibleFieldList) {
    if ((f.m_Item1?.Name ?? f.m_Item2?.FlexibleFieldNameDup) !== name) continue;
    const v = f.m_Item2;
    const text = v?.FieldValueString?.trim() || (v?.FieldValueInt ?? v?.FieldValueDecimal ?? '').toString() || (v?.FieldValueDate ? v.FieldValueDate.toISOString().slice(0, 10) : '');
    return text || null;
  }
  return null;
}

const GUEST_NAME = '__SYS_GuestName';
const GUEST_EMAIL = '__SYS_GuestEmail';

/** Personal data from a container: TrustID's reading of the name, the guest's, the field values. */
export function holderOf(c: Container): InboxHolder {
  const doc = c.Documents[0];
  const read = doc ? [bestDocumentField(doc, 'VI Firstname')?.FieldValueString, bestDocumentField(doc, 'VI Surname')?.FieldValueString].filter(Boolean).join(' ') : '';
  const fields: InboxHolder['fields'] = [];
  for (const f of c.ApplicationFlexibleFieldList) {
    const name = f.m_Item1?.Name ?? f.m_Item2?.FlexibleFieldNameDup ?? '';
    if (!name || name.startsWith('__SYS_')) continue;
    const value = flexibleValue(c, name);
    if (value) fields.push({ label: f.m_Item1?.DisplayName?.trim() || f.m_Item2?.FlexibleFieldDisplayNameDup?.trim() || name, value });
  }
  return { name: c.Fullname?.trim() || read.trim() || null, guestName: flexibleValue(c, GUEST_NAME), guestEmail: flexibleValue(c, GUEST_EMAIL), fields };
}

/** ClientApplicationReference, else TrustID's application number. */
export function referenceOf(c: Container): string | null {
  const ref = clientApplicationReference(c)?.trim();
  if (ref) return ref;
  return c.ClientAppId ? String(c.ClientAppId) : null;
}

/** Where an application came from, as far as the container shows (a follower's hint wins). */
export function inboxOrigin(c: Container, hint: InboxOrigin | null): InboxOrigin {
  if (hint !== null) return hint;
  if (flexibleValue(c, GUEST_NAME) !== null || flexibleValue(c, GUEST_EMAIL) !== null) return 'guest_link';
  if (c.DocumentStorageType === DocumentStorageType.Queued) return 'queued';
  return 'elsewhere';
}

/** The plain-word state of a container that TrustID answered for (§5.7, §12.4). */
export function stateOf(c: Container, origin: InboxOrigin): InboxState {
  if (c.DocumentStorageType === DocumentStorageType.Queued) return origin === 'guest_link' ? 'waiting_guest' : 'waiting';
  const s = applicationSummary(c).state;
  if (s === 'final') return 'result_ready';
  if (s === 'referred') return 'referred';
  return 'being_checked';
}

/** The state of an entry TrustID answers "not found" for (§12.4's table; the inbox never revokes). */
export function goneState(origin: InboxOrigin, createdAt: number, now: number, p: InboxParams): InboxState {
  if (origin === 'guest_link' && now >= createdAt + p.guestLinkLifetimeMs) return 'expired';
  return 'withdrawn';
}

export function isFinalState(state: InboxState): boolean {
  return state === 'result_ready' || state === 'expired' || state === 'revoked' || state === 'withdrawn';
}

/**
 * When the inbox retrieves an entry next (§11): storage type 7 every 15 min (this kiosk's) or 60 min
 * (elsewhere); 4, 5 or 6 on the §7.6 ladder counted from first sighting, hourly after 48 h; never
 * once final, and never for containers somebody else on this kiosk already follows.
 */
export function nextInboxCheckAt(
  e: { state: InboxState; origin: InboxOrigin; firstSeenAt: number; madeHere: boolean; followedElsewhere: boolean },
  now: number,
  random: () => number,
  p: InboxParams,
): number | null {
  if (isFinalState(e.state) || e.followedElsewhere || e.origin === 'kiosk') return null;
  let interval: number;
  if (e.state === 'waiting' || e.state === 'waiting_guest') interval = e.madeHere ? p.queuedOwnIntervalMs : p.queuedElsewhereIntervalMs;
  else {
    const elapsed = Math.max(0, now - e.firstSeenAt);
    interval = elapsed >= p.slowAfterMs ? H : nominalPollIntervalMs(elapsed);
  }
  return now + jitter(interval, p.jitter, random);
}

/** §11: a failed inbox read waits full jitter, base 30 s, cap 15 min (Retry-After honoured by the caller). */
export function readRetryDelay(failuresBefore: number, random: () => number, p: InboxParams): number {
  return fullJitterDelay(failuresBefore, random, p.readBackoffBaseMs, p.readBackoffCapMs, p.readBackoffFloorMs);
}

/** A still-Queued guest link an hour past its expiry is shown expired (§12.4, §16 #24). */
export function overdueGuestLink(origin: InboxOrigin, state: InboxState, createdAt: number, now: number, p: InboxParams): boolean {
  return origin === 'guest_link' && state === 'waiting_guest' && now >= createdAt + p.guestLinkLifetimeMs + p.guestExpiryGraceMs;
}

/** A container as an inbox sighting. */
export function sightingOf(
  c: Container,
  o: { accountId: string; originHint: InboxOrigin | null; firstSeenAt: number; madeHere: boolean; followedElsewhere: boolean; withSnapshot: boolean },
  now: number,
  random: () => number,
  p: InboxParams,
): InboxSighting {
  const origin = inboxOrigin(c, o.originHint);
  const createdAt = c.CreatedAt?.getTime() ?? now;
  let state = stateOf(c, origin);
  if (overdueGuestLink(origin, state, createdAt, now, p)) state = 'expired';
  const final = state === 'result_ready';
  return {
    accountId: o.accountId,
    containerId: c.Id!.toLowerCase(),
    reference: referenceOf(c),
    origin,
    storageType: c.DocumentStorageType ?? null,
    state,
    verdict: final ? containerVerdict(c) : null,
    attention: applicationSummary(c).attention,
    documentCount: c.Documents.length,
    createdAt,
    holder: holderOf(c),
    snapshot: o.withSnapshot ? JSON.stringify(c) : null,
    nextCheckAt: nextInboxCheckAt({ state, origin, firstSeenAt: o.firstSeenAt, madeHere: o.madeHere, followedElsewhere: o.followedElsewhere }, now, random, p),
  };
}
