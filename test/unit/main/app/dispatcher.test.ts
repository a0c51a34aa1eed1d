import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../main/app/dispatcher';
import { AppError } from '../../../../main/app-error';
import { silentLogger } from '../../../../main/logging/logger';

const ctx = { transport: 'test' as const, clientId: 't' };

describe('dispatcher', () => {
  it('answers a valid call with the handler value in the ok envelope', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('settings.clearSecret', () => undefined);
    expect(await d.dispatch('settings.clearSecret', { name: 'trustid.apiKey' }, ctx)).toEqual({ ok: true, value: undefined });
  });

  it('refuses an unknown channel with a clear error, including prototype names', async () => {
    const d = createDispatcher(silentLogger());
    for (const channel of ['nope.nothing', '__proto__', 'constructor', 'toString', 42, null]) {
      const reply = await d.dispatch(channel, undefined, ctx);
      expect(reply).toMatchObject({ ok: false, code: 'contract.unknown-channel' });
    }
  });

  it('refuses an invalid payload, naming the field but never echoing the value', async () => {
    const d = createDispatcher(silentLogger());
    const handler = vi.fn();
    d.handle('settings.setSecret', handler);
    const reply = await d.dispatch('settings.setSecret', { name: 'trustid.nonsense', value: 'hunter2-secret' }, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    if (reply.ok) throw new Error('expected failure');
    expect(reply.message).toContain('name');
    expect(reply.message).not.toContain('hunter2-secret');
    expect(handler).not.toHaveBeenCalled();
  });

  it('never echoes an unknown channel name, however long or hostile', async () => {
    const d = createDispatcher(silentLogger());
    const hostile = `<img src=x onerror=alert(1)>${'c'.repeat(1024 * 1024)}`;
    const reply = await d.dispatch(hostile, undefined, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'contract.unknown-channel' });
    expect(JSON.stringify(reply)).not.toContain('<img');
    expect(JSON.stringify(reply)).not.toContain('ccc');
  });

  it('refuses a 1 MB hostile field name without sending it back', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('settings.setSecret', vi.fn());
    const hostile = `<b onmouseover=x>${'k'.repeat(1024 * 1024)}`;
    const reply = await d.dispatch('settings.setSecret', { name: 'trustid.apiKey', value: 'v', [hostile]: '<i>value</i>' }, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    const text = JSON.stringify(reply);
    expect(text.length).toBeLessThan(400);
    expect(text).not.toContain('<b');
    expect(text).not.toContain('<i>value');
  });

  it('cuts an overlong handler message rather than carrying it whole', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', () => {
      throw new AppError('x.y', 'z'.repeat(100_000));
    });
    const reply = await d.dispatch('health.get', undefined, ctx);
    if (reply.ok) throw new Error('expected failure');
    expect(reply.message.length).toBeLessThanOrEqual(1001);
  });

  it('passes typed errors through as code and message', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', () => {
      throw new AppError('store.disk-full', 'The disk is full.');
    });
    expect(await d.dispatch('health.get', undefined, ctx)).toEqual({ ok: false, code: 'store.disk-full', message: 'The disk is full.' });
  });

  it('answers any write that met a full disk (ENOSPC, SQLITE_FULL) with store.disk-full in plain words', async () => {
    for (const code of ['ENOSPC', 'SQLITE_FULL', 'EDQUOT']) {
      const d = createDispatcher(silentLogger());
      d.handle('settings.clearSecret', () => {
        throw Object.assign(new Error(`${code}: /home/kiosk/.local/share/scan-station/secrets.sealed`), { code });
      });
      const reply = await d.dispatch('settings.clearSecret', { name: 'trustid.apiKey' }, ctx);
      expect(reply).toMatchObject({ ok: false, code: 'store.disk-full', message: expect.stringMatching(/disk of this computer is full.*free space/) });
      expect(JSON.stringify(reply)).not.toContain('secrets.sealed');
    }
  });

  it('turns an unexpected throw into a generic message without the error text', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', async () => {
      throw new Error('SQLITE internal detail with /home/secret/path');
    });
    const reply = await d.dispatch('health.get', undefined, ctx);
    expect(reply).toMatchObject({ ok: false, code: 'contract.internal-error' });
    expect(JSON.stringify(reply)).not.toContain('/home/secret/path');
  });

  it('strips fields the contract does not name from the answer, so nothing leaks by accident', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', () => ({ overall: 'ok', components: [], checkedAt: 1, apiKey: 'leak' }) as never);
    const reply = await d.dispatch('health.get', undefined, ctx);
    expect(reply).toEqual({ ok: true, value: { overall: 'ok', components: [], checkedAt: 1 } });
  });

  it('refuses an answer that breaks the contract rather than sending it', async () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', () => ({ overall: 'purple' }) as never);
    expect(await d.dispatch('health.get', undefined, ctx)).toMatchObject({ ok: false, code: 'contract.internal-error' });
  });

  it('says a channel without a handler is unavailable, and lists it', async () => {
    const d = createDispatcher(silentLogger());
    expect(await d.dispatch('health.get', undefined, ctx)).toMatchObject({ ok: false, code: 'contract.unavailable' });
    expect(d.unhandled()).toContain('health.get');
  });

  it('refuses a second handler for one channel', () => {
    const d = createDispatcher(silentLogger());
    d.handle('health.get', () => ({ overall: 'ok', components: [], checkedAt: 1 }));
    expect(() => d.handle('health.get', () => ({ overall: 'ok', components: [], checkedAt: 1 }))).toThrow(/already/);
  });

  it('asks the guard before the handler, and answers with its refusal', async () => {
    const d = createDispatcher(silentLogger());
    const handler = vi.fn(() => ({ overall: 'ok' as const, components: [], checkedAt: 1 }));
    d.handle('health.get', handler);
    d.setGuard((channel) => (channel === 'health.get' ? new AppError('session.signed-out', 'Sign in first.') : null));
    expect(await d.dispatch('health.get', undefined, ctx)).toEqual({ ok: false, code: 'session.signed-out', message: 'Sign in first.' });
    expect(handler).not.toHaveBeenCalled();
  });
});
