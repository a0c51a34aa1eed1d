// The loopback Host/Origin checks the host and the demo emulator share (issue 12 §1).
import { describe, expect, it } from 'vitest';
import { checkHost, checkLoopbackRequest, checkOrigin } from '../../../../main/net/loopback-guard';

describe('loopback guard', () => {
  it('accepts only the exact authority as Host', () => {
    expect(checkHost('127.0.0.1:4000', '127.0.0.1:4000').ok).toBe(true);
    for (const host of ['rebind.example:4000', 'localhost:4000', '127.0.0.1:4001', '127.0.0.1', '127.0.0.1:4000.evil.example', '', undefined]) {
      expect(checkHost(host, '127.0.0.1:4000'), String(host)).toEqual({ ok: false, status: 421, reason: 'wrong Host header' });
    }
  });

  it('accepts only our own Origin', () => {
    expect(checkOrigin('http://127.0.0.1:4000', 'http://127.0.0.1:4000').ok).toBe(true);
    for (const origin of ['http://evil.example', 'null', 'http://localhost:4000', 'https://127.0.0.1:4000', undefined]) {
      expect(checkOrigin(origin, 'http://127.0.0.1:4000').ok, String(origin)).toBe(false);
    }
  });

  it('lets a program without Origin through on our Host, and checks Origin whenever a browser sends one', () => {
    const own = 'http://127.0.0.1:4000';
    expect(checkLoopbackRequest({ host: '127.0.0.1:4000' }, own).ok).toBe(true);
    expect(checkLoopbackRequest({ host: '127.0.0.1:4000', origin: own }, own).ok).toBe(true);
    expect(checkLoopbackRequest({ host: '127.0.0.1:4000', origin: 'http://evil.example' }, own)).toMatchObject({ ok: false, status: 403 });
    expect(checkLoopbackRequest({ host: 'evil.example:4000' }, own)).toMatchObject({ ok: false, status: 421 });
    expect(checkLoopbackRequest({ host: '[::1]:4000' }, 'http://[::1]:4000').ok).toBe(true);
  });
});
