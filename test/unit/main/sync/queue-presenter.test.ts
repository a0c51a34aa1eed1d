// The queue in the contract's words: states, plain-English lines, §10 messages and actions, summary.
import { describe, expect, it } from 'vitest';
import { QueueItem as ContractQueueItem, QueueSummary as ContractQueueSummary } from '../../../../preload/contract/queue';
import { localReference, localTime, presentQueueItem, presentQueueSummary, workerActionOf } from '../../../../main/sync/queue-presenter';
import type { QueueItem, SyncSummary } from '../../../../main/sync/sync-events';
import { DISPLAY_STATES } from '../../../../main/sync/submission-types';

const APP = '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47';
const item = (over: Partial<QueueItem>): QueueItem => ({
  appId: APP,
  accountId: 'kiosk',
  capturedAt: Date.UTC(2026, 10, 2, 9, 30),
  state: 'queued',
  step: 'CREATE_CONTAINER',
  attentionReason: null,
  resultStatus: null,
  publishedAt: null,
  nextAttemptAt: 0,
  failures: 0,
  lastOutcomeClass: null,
  lastMessage: null,
  progress: null,
  ...over,
});
const zeros = Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])) as SyncSummary['counts'];
const summary = (over: Partial<SyncSummary>): SyncSummary => ({ queueState: 'RUNNING', counts: zeros, oldestUnsentAgeMs: null, lastSuccessfulSyncAt: null, blocking: null, ...over });

describe('queue presenter', () => {
  it('gives every display state a contract state and a valid contract item', () => {
    for (const state of DISPLAY_STATES) expect(() => ContractQueueItem.parse(presentQueueItem(item({ state })))).not.toThrow();
  });

  it('shows upload progress in per cent and referral as a normal state', () => {
    expect(presentQueueItem(item({ state: 'sending', step: 'UPLOAD_IMAGE', progress: { docIndex: 0, imgIndex: 1, sentBytes: 400, totalBytes: 1000 } }))).toMatchObject({
      state: 'uploading',
      detail: 'Uploading 40 %',
      progress: { sentBytes: 400, totalBytes: 1000 },
    });
    expect(presentQueueItem(item({ state: 'referred' }))).toMatchObject({ state: 'referred', detail: 'Referred – awaiting TrustID expert', attention: null });
  });

  it('offers the §10 actions for each reason an application stopped', () => {
    const actions = (attentionReason: QueueItem['attentionReason'], step: QueueItem['step'] = 'UPLOAD_IMAGE') =>
      presentQueueItem(item({ state: 'needs_attention', attentionReason, step })).attention?.actions;
    expect(actions('rejected')).toEqual(['retry', 'cancel']);
    expect(actions('restarts')).toEqual(['retry', 'cancel']);
    expect(actions('retry_budget')).toEqual(['retry', 'cancel']);
    expect(actions('retry_budget', 'VERIFY_PUBLISH')).toEqual(['retry']);
    expect(actions('publish_unresolved', 'VERIFY_PUBLISH')).toEqual(['found-in-trustid', 'send-again']);
    expect(actions('local_image_corrupt')).toEqual(['retake', 'cancel']);
    expect(presentQueueItem(item({ state: 'result_overdue', step: 'RESULT_OVERDUE' })).attention?.actions).toEqual(['check-now']);
  });

  it('tells staff how to find an unresolved application without putting personal data in the message', () => {
    const a = presentQueueItem(item({ state: 'needs_attention', attentionReason: 'publish_unresolved', step: 'VERIFY_PUBLISH' })).attention!;
    expect(a.message).toContain(localTime(Date.UTC(2026, 10, 2, 9, 30)));
    expect(localTime(new Date(2026, 10, 2, 9, 30).getTime())).toBe('2026-11-02 09:30');
    expect(a.message).toContain(localReference(APP));
  });

  it('summarises the queue: connection, pending count, what staff must do', () => {
    const s = presentQueueSummary(summary({ counts: { ...zeros, queued: 3, sending: 1 }, oldestUnsentAgeMs: 90_500, lastSuccessfulSyncAt: 5 }));
    expect(ContractQueueSummary.parse(s)).toEqual({ connection: 'syncing', pending: 4, oldestPendingSeconds: 90, syncing: { current: 1, total: 4 }, actionNeeded: null, lastSyncAt: 5 });
    expect(presentQueueSummary(summary({ queueState: 'OFFLINE', blocking: { kind: 'offline', nextProbeAt: 0 } }))).toMatchObject({ connection: 'offline', actionNeeded: null });
    const paused = presentQueueSummary(summary({ queueState: 'PAUSED_AUTH', blocking: { kind: 'paused-auth', accountIds: ['kiosk'], message: null } }));
    expect(paused.connection).toBe('paused');
    expect(paused.actionNeeded).toMatch(/Try again/);
  });

  it('maps the contract actions onto the worker, leaving retakes to the store', () => {
    expect(workerActionOf('found-in-trustid')).toEqual({ kind: 'found_in_trustid' });
    expect(workerActionOf('check-now')).toEqual({ kind: 'check_now' });
    expect(workerActionOf('retake')).toBe('retake');
  });
});
