import { describe, expect, it } from 'vitest';
import { queueItemView, queueSummaryView } from '../../../../../main/app/services/queue-view';
import type { SyncItem, SyncSummary } from '../../../../../main/sync/sync-events';
import { DISPLAY_STATES } from '../../../../../main/sync/submission-types';

const item = (over: Partial<SyncItem> = {}): SyncItem => ({
  appId: '0190c0de-0000-7000-8000-00000000abcd',
  accountId: 'kiosk',
  capturedAt: 1,
  state: 'queued',
  step: 'CREATE_CONTAINER',
  attentionReason: null,
  resultStatus: null,
  publishedAt: null,
  nextAttemptAt: 1,
  failures: 0,
  lastOutcomeClass: null,
  lastMessage: null,
  progress: null,
  ...over,
});

const counts = (over: Partial<Record<(typeof DISPLAY_STATES)[number], number>> = {}) => ({ ...Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])), ...over }) as SyncSummary['counts'];
const summary = (over: Partial<SyncSummary> = {}): SyncSummary => ({ queueState: 'RUNNING', counts: counts(), oldestUnsentAgeMs: null, lastSuccessfulSyncAt: null, blocking: null, ...over });

describe('queue rows in plain words', () => {
  it('says what happens to each application', () => {
    expect(queueItemView(item(), null)).toMatchObject({ state: 'saved', detail: 'Saved on this kiosk — waiting to send' });
    expect(queueItemView(item({ state: 'sending' }), { sentBytes: 400, totalBytes: 1000 })).toMatchObject({ state: 'uploading', detail: 'Uploading 40 %' });
    expect(queueItemView(item({ state: 'processing' }), null).detail).toBe('Sent — awaiting result');
    expect(queueItemView(item({ state: 'referred' }), null).detail).toMatch(/Referred to TrustID experts/);
    expect(queueItemView(item({ state: 'completed' }), null).state).toBe('result-ready');
  });

  it('offers the §10 actions for each reason an application stopped', () => {
    expect(queueItemView(item({ state: 'needs_attention', attentionReason: 'publish_unresolved' }), null).attention?.actions).toEqual(['found-in-trustid', 'send-again']);
    expect(queueItemView(item({ state: 'needs_attention', attentionReason: 'rejected' }), null).attention?.actions).toEqual(['retry', 'cancel']);
    expect(queueItemView(item({ state: 'result_overdue' }), null).attention?.actions).toEqual(['check-now']);
  });

  it('uses the same short reference as the receipt', () => {
    expect(queueItemView(item(), null).localReference).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
  });
});

describe('the sync pill', () => {
  it('counts unsent applications as pending, and names the oldest', () => {
    const { summary: s } = queueSummaryView(summary({ queueState: 'OFFLINE', counts: counts({ queued: 3, processing: 2 }), oldestUnsentAgeMs: 7_200_000 }), null);
    expect(s).toMatchObject({ connection: 'offline', pending: 3, oldestPendingSeconds: 7200 });
  });

  it('tracks "Syncing n of m" across a batch, and ends it when the queue is idle', () => {
    let r = queueSummaryView(summary({ counts: counts({ queued: 4, sending: 1 }) }), null);
    expect(r.summary.syncing).toEqual({ current: 1, total: 5 });
    r = queueSummaryView(summary({ counts: counts({ queued: 2, sending: 1 }) }), r.batch);
    expect(r.summary.syncing).toEqual({ current: 3, total: 5 });
    r = queueSummaryView(summary({ counts: counts({ processing: 5 }) }), r.batch);
    expect(r.summary).toMatchObject({ connection: 'online', syncing: null });
  });

  it('says what an administrator must do when TrustID refuses the sign-in, and counts stopped applications', () => {
    const paused = queueSummaryView(summary({ queueState: 'PAUSED_AUTH', blocking: { kind: 'paused-auth', accountIds: ['kiosk'], message: 'Invalid username or password.' } }), null).summary;
    expect(paused.connection).toBe('paused');
    expect(paused.actionNeeded).toMatch(/refused the sign-in.*Try again/);
    expect(queueSummaryView(summary({ counts: counts({ needs_attention: 2 }) }), null).summary.actionNeeded).toBe('2 applications need attention in the queue.');
  });
});
