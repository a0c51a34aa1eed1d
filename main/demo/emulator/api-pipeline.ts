// One API request from bytes to reply, the checks in the order TrustID's service makes them:
// API key (§1.3, §1.7), body and Content-Type (§1.7), unknown properties (§1.5), DeviceId (§1.4),
// session and its DeviceId binding (§2.4), then the operation. Synchronous, so the HTTP layer can
// apply an operation and then misbehave on purpose. Runs wherever the emulator runs.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiCall, Reply } from './api-call';
import { emptyReply, envelopeReply } from './api-call';
import type { Engine } from './engine';
import { ApiFailure, MESSAGES, envelope } from './envelope';
import type { BodySummary } from './request-log';
import { summariseJson } from './request-log';
import { JsonBody } from './request-body';
import type { RouteDef } from './routes';

export type ApiInput = {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  bodyTooLarge: boolean;
};

export type ApiResult = { reply: Reply; summary: BodySummary; ignoredFields: string[] };

const ENVELOPE_FIELDS = new Set(['DeviceId', 'SessionId']);

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function invalidBody(): ApiFailure {
  return new ApiFailure(MESSAGES.invalidBody, {}, 400);
}

function parseJsonBody(input: ApiInput): JsonBody {
  const type = header(input.headers, 'content-type');
  if (type !== null && !/json/i.test(type)) throw invalidBody();
  let data: unknown;
  try {
    data = JSON.parse(input.body.toString('utf8'));
  } catch {
    throw invalidBody();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalidBody();
  return new JsonBody(data as Record<string, unknown>);
}

function checkRawContentType(input: ApiInput): void {
  // §1.3: uploads are octet-stream; a JSON or form body means the client sent the wrong thing.
  const type = header(input.headers, 'content-type');
  if (type !== null && /json|x-www-form-urlencoded|multipart\//i.test(type)) throw invalidBody();
}

export function runApi(engine: Engine, route: RouteDef, input: ApiInput): ApiResult {
  let summary: BodySummary = route.body === 'raw' ? { kind: 'binary', bytes: input.body.length } : { kind: 'none' };
  let ignoredFields: string[] = [];
  // Someone else acts first (a test's hook); a failing hook is logged and never stops the request.
  for (const failure of engine.hooks.runBefore(route.op)) engine.logger.warn({ operation: route.op, err: failure instanceof Error ? failure.message : String(failure) }, 'emulator request hook failed');
  try {
    engine.catchUp();
    if (route.auth !== 'open') {
      const expected = engine.config.apiKey;
      if (expected !== null && header(input.headers, 'tid-api-key') !== expected) {
        throw new ApiFailure(MESSAGES.apiKey, { AccessDenied: true }, engine.config.statusMode.apiKey);
      }
    }
    let body = new JsonBody({});
    if (route.body === 'json') {
      if (input.bodyTooLarge) throw invalidBody();
      summary = { kind: 'invalid', bytes: input.body.length };
      body = parseJsonBody(input);
      summary = summariseJson(body.data);
      const known = new Set([...ENVELOPE_FIELDS, ...route.fields]);
      ignoredFields = Object.keys(body.data).filter((key) => !known.has(key));
      if (ignoredFields.length > 0) engine.logger.warn({ operation: route.op, ignoredFields }, 'emulator ignored unknown request properties');
    } else if (route.body === 'raw') {
      checkRawContentType(input);
    }

    let deviceId = '';
    let sessionId: string | null = null;
    if (route.body === 'json') {
      deviceId = body.string('DeviceId') ?? '';
      sessionId = body.string('SessionId');
    } else if (route.body === 'raw') {
      deviceId = header(input.headers, '__tt_deviceid') ?? '';
      sessionId = header(input.headers, '__tt_sessionid');
    } else {
      deviceId = input.query.get('DeviceId') ?? '';
      sessionId = input.query.get('SessionId');
    }
    if (route.auth !== 'open' && deviceId === '') throw new ApiFailure(MESSAGES.required('DeviceId'));

    const call: ApiCall = {
      engine,
      op: route.op,
      method: input.method,
      query: input.query,
      headers: input.headers,
      body,
      raw: input.body,
      rawTooLarge: input.bodyTooLarge,
      deviceId,
      session: null,
      account: null,
    };
    if (route.auth === 'session') {
      if (!sessionId) throw engine.sessionExpired();
      const checked = engine.checkSession(sessionId, deviceId);
      call.session = checked.session;
      call.account = checked.account;
    }
    return { reply: route.handle(call), summary, ignoredFields };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    // §5.3: the image GET answers every error with an empty body.
    const reply = route.emptyOnError ? emptyReply(error.status) : envelopeReply(envelope(false, error.message, error.flags, error.fields), error.status);
    return { reply, summary, ignoredFields };
  }
}
