// The emulator's HTTP edge (node:http): routes a request to the API, the control endpoints or the
// guest page, and carries out fault rules (RAW-API §15.2), including connections dropped part-way
// through a request or a response. Runs wherever the emulator runs (plain Node).
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './api-call';
import { envelopeReply } from './api-call';
import { runApi } from './api-pipeline';
import type { Engine } from './engine';
import { MESSAGES, envelope } from './envelope';
import type { BodyKind, FaultBook, FaultRule } from './faults';
import { guestPageGet, guestPagePost } from './guest-page';
import type { BodySummary, RequestLog, RequestOutcome } from './request-log';
import { safeHeaders, safeQuery } from './request-log';
import { matchApiPath } from './routes';
import { toEnvelopeJson } from './wire-json';
import { checkLoopbackRequest } from '../../net/loopback-guard';

export type ControlReply = { status: number; body: unknown };
export type ControlHandler = (method: string, path: string, query: URLSearchParams, body: unknown) => Promise<ControlReply>;

export type ServerDeps = {
  engine: Engine;
  faults: FaultBook;
  log: RequestLog;
  /** null when controls are off: /__emulator/ is then an unknown path like any other. */
  controls: ControlHandler | null;
};

const JSON_LIMIT = 10 * 1024 * 1024;
const FORM_LIMIT = 64 * 1024;

const STATUS_TEXT: Record<number, string> = {
  408: 'Request timed out.',
  429: 'Too many requests.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

type ReadResult = { bytes: Buffer; tooLarge: boolean; gone: boolean };

/** Reads the body, keeping at most `limit` bytes but draining the rest so the answer can be sent. */
function readBody(req: IncomingMessage, limit: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      if (kept + chunk.length > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
      kept += chunk.length;
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge, gone: false }));
    req.on('error', () => resolve({ bytes: Buffer.alloc(0), tooLarge, gone: true }));
    req.on('aborted', () => resolve({ bytes: Buffer.alloc(0), tooLarge, gone: true }));
  });
}

/** Reads until `count` bytes have arrived (or the body ends), then stops listening. */
function readSome(req: IncomingMessage, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    if (count <= 0) {
      resolve();
      return;
    }
    const done = () => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= count) done();
    };
    req.on('data', onData);
    req.on('end', done);
    req.on('error', done);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function faultBody(kind: BodyKind, status: number, engine: Engine): { type: string | null; bytes: Buffer } {
  const text = STATUS_TEXT[status] ?? `HTTP ${status}.`;
  if (kind === 'empty') return { type: null, bytes: Buffer.alloc(0) };
  if (kind === 'html') {
    return { type: 'text/html; charset=utf-8', bytes: Buffer.from(`<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status}</h1><p>${text}</p></body></html>`) };
  }
  return { type: 'application/json; charset=utf-8', bytes: Buffer.from(toEnvelopeJson(envelope(false, text), engine.config.dates)) };
}

function encodeReply(reply: Reply, engine: Engine): { type: string | null; bytes: Buffer } {
  switch (reply.kind) {
    case 'envelope':
      return { type: 'application/json; charset=utf-8', bytes: Buffer.from(toEnvelopeJson(reply.body, engine.config.dates)) };
    case 'html':
      return { type: 'text/html; charset=utf-8', bytes: Buffer.from(reply.body) };
    case 'bytes':
      return { type: reply.body.length > 0 ? reply.contentType : null, bytes: reply.body };
  }
}

function send(res: ServerResponse, status: number, type: string | null, bytes: Buffer, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = { 'content-length': bytes.length, 'cache-control': 'no-store', ...extra };
  if (type) headers['content-type'] = type;
  res.writeHead(status, headers);
  res.end(bytes);
}

function drop(req: IncomingMessage): void {
  req.socket.destroy();
}

