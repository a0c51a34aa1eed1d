// A tiny scriptable HTTP server on 127.0.0.1 standing in for TrustID in the client's unit tests:
// each test says how to answer each request, and every request is recorded byte for byte.
// (The full emulator, main/demo/emulator, is used by the integration tests.)
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Recorded = {
  method: string;
  /** Path without the query, e.g. /VPE/session/login/ */
  path: string;
  /** The last path segment before the trailing slash, e.g. "login". */
  operation: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: Record<string, unknown> | undefined;
};

export type Reply = {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | Buffer | Record<string, unknown>;
  /** Cut the connection: before answering anything, or after the status line and half the body. */
  destroy?: 'before-answer' | 'mid-body';
  /** Answer late. */
  delayMs?: number;
  /** Never answer (the client's deadline must fire). */
  hang?: boolean;
};

export type Handler = (req: Recorded, index: number) => Reply | Promise<Reply>;

export const SUCCESS_MESSAGE = 'Operation executed successfully.';

/** A success envelope with the base fields first, as TrustID orders them. */
export function ok(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    AccessDenied: false,
    CallbackId: null,
    Locked: false,
    Message: SUCCESS_MESSAGE,
    MfaCodeRequired: false,
    NewPasswordRequired: false,
    SessionExpired: false,
    Success: true,
    VpeUnreachable: false,
    ...fields,
  };
}

export function failure(message: string, flags: Record<string, unknown> = {}): Record<string, unknown> {
  return ok({ Success: false, Message: message, ...flags });
}

export type FakeServer = {
  /** http://127.0.0.1:<port>/ */
  baseUrl: string;
  port: number;
  requests: Recorded[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
};

export async function startFakeTrustId(handler: Handler): Promise<FakeServer> {
  let current = handler;
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    let json: Record<string, unknown> | undefined;
    if ((req.headers['content-type'] ?? '').includes('json') && body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
    }
    const segments = url.pathname.split('/').filter(Boolean);
    const recorded: Recorded = {
      method: req.method ?? '',
      path: url.pathname,
      operation: segments[segments.length - 1] ?? '',
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
    };
    requests.push(recorded);
    let reply: Reply;
    try {
      reply = await current(recorded, requests.length - 1);
    } catch {
      reply = { status: 500, body: 'handler failed' };
    }
    if (reply.hang) return;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.destroy === 'before-answer') {
      req.socket.destroy();
      return;
    }
    const payload =
      reply.body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(reply.body)
          ? reply.body
          : typeof reply.body === 'string'
            ? Buffer.from(reply.body)
            : Buffer.from(JSON.stringify(reply.body));
    const headers: Record<string, string> = {
      ...(reply.body !== undefined && !Buffer.isBuffer(reply.body) && typeof reply.body === 'object' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...reply.headers,
    };
    if (reply.destroy === 'mid-body') {
      res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(payload.length) });
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(payload.length) });
    res.end(payload);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    port,
    requests,
    setHandler(next) {
      current = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Session ids the standard handler hands out; unguessable-looking so a leak in a message would show. */
export function sessionIdFor(n: number): string {
  return `sess-${n}-9f3c2a71d0e84b6c`;
}

/**
 * A well-behaved TrustID for the happy path: logins issue sessionIdFor(1), sessionIdFor(2)…; only the
 * latest session is valid; creates return fresh ids. `override` can answer any request first.
 */
export function standardHandler(opts: { override?: (req: Recorded, index: number) => Reply | undefined; apiKey?: string } = {}): Handler & {
  logins: () => number;
  expireSession: () => void;
} {
  let logins = 0;
  let valid: string | undefined;
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  const handler = (req: Recorded, index: number): Reply => {
    const forced = opts.override?.(req, index);
    if (forced) return forced;
    if (opts.apiKey !== undefined && req.headers['tid-api-key'] !== opts.apiKey) return { body: failure('Invalid API key.', { AccessDenied: true }) };
    if (req.operation === 'testConnection') return { body: ok() };
    if (req.operation === 'login') {
      logins += 1;
      valid = sessionIdFor(logins);
      return { body: ok({ SessionId: valid, VpeName: 'Fake TrustID', User: { Username: String(req.json?.Username ?? '') } }) };
    }
    const session = req.json?.SessionId ?? req.headers['__tt_sessionid'] ?? req.query.get('SessionId');
    if (req.operation === 'logout') {
      if (session === valid) valid = undefined;
      return { body: ok() };
    }
    if (session !== valid || valid === undefined) return { body: failure('Session has expired.', { SessionExpired: true }) };
    switch (req.operation) {
      case 'createDocumentContainer':
        return { body: ok({ ContainerId: newId() }) };
      case 'createDocument':
        return { body: ok({ DocumentId: newId() }) };
      case 'uploadImage':
      case 'uploadApplicantPhoto':
        return { body: ok({ ImageId: newId() }) };
      case 'publishDocumentContainer':
        return { body: ok({ ContainerId: req.json?.ContainerId, AutoReferred: false, DocumentReplaced: false, MergeContainers: false, Merged: false }) };
      default:
        return { body: ok() };
    }
  };
  return Object.assign(handler, {
    logins: () => logins,
    expireSession: () => {
      valid = undefined;
    },
  });
}
