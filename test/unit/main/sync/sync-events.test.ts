// The UI's view of the queue: counts per display state and the one blocking reason.
import { describe, expect, it } from 'vitest';
import { newQueueRecord, nextQueueState, type QueueEvent } from '../../../../main/sync/queue-machine';
import { blockingReasonOf, countsByDisplayState } from '../../../../main/sync/sync-events';
import { defaultSyncParams } from '../../../../main/sync/sync-params';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const apply = (events: QueueEvent[]) => events.reduce((q, e) => nextQueueState(q, e, { now: T0, random: () => 0.5, params: defaultSyncParams }), newQueueRecord(T0));

describe('sync events', () => {
  it('counts rows by what staff see: attention wins over the step, referral over processing', () => {
    const counts = countsByDisplayState([
      { step: 'CREATE_CONTAINER', phase: 'PENDING', attentionReason: null, resultStatus: null, count: 4 },
      { step: 'CREATE_CONTAINER', phase: 'SENT', attentionReason: null, resultStatus: null, count: 1 },
      { step: 'UPLOAD_IMAGE', phase: 'PENDING', attentionReason: null, resultStatus: null, count: 2 },
      { step: 'UPLOAD_IMAGE', phase: 'PENDING', attentionReason: 'local_image_corrupt', resultStatus: null, count: 3 },
      { step: 'AWAIT_RESULT', phase: 'PENDING', attentionReason: null, resultStatus: 'referred', count: 5 },
      { step: 'AWAIT_RESULT', phase: 'PENDING', attentionReason: null, resultStatus: 'processing', count: 6 },
      { step: 'COMPLETED', phase: 'PENDING', attentionReason: null, resultStatus: 'final', count: 7 },
    ]);
    expect(counts).toMatchObject({ queued: 4, sending: 3, needs_attention: 3, referred: 5, processing: 6, completed: 7, verifying: 0 });
  });

  it('names the most fundamental blocking reason: offline, then a pause, then a Retry-After', () => {
    const transport = { class: 'NOT_APPLIED' as const, transportFailure: true };
    const offline = apply([0, 0, 0].map((): QueueEvent => ({ type: 'call_result', accountId: 'kiosk', outcome: transport })));
    expect(blockingReasonOf(offline, T0)).toMatchObject({ kind: 'offline' });
    const paused = apply([
      { type: 'pause', accountId: 'kiosk', kind: 'PAUSED_CONFIG', message: 'Access denied.' },
      { type: 'not_before', until: T0 + 60_000 },
    ]);
    expect(blockingReasonOf(paused, T0)).toEqual({ kind: 'paused-config', accountIds: ['kiosk'], message: 'Access denied.' });
    // A paused account with nothing waiting blocks nothing.
    expect(blockingReasonOf(paused, T0, ['other'])).toEqual({ kind: 'rate-limited', until: T0 + 60_000 });
    const limited = apply([{ type: 'not_before', until: T0 + 60_000 }]);
    expect(blockingReasonOf(limited, T0)).toEqual({ kind: 'rate-limited', until: T0 + 60_000 });
    expect(blockingReasonOf(limited, T0 + 60_000)).toBeNull();
  });
});
