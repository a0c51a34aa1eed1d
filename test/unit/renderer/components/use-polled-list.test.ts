// The polled list in a DOM with fake timers: loaded at once, again on every tick while mounted, a
// failure shown until the next answer, and no more loads once the screen is gone.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePolledList } from '../../../../renderer/src/components/use-polled-list';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settle = () => act(async () => undefined);

describe('usePolledList', () => {
  it('loads at once and on every tick, keeps the failure until the next answer, and stops when unmounted', async () => {
    const answers: Array<string[] | Error> = [['a'], new Error('Main cannot be reached.'), ['a', 'b']];
    const load = vi.fn(async () => {
      const next = answers.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    const { result, unmount } = renderHook(() => usePolledList(load, 10_000));
    expect(result.current.items).toBeNull();
    await settle();
    expect(result.current.items).toEqual(['a']);

    await act(async () => vi.advanceTimersByTime(10_000));
    expect(result.current).toMatchObject({ items: ['a'], error: 'Main cannot be reached.' });

    await act(() => result.current.refresh());
    expect(result.current).toMatchObject({ items: ['a', 'b'], error: null });
    expect(load).toHaveBeenCalledTimes(3);

    unmount();
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(load).toHaveBeenCalledTimes(3);
  });
});
