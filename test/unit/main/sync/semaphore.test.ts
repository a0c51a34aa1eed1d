import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../../main/sync/semaphore';

describe('semaphore', () => {
  it('hands out no more permits than it has, and serves waiters in the order they asked', async () => {
    const s = new Semaphore(1);
    expect(s.tryAcquire()).toBe(true);
    expect(s.tryAcquire()).toBe(false);
    const order: string[] = [];
    const a = s.acquire().then(() => order.push('a'));
    const b = s.acquire().then(() => order.push('b'));
    await Promise.resolve();
    expect(order).toEqual([]);
    s.release();
    await a;
    expect(order).toEqual(['a']);
    expect(s.tryAcquire()).toBe(false);
    s.release();
    await b;
    expect(order).toEqual(['a', 'b']);
    s.release();
    expect(s.tryAcquire()).toBe(true);
  });
});
