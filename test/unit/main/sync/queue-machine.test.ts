// §8 queue states, §5 offline gate and probe, §6 pauses and login backoff, the online clock.
import { describe, expect, it } from 'vitest';
import {
  effectiveQueueState,
  mayCall,
  mayLogin,
  mayProbe,
  newQueueRecord,
  nextQueueState,
  onlineSeconds,
  resumeQueueAtStartup,
  type QueueEvent,
  type QueueRecord,
} from '../../../../main/sync/queue-machine';
import type { CallOutcome } from '../../../../main/sync/submission-types';
import { defaultSyncParams } from '../../../../main/sync/sync-params';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const transport: CallOutcome = { class: 'NOT_APPLIED', transportFailure: true };
const http503: CallOutcome = { class: 'AMBIGUOUS', httpStatus: 503 };

function run(q: QueueRecord, events: [number, QueueEvent][], random = () => 0.5): QueueRecord {
  for (const [now, e] of events) q = nextQueueState(q, e, { now, random, params: defaultSyncParams });
  return q;
}

describe('queue machine', () => {
  it('goes OFFLINE after three consecutive transport failures, from calls or logins', () => {
    let q = run(newQueueRecord(T0), [
      [T0, { type: 'call_result', accountId: 'a', outcome: transport }],
      [T0, { type: 'login_result', accountId: 'a', outcome: transport }],
    ]);
    expect(q.network).toBe('RUNNING');
    q = run(q, [[T0, { type: 'call_result', accountId: 'a', outcome: transport }]]);
    expect(q.network).toBe('OFFLINE');
    expect(mayCall(q, 'a', T0 + 3600_000)).toBe(false);
    expect(mayLogin(q, 'a', T0 + 3600_000)).toBe(false);
  });

  it('an HTTP answer of any kind breaks the run of transport failures', () => {
    const q = run(newQueueRecord(T0), [
      [T0, { type: 'call_result', accountId: 'a', outcome: transport }],
      [T0, { type: 'call_result', accountId: 'a', outcome: transport }],
      [T0, { type: 'call_result', accountId: 'a', outcome: http503 }],
      [T0, { type: 'call_result', accountId: 'a', outcome: transport }],
    ]);
    expect(q.network).toBe('RUNNING');
  });

  it('probes with its own backoff while OFFLINE, keeping the level until a real call succeeds', () => {
    const offline = run(newQueueRecord(T0), [0, 0, 0].map(() => [T0, { type: 'call_result', accountId: 'a', outcome: transport }] as [number, QueueEvent]), () => 0.999);
    expect(offline.nextProbeAt - T0).toBeLessThanOrEqual(5_000);
    expect(mayProbe(offline, T0)).toBe(false);
    expect(mayProbe(offline, offline.nextProbeAt)).toBe(true);
    let q = run(offline, [[offline.nextProbeAt, { type: 'probe_result', outcome: transport }]], () => 0.999);
    expect(q.probeLevel).toBe(1);
    expect(q.nextProbeAt - offline.nextProbeAt).toBeGreaterThan(5_000);
    q = run(q, [[q.nextProbeAt, { type: 'probe_result', outcome: { class: 'OK' } }]]);
    expect(q.network).toBe('RUNNING');
    expect(q.probeLevel).toBe(1);
    q = run(q, [[q.nextProbeAt, { type: 'call_result', accountId: 'a', outcome: { class: 'OK' } }]]);
    expect(q.probeLevel).toBe(0);
  });

  it('pauses an account on AUTH and allows exactly one login per "Try again"', () => {
    let q = run(newQueueRecord(T0), [[T0, { type: 'login_result', accountId: 'a', outcome: { class: 'AUTH' } }]]);
    expect(effectiveQueueState(q, ['a'])).toBe('PAUSED_AUTH');
    expect(mayLogin(q, 'a', T0 + 86_400_000)).toBe(false);
    q = run(q, [[T0 + 1, { type: 'try_again' }]]);
    expect(mayLogin(q, 'a', T0 + 1)).toBe(true);
    q = run(q, [[T0 + 2, { type: 'login_result', accountId: 'a', outcome: transport }]]);
    expect(mayLogin(q, 'a', T0 + 86_400_000)).toBe(false);
    expect(effectiveQueueState(q, ['a'])).toBe('PAUSED_AUTH');
    q = run(q, [
      [T0 + 3, { type: 'try_again', accountId: 'a' }],
      [T0 + 4, { type: 'login_result', accountId: 'a', outcome: { class: 'OK' } }],
    ]);
    expect(effectiveQueueState(q, ['a'])).toBe('RUNNING');
    expect(mayCall(q, 'a', T0 + 4)).toBe(true);
  });

  it('pauses with PAUSED_CONFIG on CONFIG from a call; another account keeps running', () => {
    const q = run(newQueueRecord(T0), [
      [T0, { type: 'call_result', accountId: 'b', outcome: { class: 'OK' } }],
      [T0, { type: 'pause', accountId: 'a', kind: 'PAUSED_CONFIG', message: 'Access denied.' }],
    ]);
    expect(mayCall(q, 'a', T0)).toBe(false);
    expect(mayCall(q, 'b', T0)).toBe(true);
    expect(effectiveQueueState(q, ['a'])).toBe('PAUSED_CONFIG');
    expect(effectiveQueueState(q, ['a', 'b'])).toBe('RUNNING');
  });

  it('backs off transient login failures with full jitter', () => {
    const q = run(newQueueRecord(T0), [[T0, { type: 'login_result', accountId: 'a', outcome: http503 }]], () => 0.999);
    expect(mayLogin(q, 'a', T0)).toBe(false);
    expect(mayLogin(q, 'a', T0 + 2_000)).toBe(true);
  });

  it('holds every call until not_before', () => {
    const q = run(newQueueRecord(T0), [[T0, { type: 'not_before', until: T0 + 60_000 }]]);
    expect(mayCall(q, 'a', T0 + 59_999)).toBe(false);
    expect(mayLogin(q, 'a', T0 + 59_999)).toBe(false);
    expect(mayCall(q, 'a', T0 + 60_000)).toBe(true);
  });

  it.each(['call_result', 'login_result', 'probe_result'] as const)('a 429 with Retry-After on a %s holds back every call and login', (type) => {
    const outcome: CallOutcome = { class: 'NOT_APPLIED', httpStatus: 429, retryAfterMs: 30_000 };
    const q = run(newQueueRecord(T0), [[T0, type === 'probe_result' ? { type, outcome } : { type, accountId: 'a', outcome }]]);
    expect(q.notBefore).toBe(T0 + 30_000);
    expect(mayCall(q, 'b', T0 + 29_999)).toBe(false);
    expect(mayLogin(q, 'b', T0 + 29_999)).toBe(false);
    expect(mayCall(q, 'b', T0 + 30_000)).toBe(true);
  });

  it('"Sync now" brings the probe forward, but never before not_before', () => {
    let q = run(newQueueRecord(T0), [0, 0, 0].map(() => [T0, { type: 'call_result', accountId: 'a', outcome: transport }] as [number, QueueEvent]), () => 0.999);
    q = run(q, [
      [T0, { type: 'not_before', until: T0 + 1_000 }],
      [T0 + 10, { type: 'sync_now' }],
    ]);
    expect(mayProbe(q, T0 + 999)).toBe(false);
    expect(mayProbe(q, T0 + 1_000)).toBe(true);
  });

  it('counts online time only while RUNNING and some account is not paused', () => {
    let q = newQueueRecord(T0);
    q = run(q, [0, 0, 0].map(() => [T0 + 10_000, { type: 'call_result', accountId: 'a', outcome: transport }] as [number, QueueEvent]));
    expect(onlineSeconds(q, T0 + 500_000)).toBe(10);
    q = run(q, [[T0 + 600_000, { type: 'probe_result', outcome: { class: 'OK' } }]]);
    expect(onlineSeconds(q, T0 + 620_000)).toBe(30);
    q = run(q, [[T0 + 620_000, { type: 'pause', accountId: 'a', kind: 'PAUSED_AUTH', message: null }]]);
    expect(onlineSeconds(q, T0 + 900_000)).toBe(30);
  });

  it('at start-up keeps pauses (no login until staff act, I6) but not the downtime or a granted "Try again"', () => {
    let q = run(newQueueRecord(T0), [
      [T0, { type: 'login_result', accountId: 'a', outcome: { class: 'AUTH' } }],
      [T0 + 5, { type: 'try_again' }],
    ]);
    q = resumeQueueAtStartup(JSON.parse(JSON.stringify(q)), T0 + 3600_000);
    expect(effectiveQueueState(q, ['a'])).toBe('PAUSED_AUTH');
    expect(mayLogin(q, 'a', T0 + 3600_000)).toBe(false);
    expect(onlineSeconds(q, T0 + 3600_000)).toBe(0);
  });
});
