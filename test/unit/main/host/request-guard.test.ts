import { describe, expect, it } from 'vitest';
import { checkHost, checkOrigin } from '../../../../main/net/loopback-guard';
import { credentialFromHeader, newSecret, secretsEqual } from '../../../../main/host/request-guard';

describe('request guard', () => {
  it('accepts only our exact loopback Host (DNS rebinding names another host)', () => {
    expect(checkHost('127.0.0.1:4000', '127.0.0.1:4000').ok).toBe(true);
    for (const host of ['localhost:4000', 'evil.example:4000', '127.0.0.1:4001', '127.0.0.1', undefined]) {
      expect(checkHost(host, '127.0.0.1:4000').ok, String(host)).toBe(false);
    }
  });

  it('accepts only our own Origin', () => {
    expect(checkOrigin('http://127.0.0.1:4000', 'http://127.0.0.1:4000').ok).toBe(true);
    for (const origin of ['http://evil.example', 'null', 'http://localhost:4000', 'https://127.0.0.1:4000', undefined]) {
      expect(checkOrigin(origin, 'http://127.0.0.1:4000').ok, String(origin)).toBe(false);
    }
  });

  it('reads the secret or ticket from the offered subprotocols, only beside ours', () => {
    expect(credentialFromHeader('scan-station.v1, k.abc')).toEqual({ kind: 'secret', value: 'abc' });
    expect(credentialFromHeader('scan-station.v1, t.xyz')).toEqual({ kind: 'ticket', value: 'xyz' });
    expect(credentialFromHeader('k.abc')).toBeNull();
    expect(credentialFromHeader(undefined)).toBeNull();
  });

  it('makes unguessable secrets and compares them exactly', () => {
    const a = newSecret();
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(newSecret()).not.toBe(a);
    expect(secretsEqual(a, a)).toBe(true);
    expect(secretsEqual(a, a.slice(0, -1))).toBe(false);
    expect(secretsEqual(a, `${a.slice(0, -1)}x`)).toBe(a.endsWith('x'));
  });
});
