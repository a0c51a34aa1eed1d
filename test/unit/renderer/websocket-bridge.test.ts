import { describe, expect, it } from 'vitest';
import { takeCredential } from '../../../renderer/src/bridge/websocket-bridge';

function page(hash: string) {
  const location = { hash, pathname: '/', search: '' } as Location;
  const replaced: string[] = [];
  const history = { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  return { location, history, storage, replaced };
}

describe('websocket bridge credential', () => {
  it('takes the secret from the fragment, wipes it from the address bar and keeps it for reloads', () => {
    const p = page('#k=abc');
    expect(takeCredential(p.location, p.history, p.storage)).toBe('k.abc');
    expect(p.replaced).toEqual(['/']);
    const reload = { ...page(''), storage: p.storage };
    expect(takeCredential(reload.location, reload.history, reload.storage)).toBe('k.abc');
  });

  it('passes a one-time ticket through without storing it', () => {
    const p = page('#t=once');
    expect(takeCredential(p.location, p.history, p.storage)).toBe('t.once');
    expect(p.storage.getItem('scan-station.secret')).toBeNull();
  });

  it('has nothing to offer on a page opened without a key', () => {
    const p = page('');
    expect(takeCredential(p.location, p.history, p.storage)).toBeNull();
  });
});
