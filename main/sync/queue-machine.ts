// The queue-level machine of SUBMISSION-PROTOCOL §8 (RUNNING / OFFLINE / PAUSED_AUTH /
// PAUSED_CONFIG), the offline gate and probe of §5/§8, the queue-wide not_before, per-account
// login backoff and pauses (§6), and the online clock. Pure. Runs in main.
//
// Accounts: each app syncs under the account it was captured with (issue 5), so credentials fail
// per account and a pause is per account. With one account (the kiosk's shared one) this is
// exactly §8's single queue state. The network state (RUNNING/OFFLINE), not_before and the online
// clock are kiosk-wide. The online clock stops while OFFLINE, and while every known account is
// paused, so retry budgets are not used up while nothing can be sent (§8).
import { appRetryDelay, clampRetryAfter, probeDelay } from './backoff';
import type { CallOutcome } from './submission-types';
import type { SyncParams } from './sync-params';
import type { PauseKind } from '../store/trustid-accounts';


export type AccountPause = {
  kind: PauseKind;
  since: number;
  /** The last TrustID message or transport error, for the admin screen. */
  message: string | null;
  /** Logins staff have allowed: "Try again" or new credentials allow exactly one (§6). */
  loginAllowance: number;
};

export type AccountQueueState = {
  pause: AccountPause | null;
  /** Consecutive transient login failures, for the login backoff (§6). */
  loginFailures: number;
  nextLoginAt: number;
};

export type QueueRecord = {
  network: 'RUNNING' | 'OFFLINE';
  /** Consecutive transport-level failures from any call or login (§5 offline gate). */
  transportFailures: number;
  /** §8: kept until a real call succeeds. */
  probeLevel: number;
  nextProbeAt: number;
  /** §5: after a 429, no call of any app goes out before this time. */
  notBefore: number | null;
  onlineClockS: number;
  /** Wall time up to which `onlineClockS` is accounted while the clock runs; null while it is stopped. */
  clockRunningSince: number | null;
  lastSuccessAt: number | null;
  accounts: Record<string, AccountQueueState>;
};

/** What staff see as the queue's state (§8). */
export type EffectiveQueueState = 'RUNNING' | 'OFFLINE' | 'PAUSED_AUTH' | 'PAUSED_CONFIG';

export type QueueEvent =
  /** A non-probe call's classified outcome (login excluded). */
  | { type: 'call_result'; accountId: string; outcome: CallOutcome }
  | { type: 'login_result'; accountId: string; outcome: CallOutcome }
  | { type: 'probe_result'; outcome: CallOutcome }
  /** A pause effect from the per-application machine (CONFIG from any call, §8). */
  | { type: 'pause'; accountId: string; kind: PauseKind; message: string | null }
  | { type: 'not_before'; until: number }
  /** "Try again" (§6): exactly one login for the account, or for every paused account. */
  | { type: 'try_again'; accountId?: string }
  /** An administrator entered new credentials or a new API key: one login, and the backoff restarts. */
  | { type: 'credentials_changed'; accountId?: string }
  /** "Sync now" (§5): the probe and the login backoff are due now, never before not_before. */
  | { type: 'sync_now' }
  /** Just advance the online clock to `now`. */
  | { type: 'tick' };

export type QueueContext = { now: number; random: () => number; params: SyncParams };

export function newQueueRecord(now: number): QueueRecord {
  return {
    network: 'RUNNING',
    transportFailures: 0,
    probeLevel: 0,
    nextProbeAt: now,
    notBefore: null,
    onlineClockS: 0,
    clockRunningSince: now,
    lastSuccessAt: null,
    accounts: {},
  };
}

function account(q: QueueRecord, id: string): AccountQueueState {
  let a = q.accounts[id];
  if (a === undefined) {
    a = { pause: null, loginFailures: 0, nextLoginAt: 0 };
    q.accounts[id] = a;
  }
  return a;
}

function clockRuns(q: QueueRecord): boolean {
  if (q.network !== 'RUNNING') return false;
  const all = Object.values(q.accounts);
  return all.length === 0 || all.some((a) => a.pause === null);
}

