// The offline queue and sync status as main reports them (queue.summary / queue.changed for the
// pill, queue.list / queue.itemChanged for the queue screen). Renderer process. Items carry no
// personal data (a local reference and state words), so this store outlives visitors.
import { create } from 'zustand';
import type { QueueItem, QueueSummary } from '../../../preload/contract';
import type { Bridge } from '../bridge';
import { useSessionStore } from './session-store';

type QueueState = {
  summary: QueueSummary | null;
  /** null until the queue screen has loaded the list once. */
  items: QueueItem[] | null;
  listError: string | null;
};

export const useQueueStore = create<QueueState>(() => ({ summary: null, items: null, listError: null }));

/** States that no longer belong on the queue screen (finished or withdrawn). */
const GONE = new Set<QueueItem['state']>(['closed', 'cancelled']);

export function upsertItem(items: QueueItem[], item: QueueItem): QueueItem[] {
  const at = items.findIndex((i) => i.id === item.id);
  if (GONE.has(item.state)) return at === -1 ? items : items.filter((i) => i.id !== item.id);
  if (at === -1) return [...items, item].sort((a, b) => a.capturedAt - b.capturedAt);
  const next = items.slice();
  next[at] = item;
  return next;
}

export async function loadQueue(bridge: Bridge): Promise<void> {
  try {
    const items = await bridge.invoke('queue.list');
    useQueueStore.setState({ items: items.filter((i) => !GONE.has(i.state)).sort((a, b) => a.capturedAt - b.capturedAt), listError: null });
  } catch (error) {
    useQueueStore.setState({ listError: (error as Error).message });
  }
}

/** Keeps the summary and any loaded list current; returns the function that stops listening. */
export function startQueueSync(bridge: Bridge): () => void {
  const refreshSummary = () =>
    bridge.invoke('queue.summary').then(
      (summary) => useQueueStore.setState({ summary }),
      () => undefined, // the pill waits for queue.changed; main may refuse while signed out
    );
  const stops = [
    bridge.on('queue.changed', (summary) => useQueueStore.setState({ summary })),
    bridge.on('queue.itemChanged', (item) => useQueueStore.setState((s) => (s.items ? { items: upsertItem(s.items, item) } : s))),
    // Signing in (or back in after main restarted) is when the summary becomes readable.
    useSessionStore.subscribe((s, prev) => {
      if (s.session?.state === 'signed-in' && prev.session?.state !== 'signed-in') void refreshSummary();
    }),
  ];
  if (useSessionStore.getState().session?.state === 'signed-in') void refreshSummary();
  return () => stops.forEach((stop) => stop());
}
