import { describe, expect, it, vi } from 'vitest';
import { createQueueService } from '../../../../../main/app/services/queue-service';
import type { SubmissionWorker } from '../../../../../main/sync/submission-worker';
import { DISPLAY_STATES } from '../../../../../main/sync/submission-types';

const summary = (blocking: unknown = null) => ({
  queueState: blocking ? 'PAUSED_AUTH' : 'RUNNING',
  counts: Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])),
  oldestUnsentAgeMs: null,
  lastSuccessfulSyncAt: null,
  blocking,
});

function setUp(worker: Partial<SubmissionWorker>) {
  const emitted = { summaries: [] as unknown[], items: [] as unknown[], completed: [] as string[] };
  const queue = createQueueService({
    worker: () => ({ summary: () => summary(), list: () => [], item: () => null, ...worker }) as unknown as SubmissionWorker,
    emitSummary: (s) => emitted.summaries.push(s),
    emitItem: (i) => emitted.items.push(i),
    onCompleted: (id) => emitted.completed.push(id),
  });
  return { queue, emitted };
}

describe('queue service', () => {
  it('makes one login per paused account on "Try again", and reports a refusal in plain words', async () => {
    const tryAgain = vi.fn(async () => ({ ok: false as const, code: 'sync.sign-in-refused', message: 'TrustID refused the sign-in.' }));
    const { queue } = setUp({ summary: () => summary({ kind: 'paused-auth', accountIds: ['kiosk'], message: null }) as never, tryAgain });
    await expect(queue.tryAgain()).rejects.toMatchObject({ code: 'sync.sign-in-refused' });
    expect(tryAgain).toHaveBeenCalledTimes(1);
    expect(tryAgain).toHaveBeenCalledWith('kiosk');
  });

  it('does not log in when nothing is paused', async () => {
    const tryAgain = vi.fn();
    const { queue } = setUp({ tryAgain });
    await queue.tryAgain();
    expect(tryAgain).not.toHaveBeenCalled();
  });

  it('refuses discard to staff who are not administrators, before asking the worker', async () => {
    const staffAction = vi.fn();
    const { queue } = setUp({ staffAction });
    await expect(queue.discard('a', 'duplicate', { userId: 's', admin: false })).rejects.toMatchObject({ code: 'session.admin-required' });
    expect(staffAction).not.toHaveBeenCalled();
  });

  it('passes a completed application on, so its outcome is kept', () => {
    const { queue, emitted } = setUp({});
    queue.onSyncEvent({ type: 'app', item: { appId: 'a', state: 'completed' } as never });
    expect(emitted.completed).toEqual(['a']);
    expect(emitted.items).toHaveLength(1);
  });

  it('lists the whole queue past the store’s 200 rows a call, oldest first, leaving out cancelled ones', () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ appId: `app-${String(i).padStart(3, '0')}`, state: i % 100 === 7 ? 'cancelled' : 'queued', capturedAt: i, failures: 0 }));
    const list = vi.fn(({ limit = 200, offset = 0 }: { limit?: number; offset?: number } = {}) => rows.slice(offset, offset + limit));
    const { queue } = setUp({ list: list as never });
    const shown = queue.list();
    expect(shown).toHaveLength(450 - 5);
    expect(shown.at(-1)?.id).toBe('app-449');
    expect(list).toHaveBeenCalledTimes(3);
  });
});
