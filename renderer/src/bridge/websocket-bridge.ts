// Bridge over the Chromium shell's WebSocket, in the frames of preload/contract/websocket-frames.ts.
// The secret (or one-time ticket) arrives in the URL fragment, which the server never sees; it is
// moved to sessionStorage and wiped from the address.
import type { EventName } from '../../../preload/contract';
import { credentialProtocol, decodeHostFrame, encodeRequest, WS_PROTOCOL } from '../../../preload/contract/websocket-frames';
import { BridgeError, type Bridge, type ConnectionState } from './bridge';

const SECRET_KEY = 'scan-station.secret';

const noKey = new BridgeError('contract.no-secret', 'This page was opened without its access key. Close it and start Scan Station again.');

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export function takeCredential(location: Location, history: History, storage: Storage): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const secret = params.get('k');
  const ticket = params.get('t');
  if (secret || ticket) history.replaceState(null, '', location.pathname + location.search);
  if (secret) {
    storage.setItem(SECRET_KEY, secret);
    return credentialProtocol({ kind: 'secret', value: secret });
  }
  if (ticket) return credentialProtocol({ kind: 'ticket', value: ticket });
  const kept = storage.getItem(SECRET_KEY);
  return kept ? credentialProtocol({ kind: 'secret', value: kept }) : null;
}

export function websocketBridge(opts: { url: string; credential: string | null; storage: Storage }): Bridge {
  let credential = opts.credential;
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(s: ConnectionState) => void>();
  let opened: Promise<void>;

  function setState(next: ConnectionState) {
    state = next;
    for (const l of connectionListeners) l(next);
  }

  function connect(): Promise<void> {
    if (!credential) {
      setState('closed');
      return Promise.reject(noKey);
    }
    const ws = new WebSocket(opts.url, [WS_PROTOCOL, credential]);
    socket = ws;
    return new Promise<void>((resolve, reject) => {
      ws.onopen = () => {
        retryMs = 250;
        setState('open');
        resolve();
      };
      ws.onmessage = (message) => receive(message.data);
      ws.onclose = () => {
        for (const p of pending.values()) p.reject(new BridgeError('contract.transport-error', 'Lost the connection to Scan Station. Please try again.'));
        pending.clear();
        setState('closed');
        reject(new BridgeError('contract.transport-error', 'Could not connect to Scan Station.'));
        // Reconnect with backoff: the host may be restarting.
        setTimeout(() => {
          setState('connecting');
          opened = connect().catch(() => undefined);
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 8000);
      };
    });
  }

  function receive(data: unknown) {
    // Anything that is not a frame of ours is dropped unread.
    const decoded = decodeHostFrame(data);
    if (!decoded) return;
    if (decoded.kind === 'hello') {
      const { secret } = decoded.frame.hello;
      opts.storage.setItem(SECRET_KEY, secret);
      credential = credentialProtocol({ kind: 'secret', value: secret }); // the ticket is spent; reconnects use the secret
      return;
    }
    if (decoded.kind === 'event') {
      for (const l of listeners.get(decoded.frame.event) ?? []) l(decoded.frame.payload);
      return;
    }
    const { id, envelope } = decoded.frame;
    const waiting = id === null ? undefined : pending.get(id);
    if (!waiting || id === null) return;
    pending.delete(id);
    if (envelope.ok) waiting.resolve(envelope.value);
    else waiting.reject(new BridgeError(envelope.code, envelope.message, envelope.params));
  }

  opened = connect().catch(() => undefined);

  return {
    async invoke(channel, ...args) {
      if (!credential) throw noKey;
      await opened;
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        throw new BridgeError('contract.transport-error', 'Not connected to Scan Station. Please wait a moment and try again.');
      }
      const id = nextId++;
      const reply = new Promise<never>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
      socket.send(encodeRequest({ id, channel, payload: args[0] }));
      return reply;
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => void connectionListeners.delete(listener);
    },
  };
}