/** The online clock in seconds at `now` (§2 "online clock"). */
export function onlineSeconds(q: QueueRecord, now: number): number {
  if (q.clockRunningSince === null) return q.onlineClockS;
  return q.onlineClockS + Math.max(0, now - q.clockRunningSince) / 1000;
}

function settleClock(q: QueueRecord, now: number): void {
  q.onlineClockS = onlineSeconds(q, now);
  q.clockRunningSince = q.clockRunningSince === null ? null : now;
}

function restartClockIfNeeded(q: QueueRecord, now: number): void {
  if (clockRuns(q)) q.clockRunningSince ??= now;
  else q.clockRunningSince = null;
}

/**
 * §8 start-up: RUNNING unless paused (pauses survive restarts, I6), no transport failures counted,
 * and the time the process was down is not online time.
 */
export function resumeQueueAtStartup(stored: QueueRecord | null, now: number): QueueRecord {
  const q = stored === null ? newQueueRecord(now) : structuredClone(stored);
  q.network = 'RUNNING';
  q.transportFailures = 0;
  q.nextProbeAt = now;
  q.clockRunningSince = null;
  for (const a of Object.values(q.accounts)) {
    a.loginFailures = 0;
    a.nextLoginAt = 0;
    // A "Try again" granted before the crash is not carried over: staff press it again.
    if (a.pause !== null) a.pause.loginAllowance = 0;
  }
  restartClockIfNeeded(q, now);
  return q;
}

function goOffline(q: QueueRecord, ctx: QueueContext): void {
  q.network = 'OFFLINE';
  q.nextProbeAt = Math.max(ctx.now + probeDelay(q.probeLevel, ctx.random, ctx.params), q.notBefore ?? 0);
}

function countTransport(q: QueueRecord, outcome: CallOutcome, ctx: QueueContext): void {
  if (outcome.transportFailure === true) {
    q.transportFailures += 1;
    if (q.network === 'RUNNING' && q.transportFailures >= ctx.params.offlineGate) goOffline(q, ctx);
  } else {
    q.transportFailures = 0;
  }
}

function pauseAccount(q: QueueRecord, id: string, kind: PauseKind, message: string | null, now: number): void {
  account(q, id).pause = { kind, since: now, message, loginAllowance: 0 };
}

/** §5: a 429 with a Retry-After holds back every call of every app, whichever call or lane got it. */
function honour429(q: QueueRecord, outcome: CallOutcome, ctx: QueueContext): void {
  if (outcome.httpStatus !== 429) return;
  const ra = clampRetryAfter(outcome.retryAfterMs, ctx.params);
  if (ra !== null) q.notBefore = Math.max(q.notBefore ?? 0, ctx.now + ra);
}

