import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../../renderer/src/bridge/bridge';
import { takeCredential, websocketBridge } from '../../../../renderer/src/bridge/websocket-bridge';

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

/** A WebSocket stand-in: records what the bridge sends, and lets the test play the host. */
class FakeSocket {
  static last: FakeSocket | null = null;
  static readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.last = this;
  }
  send(text: string) {
    this.sent.push(text);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  host(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}

describe('websocket bridge frames', () => {
  afterEach(() => vi.unstubAllGlobals());

  async function connected() {
    vi.stubGlobal('WebSocket', FakeSocket);
    const storage = page('').storage;
    const bridge = websocketBridge({ url: 'ws://127.0.0.1:1/contract', credential: 't.once', storage });
    const socket = FakeSocket.last!;
    socket.open();
    return { bridge, socket, storage };
  }

  it('offers our protocol and the credential, and sends each call as a request frame', async () => {
    const { bridge, socket } = await connected();
    expect(socket.protocols).toEqual(['scan-station.v1', 't.once']);
    const answer = bridge.invoke('devices.test', { id: 'r1' });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1));
    expect(JSON.parse(socket.sent[0]!)).toEqual({ id: 1, channel: 'devices.test', payload: { id: 'r1' } });
    socket.host({ id: 1, envelope: { ok: true, value: { ok: true, message: 'Read a TD3 MRZ.' } } });
    await expect(answer).resolves.toEqual({ ok: true, message: 'Read a TD3 MRZ.' });

    const refused = bridge.invoke('devices.test', { id: 'r1' });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    socket.host({ id: 2, envelope: { ok: false, code: 'session.locked', message: 'The screen is locked.' } });
    await expect(refused).rejects.toEqual(new BridgeError('session.locked', 'The screen is locked.'));
  });

  it('keeps the secret the hello hands over, and passes events to their listeners', async () => {
    const { bridge, socket, storage } = await connected();
    socket.host({ hello: { secret: 'the-secret' } });
    expect(storage.getItem('scan-station.secret')).toBe('the-secret');
    const heard: unknown[] = [];
    bridge.on('devices.changed', (list) => heard.push(list));
    socket.host({ event: 'devices.changed', payload: [] });
    expect(heard).toEqual([[]]);
  });

  it('drops frames that are not ours, and ends a call whose answer it cannot read', async () => {
    const { bridge, socket, storage } = await connected();
    const heard: unknown[] = [];
    bridge.on('devices.changed', (list) => heard.push(list));
    socket.host('not json');
    socket.host({ event: 'devices.changed', payload: [], extra: 1 });
    socket.host({ hello: { secret: 'x', extra: 1 } });
    expect(heard).toEqual([]);
    expect(storage.getItem('scan-station.secret')).toBeNull();

    const answer = bridge.invoke('devices.list');
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1));
    socket.host({ id: 1, envelope: { ok: true, value: [], sneaky: '<svg>' } });
    await expect(answer).rejects.toMatchObject({ code: 'contract.transport-error', message: expect.not.stringContaining('svg') });
  });
});