export function createEmulatorServer(deps: ServerDeps): http.Server {
  const { engine, faults, log } = deps;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const started = performance.now();
    const at = engine.now();
    const api = matchApiPath(url.pathname);
    const op = api?.op ?? 'unknown';
    let summary: BodySummary = { kind: 'none' };
    let ignoredFields: string[] = [];
    let status: number | null = null;
    let success: boolean | null = null;
    let message: string | null = null;
    let rule: FaultRule | null = null;
    const record = (outcome: RequestOutcome) => {
      log.add({
        at,
        method,
        path: url.pathname,
        operation: op,
        query: safeQuery(url.searchParams),
        headers: safeHeaders(req.headers),
        body: summary,
        status,
        success,
        message,
        fault: rule?.action ?? null,
        outcome,
        ignoredFields,
        durationMs: Math.round(performance.now() - started),
      });
    };
    const answer = (reply: Reply, extra: Record<string, string> = {}) => {
      const encoded = encodeReply(reply, engine);
      status = reply.status;
      if (reply.kind === 'envelope') {
        success = reply.body.Success === true;
        message = typeof reply.body.Message === 'string' ? reply.body.Message : null;
      }
      send(res, reply.status, encoded.type, encoded.bytes, extra);
      record('answered');
    };
    const answerFault = (faultStatus: number, kind: BodyKind, extra: Record<string, string> = {}) => {
      const body = faultBody(kind, faultStatus, engine);
      status = faultStatus;
      send(res, faultStatus, body.type, body.bytes, extra);
      record('answered');
    };

    const route = api?.route;
    if (!route) {
      await readBody(req, FORM_LIMIT);
      answer(envelopeReply(envelope(false, MESSAGES.endpointNotFound), 404));
      return;
    }
    if (!(route.methods as string[]).includes(method)) {
      await readBody(req, FORM_LIMIT);
      answer(envelopeReply(envelope(false, MESSAGES.methodNotAllowed), 405), { allow: route.methods.join(', ') });
      return;
    }

    rule = faults.pick(route.op, method);
    const action = rule?.parsed;
    const contentLength = Number(req.headers['content-length'] ?? 0) || 0;
    if (action?.kind === 'refuse') {
      drop(req);
      record('refused');
      return;
    }
    if (action?.kind === 'resetDuringRequest') {
      await readSome(req, rule?.afterBytes ?? Math.floor(contentLength / 2));
      drop(req);
      record('reset-during-request');
      return;
    }

    const limit = route.body === 'raw' ? engine.config.upload.maxBytes : JSON_LIMIT;
    const read = route.body === 'none' ? { bytes: Buffer.alloc(0), tooLarge: false, gone: false } : await readBody(req, limit);
    if (read.gone) {
      record('client-gone');
      return;
    }

    // Faults that answer without carrying the operation out (§15.2).
    if (action && rule) {
      switch (action.kind) {
        case 'http': {
          const extra: Record<string, string> = rule.retryAfter !== undefined ? { 'retry-after': String(rule.retryAfter) } : {};
          answerFault(action.status, rule.body ?? 'envelope', extra);
          return;
        }
        case 'sessionExpired': {
          const failure = engine.sessionExpired();
          answer(envelopeReply(envelope(false, failure.message, failure.flags), failure.status));
          return;
        }
        case 'flag': {
          const text = action.flag === 'Locked' ? MESSAGES.locked : action.flag === 'AccessDenied' ? MESSAGES.accessDenied : MESSAGES.vpeUnreachable;
          answer(envelopeReply(envelope(false, text, { [action.flag]: true })));
          return;
        }
        case 'reject':
          answer(envelopeReply(envelope(false, rule.message ?? 'Request rejected.')));
          return;
        case 'delay':
          if (!action.apply) {
            // Never applied and never answered: the client sees its own timeout, or a dropped connection.
            await sleep(action.ms);
            drop(req);
            record('dropped');
            return;
          }
          break;
        default:
          break;
      }
    }

    const result = runApi(engine, route, { method, query: url.searchParams, headers: req.headers, body: read.bytes, bodyTooLarge: read.tooLarge });
    summary = result.summary;
    ignoredFields = result.ignoredFields;
    // Applied: the state file is written before any fault hides the answer (crash tests rely on it).
    engine.catchUp();

    switch (action?.kind) {
      case 'applyThenDrop':
        status = result.reply.status;
        drop(req);
        record('dropped');
        return;
      case 'applyThen':
        answerFault(action.status, rule?.body ?? 'envelope');
        return;
      case 'delay':
        await sleep(action.ms);
        answer(result.reply);
        return;
      case 'resetDuringResponse': {
        const encoded = encodeReply(result.reply, engine);
        status = result.reply.status;
        const cut = Math.min(rule?.afterBytes ?? Math.floor(encoded.bytes.length / 2), encoded.bytes.length);
        const headers: Record<string, string | number> = { 'content-length': encoded.bytes.length };
        if (encoded.type) headers['content-type'] = encoded.type;
        res.writeHead(result.reply.status, headers);
        res.write(encoded.bytes.subarray(0, cut), () => drop(req));
        record('reset-during-response');
        return;
      }
      default:
        answer(result.reply);
    }
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, method: string, controls: ControlHandler): Promise<void> {
    const read = await readBody(req, JSON_LIMIT);
    let body: unknown = null;
    if (read.bytes.length > 0) {
      try {
        body = JSON.parse(read.bytes.toString('utf8'));
      } catch {
        send(res, 400, 'application/json; charset=utf-8', Buffer.from(JSON.stringify({ ok: false, error: 'The body is not valid JSON.' })));
        return;
      }
    }
    const reply = await controls(method, url.pathname.slice('/__emulator'.length), url.searchParams, body);
    send(res, reply.status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(reply.body)));
  }

  async function handleGuest(req: IncomingMessage, res: ServerResponse, guestId: string, method: string): Promise<void> {
    if (method === 'GET') {
      const reply = guestPageGet(engine, guestId);
      send(res, reply.status, 'text/html; charset=utf-8', Buffer.from(reply.html));
      return;
    }
    if (method === 'POST') {
      const read = await readBody(req, FORM_LIMIT);
      const reply = guestPagePost(engine, guestId, new URLSearchParams(read.tooLarge ? '' : read.bytes.toString('utf8')));
      send(res, reply.status, 'text/html; charset=utf-8', Buffer.from(reply.html));
      return;
    }
    send(res, 405, 'text/plain; charset=utf-8', Buffer.from('Method not allowed.'), { allow: 'GET, POST' });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (deps.controls && (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/'))) {
      await handleControl(req, res, url, method, deps.controls);
      return;
    }
    const guest = /^\/guest\/([^/]+)\/?$/.exec(url.pathname);
    if (guest) {
      await handleGuest(req, res, decodeURIComponent(guest[1] ?? ''), method);
      return;
    }
    await handleApi(req, res, url, method);
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding: a web page in any browser on this machine could otherwise read demo visitor
    // data through a name that resolves to 127.0.0.1 (issue 12 §1). Same checks as the host.
    const guard = engine.origin ? checkLoopbackRequest({ host: req.headers.host, origin: req.headers.origin }, engine.origin) : ({ ok: false, status: 503, reason: 'starting' } as const);
    if (!guard.ok) {
      req.resume();
      send(res, guard.status, 'text/plain; charset=utf-8', Buffer.from(`${guard.reason}\n`), { connection: 'close' });
      return;
    }
    onRequest(req, res).catch((error: unknown) => {
      engine.logger.error({ err: error }, 'emulator request failed');
      send(res, 500, 'application/json; charset=utf-8', Buffer.from(toEnvelopeJson(envelope(false, 'The emulator failed to handle the request.'), engine.config.dates)));
    });
  });
  return server;
}