export function nextQueueState(stored: QueueRecord, event: QueueEvent, ctx: QueueContext): QueueRecord {
  const q = structuredClone(stored);
  settleClock(q, ctx.now);
  if (event.type === 'call_result' || event.type === 'login_result' || event.type === 'probe_result') honour429(q, event.outcome, ctx);
  switch (event.type) {
    case 'call_result':
      account(q, event.accountId);
      countTransport(q, event.outcome, ctx);
      if (event.outcome.class === 'OK') {
        q.lastSuccessAt = ctx.now;
        q.probeLevel = 0;
      }
      break;

    case 'login_result': {
      const a = account(q, event.accountId);
      countTransport(q, event.outcome, ctx);
      const msg = event.outcome.message ?? null;
      switch (event.outcome.class) {
        case 'OK':
          a.pause = null;
          a.loginFailures = 0;
          a.nextLoginAt = 0;
          q.lastSuccessAt = ctx.now;
          q.probeLevel = 0;
          break;
        case 'NOT_APPLIED':
        case 'AMBIGUOUS':
        case 'SESSION': {
          // §6: a login whose password was never judged cannot lock the account: retry with backoff,
          // unless staff allowed only this one attempt (then the pause stays).
          if (a.pause !== null) {
            a.pause.loginAllowance = Math.max(0, a.pause.loginAllowance - 1);
            a.pause.message = msg;
            break;
          }
          const before = a.loginFailures;
          a.loginFailures += 1;
          const ra = clampRetryAfter(event.outcome.retryAfterMs, ctx.params) ?? 0;
          a.nextLoginAt = ctx.now + Math.max(appRetryDelay(before, ctx.random, ctx.params), ra);
          break;
        }
        case 'AUTH':
          // §6: never retried automatically; repeated wrong passwords lock TrustID accounts.
          pauseAccount(q, event.accountId, 'PAUSED_AUTH', msg, ctx.now);
          break;
        case 'CONFIG':
        case 'REJECTED':
          // A refused login that is not about credentials points to configuration; do not repeat it.
          pauseAccount(q, event.accountId, 'PAUSED_CONFIG', msg, ctx.now);
          break;
      }
      break;
    }

    case 'probe_result':
      if (event.outcome.class === 'OK') {
        q.network = 'RUNNING';
        q.transportFailures = 0;
      } else {
        q.probeLevel += 1;
        if (q.network === 'OFFLINE') goOffline(q, ctx);
      }
      break;

    case 'pause':
      pauseAccount(q, event.accountId, event.kind, event.message, ctx.now);
      break;

    case 'not_before':
      q.notBefore = Math.max(q.notBefore ?? 0, event.until);
      break;

    case 'try_again':
    case 'credentials_changed':
      for (const [id, a] of Object.entries(q.accounts)) {
        if (event.accountId !== undefined && id !== event.accountId) continue;
        if (a.pause !== null) a.pause.loginAllowance = 1;
        if (event.type === 'credentials_changed') {
          a.loginFailures = 0;
          a.nextLoginAt = 0;
        }
      }
      if (event.type === 'credentials_changed' && event.accountId !== undefined) account(q, event.accountId);
      break;

    case 'sync_now': {
      const earliest = Math.max(ctx.now, q.notBefore ?? 0);
      q.nextProbeAt = Math.min(q.nextProbeAt, earliest);
      for (const a of Object.values(q.accounts)) a.nextLoginAt = Math.min(a.nextLoginAt, earliest);
      break;
    }

    case 'tick':
      break;
  }
  restartClockIfNeeded(q, ctx.now);
  return q;
}

function notBeforePassed(q: QueueRecord, now: number): boolean {
  return q.notBefore === null || q.notBefore <= now;
}

/** May a (non-login) call for this account go out now? */
export function mayCall(q: QueueRecord, accountId: string, now: number): boolean {
  return q.network === 'RUNNING' && notBeforePassed(q, now) && (q.accounts[accountId]?.pause ?? null) === null;
}

/** May a login for this account go out now? I6: after AUTH/CONFIG only with staff's allowance. */
export function mayLogin(q: QueueRecord, accountId: string, now: number): boolean {
  if (q.network !== 'RUNNING' || !notBeforePassed(q, now)) return false;
  const a = q.accounts[accountId];
  if (a === undefined) return true;
  if (a.pause !== null) return a.pause.loginAllowance > 0;
  return a.nextLoginAt <= now;
}

/** An account whose apps wait only for staff's "Try again" to log in once. */
export function loginAllowed(q: QueueRecord, accountId: string): boolean {
  return (q.accounts[accountId]?.pause?.loginAllowance ?? 0) > 0;
}

export function mayProbe(q: QueueRecord, now: number): boolean {
  return q.network === 'OFFLINE' && q.nextProbeAt <= now && notBeforePassed(q, now);
}

export function pausedAccounts(q: QueueRecord): string[] {
  return Object.entries(q.accounts)
    .filter(([, a]) => a.pause !== null)
    .map(([id]) => id);
}

/**
 * §8's single state as staff see it. `accountsWithWork` are the accounts that have apps waiting;
 * the queue shows a pause when every one of them is paused (with one account: when it is).
 */
export function effectiveQueueState(q: QueueRecord, accountsWithWork: readonly string[]): EffectiveQueueState {
  if (q.network === 'OFFLINE') return 'OFFLINE';
  const relevant = accountsWithWork.length > 0 ? accountsWithWork : Object.keys(q.accounts);
  const pauses = relevant.map((id) => q.accounts[id]?.pause ?? null);
  if (pauses.length > 0 && pauses.every((p) => p !== null)) {
    return pauses.some((p) => p?.kind === 'PAUSED_CONFIG') ? 'PAUSED_CONFIG' : 'PAUSED_AUTH';
  }
  return 'RUNNING';
}
