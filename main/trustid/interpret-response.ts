// Turns one HTTP answer into either a TrustID envelope or a typed error, deciding only on the HTTP
// status, `Success` and the flags, never on `Message` (RAW-API §1.7). The order of the checks is
// SUBMISSION-PROTOCOL §4's (first match wins), so the error kind maps straight onto an outcome class.
// Pure; runs in main (plain Node).
import { describeIssues, EMPTY_GUID } from './models';
import { ResponseEnvelope, LoginFlags } from './responses';
import { TrustIdError } from './errors';
import type { TrustIdErrorDetails, TrustIdErrorKind, TrustIdOperation } from './errors';
import { parseRetryAfter } from './retry-after';

export type RawAnswer = { status: number; headers: Record<string, string>; body: Buffer };

export type BodyReading =
  | { kind: 'envelope'; json: Record<string, unknown>; envelope: ResponseEnvelope }
  /** Has a boolean `Success` but a base field of the wrong type. */
  | { kind: 'bad-envelope'; json: Record<string, unknown>; problem: string }
  | { kind: 'json-not-envelope' }
  | { kind: 'unparseable' }
  | { kind: 'empty' }
  | { kind: 'not-json' };

/**
 * RAW-API §16 #7/#8: parse when the Content-Type says JSON *or* the body starts with "{" (some
 * answers carry no or a wrong Content-Type); HTML pages, empty and truncated bodies are not envelopes.
 */
export function readEnvelopeBody(headers: Record<string, string>, body: Buffer): BodyReading {
  if (body.length === 0) return { kind: 'empty' };
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  const saysJson = /\bjson\b/i.test(headers['content-type'] ?? '');
  if (!trimmed.startsWith('{')) return saysJson && trimmed.length > 0 && !trimmed.startsWith('<') ? { kind: 'unparseable' } : { kind: 'not-json' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { kind: 'unparseable' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'json-not-envelope' };
  const record = json as Record<string, unknown>;
  if (typeof record.Success !== 'boolean') return { kind: 'json-not-envelope' };
  const parsed = ResponseEnvelope.safeParse(record);
  if (!parsed.success) return { kind: 'bad-envelope', json: record, problem: describeIssues(parsed.error, 'envelope') };
  return { kind: 'envelope', json: record, envelope: parsed.data };
}

/** RAW-API §2.2 / §16 #18: a session id is usable when it is a non-empty string that is not the empty GUID. */
export function usableSessionId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  if (id === '' || id === EMPTY_GUID) return undefined;
  return id;
}

export type InterpretContext = {
  operation: TrustIdOperation;
  /** This call is the retry straight after a session renewal (SUBMISSION-PROTOCOL §4, §6). */
  afterRenewal: boolean;
  /** No call has been answered on this session since its login (a 401 then points at the API key). */
  sessionUnproven: boolean;
  nowMs: number;
  /** Removes secrets from server text before it goes into an error. */
  redact: (text: string) => string;
};

export type Interpretation =
  | { ok: true; json: Record<string, unknown>; envelope: ResponseEnvelope }
  | { ok: false; error: TrustIdError };

const MAX_SERVER_MESSAGE = 300;

export function interpretResponse(answer: RawAnswer, ctx: InterpretContext): Interpretation {
  const s = answer.status;
  const is2xx = s >= 200 && s < 300;
  const reading = readEnvelopeBody(answer.headers, answer.body);
  const env = reading.kind === 'envelope' ? reading.envelope : undefined;
  const json = reading.kind === 'envelope' ? reading.json : undefined;
  const isLogin = ctx.operation === 'login';
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], ctx.nowMs);
  const rawMessage = typeof env?.Message === 'string' ? env.Message : undefined;
  const serverMessage = rawMessage ? ctx.redact(rawMessage).slice(0, MAX_SERVER_MESSAGE) : undefined;

  const fail = (kind: TrustIdErrorKind, extra: Partial<TrustIdErrorDetails> = {}): Interpretation => ({
    ok: false,
    error: new TrustIdError(kind, {
      operation: ctx.operation,
      httpStatus: s,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(serverMessage ? { serverMessage } : {}),
      ...(ctx.afterRenewal ? { afterRenewal: true } : {}),
      ...extra,
    }),
  });

  // Flags narrow down a failure. On a 2xx answer that says Success:true the operation was carried
  // out (RAW-API §1.6), so a stray flag there must not make the caller repeat a create.
  const flagsApply = env !== undefined && (!is2xx || env.Success === false);
  const loginFlags = isLogin && json ? LoginFlags.safeParse(json) : undefined;
  const lf = loginFlags?.success ? loginFlags.data : undefined;

  // 1. CONFIG
  if (s >= 300 && s < 400) return fail('configuration', { configurationReason: 'redirect' });
  if (s === 403) return fail('access-denied');
  if (s === 401 && (isLogin || ctx.afterRenewal || ctx.sessionUnproven)) return fail('access-denied');
  if (s === 404 && !env) return fail('configuration', { configurationReason: 'endpoint-not-found' });
  if (flagsApply && env.AccessDenied) return fail('access-denied');
  if (isLogin && flagsApply && lf?.DesktopClientDenied) return fail('desktop-client-denied');
  if (isLogin && flagsApply && lf?.IncompatibleServiceVersion) return fail('incompatible-version');

  // 2. SESSION
  if ((flagsApply && env.SessionExpired) || s === 401) return fail('session-expired');

  // 3. AUTH (login only). RAW-API §16 #18: any 2xx login answer without a usable SessionId is a
  // failed login, classified by its flags; with none set it means bad credentials.
  if (isLogin && is2xx && env && (!env.Success || usableSessionId(json?.SessionId) === undefined)) {
    if (lf?.LockedUserAccount) return fail('locked-account');
    if (env.NewPasswordRequired) return fail('password-change-required');
    if (env.MfaCodeRequired) return fail('mfa-required');
    return fail('invalid-credentials', env.Success ? { detail: 'login answered Success:true without a usable SessionId' } : {});
  }

  // 4. NOT_APPLIED
  if (s === 408) return fail('request-timeout');
  if (s === 429) return fail('too-many-requests');
  if (flagsApply && env.Locked) return fail('locked');

  // 5. AMBIGUOUS
  if (s >= 500) return fail('server-error');
  if (is2xx && !env) return fail('protocol', { detail: protocolDetail(reading) });
  if (flagsApply && env.VpeUnreachable) return fail('service-unreachable');

  // 6. REJECTED
  if (s === 404) return fail('not-found');
  if (s >= 400) return fail('rejected');
  if (!is2xx) return fail('protocol', { detail: `unexpected HTTP status ${s}` });
  if (!env!.Success) return fail('rejected');

  // 7. OK (the caller still checks for the id the call must return)
  return { ok: true, json: json!, envelope: env! };
}

function protocolDetail(reading: BodyReading): string {
  switch (reading.kind) {
    case 'empty':
      return 'the answer was empty';
    case 'not-json':
      return 'the answer was not JSON (an error page?)';
    case 'unparseable':
      return 'the answer was not complete JSON';
    case 'json-not-envelope':
      return 'the answer had no Success field';
    case 'bad-envelope':
      return reading.problem;
    default:
      return 'the answer had an unexpected shape';
  }
}
