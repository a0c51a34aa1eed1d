// A list main keeps, loaded when the screen opens and again every `everyMs` while it stays open
// (renderer): guest links and prepared queued applications change in main without an event.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface PolledList<T> {
  /** `null` until the first answer. */
  items: T[] | null;
  /** Why the last load failed; cleared by the next answer. */
  error: string | null;
  refresh(): Promise<void>;
}

export function usePolledList<T>(load: () => Promise<T[]>, everyMs: number): PolledList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest `load` is called, so a caller may pass a new arrow each render without restarting the timer.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const refresh = useCallback(async () => {
    try {
      setItems(await latestLoad.current());
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), everyMs);
    return () => clearInterval(timer);
  }, [refresh, everyMs]);
  return { items, error, refresh };
}
