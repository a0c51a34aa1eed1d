import { describe, expect, it } from 'vitest';
import { TrustIdError } from '../../../../main/trustid/errors';
import { SessionKeeper } from '../../../../main/trustid/session-keeper';

function keeperWith(results: (() => Promise<string>)[]) {
  let calls = 0;
  const keeper = new SessionKeeper<{ n: number }>(async () => {
    const next = results[Math.min(calls, results.length - 1)]!;
    calls++;
    return { sessionId: await next(), info: { n: calls } };
  }, () => 1000);
  return { keeper, calls: () => calls };
}
const after = (ms: number, value: string) => () => new Promise<string>((r) => setTimeout(() => r(value), ms));
const failing = (error: Error) => () => Promise.reject(error);

describe('session keeper', () => {
  it('logs in once for any number of callers that arrive together', async () => {
    const { keeper, calls } = keeperWith([after(20, 's1')]);
    const sessions = await Promise.all([keeper.get(), keeper.get(), keeper.get()]);
    expect(sessions.map((s) => s.id)).toEqual(['s1', 's1', 's1']);
    expect(calls()).toBe(1);
  });

  it('renews a stale session once, and hands later holders of it the new one without another login', async () => {
    const { keeper, calls } = keeperWith([after(1, 's1'), after(20, 's2'), after(1, 's3')]);
    const stale = await keeper.get();
    const [a, b] = await Promise.all([keeper.renew(stale), keeper.renew(stale)]);
    expect([a.id, b.id]).toEqual(['s2', 's2']);
    expect((await keeper.renew(stale)).id).toBe('s2');
    expect(calls()).toBe(2);
    expect(a.epoch).toBeGreaterThan(stale.epoch);
  });

  it('stops automatic logins after an AUTH or CONFIG refusal until a deliberate login', async () => {
    const refusal = new TrustIdError('invalid-credentials', { operation: 'login' });
    const { keeper, calls } = keeperWith([failing(refusal), after(1, 's2')]);
    await expect(keeper.get()).rejects.toBe(refusal);
    await expect(keeper.get()).rejects.toBe(refusal);
    expect(calls()).toBe(1);
    expect(keeper.blockedBy).toBe(refusal);
    expect((await keeper.loginNow()).id).toBe('s2');
    expect(keeper.blockedBy).toBeNull();
  });

  it('keeps trying automatically after a transient login failure', async () => {
    const offline = new TrustIdError('network', { operation: 'login', written: false });
    const { keeper, calls } = keeperWith([failing(offline), after(1, 's2')]);
    await expect(keeper.get()).rejects.toBe(offline);
    expect(keeper.blockedBy).toBeNull();
    expect((await keeper.get()).id).toBe('s2');
    expect(calls()).toBe(2);
  });

  it('forgets a session on invalidate or drop, but not a newer one', async () => {
    const { keeper } = keeperWith([after(1, 's1'), after(1, 's2')]);
    const first = await keeper.get();
    keeper.invalidate(first);
    expect(keeper.peek()).toBeNull();
    const second = await keeper.get();
    keeper.invalidate(first);
    expect(keeper.peek()?.id).toBe('s2');
    expect(keeper.drop()?.id).toBe(second.id);
    expect(keeper.peek()).toBeNull();
  });
});
