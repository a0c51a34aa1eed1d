// The queue store's merging of item events: in place, in capture order, finished items dropped.
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../../preload/contract';
import { upsertItem } from '../../../../renderer/src/stores/queue-store';

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return { id, localReference: `REF-${id}`, capturedAt: Date.UTC(2026, 10, 3, 9, 30), state: 'saved', detail: 'Saved on this kiosk', progress: null, attention: null, ...overrides };
}

describe('queue item merging', () => {
  it('replaces in place, drops finished items and keeps capture order', () => {
    const list = [item('a', { capturedAt: 1 }), item('b', { capturedAt: 3 })];
    expect(upsertItem(list, item('c', { capturedAt: 2 })).map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(upsertItem(list, item('a', { capturedAt: 1, state: 'uploading' }))[0]!.state).toBe('uploading');
    expect(upsertItem(list, item('a', { state: 'cancelled' })).map((i) => i.id)).toEqual(['b']);
    expect(upsertItem(list, item('z', { state: 'closed' }))).toBe(list);
  });
});
