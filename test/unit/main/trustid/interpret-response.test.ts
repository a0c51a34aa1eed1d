import { describe, expect, it } from 'vitest';
import type { TrustIdOperation } from '../../../../main/trustid/errors';
import { interpretResponse, readEnvelopeBody } from '../../../../main/trustid/interpret-response';
import type { InterpretContext, RawAnswer } from '../../../../main/trustid/interpret-response';
import { classifyOutcome } from '../../../../main/trustid/outcome';
import type { OutcomeClass } from '../../../../main/trustid/outcome';

const NOW = Date.UTC(2026, 0, 1);
const ctx = (operation: TrustIdOperation, extra: Partial<InterpretContext> = {}): InterpretContext => ({
  operation,
  afterRenewal: false,
  sessionUnproven: false,
  nowMs: NOW,
  redact: (t) => t.replaceAll('SECRET', '[redacted]'),
  ...extra,
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}): RawAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(body)),
});
const raw = (status: number, text: string, headers: Record<string, string> = {}): RawAnswer => ({ status, headers, body: Buffer.from(text) });
const env = (fields: Record<string, unknown>) => ({ Success: false, Message: 'x', ...fields });

function kindOf(answer: RawAnswer, c: InterpretContext): string {
  const r = interpretResponse(answer, c);
  return r.ok ? 'ok' : r.error.kind;
}

describe('reading a response body', () => {
  it('parses JSON when the Content-Type says so or when the body starts with "{"', () => {
    expect(readEnvelopeBody({ 'content-type': 'application/json' }, Buffer.from('{"Success":true}')).kind).toBe('envelope');
    expect(readEnvelopeBody({}, Buffer.from('  {"Success":true}')).kind).toBe('envelope');
    expect(readEnvelopeBody({ 'content-type': 'text/html' }, Buffer.from('{"Success":false}')).kind).toBe('envelope');
    expect(readEnvelopeBody({}, Buffer.from('\ufeff{"Success":true}')).kind).toBe('envelope');
  });

  it('tells HTML pages, empty bodies, truncated JSON and JSON without Success apart', () => {
    expect(readEnvelopeBody({ 'content-type': 'text/html' }, Buffer.from('<html>oops</html>')).kind).toBe('not-json');
    expect(readEnvelopeBody({ 'content-type': 'application/json' }, Buffer.alloc(0)).kind).toBe('empty');
    expect(readEnvelopeBody({ 'content-type': 'application/json' }, Buffer.from('{"Success":tr')).kind).toBe('unparseable');
    expect(readEnvelopeBody({}, Buffer.from('{"Result":1}')).kind).toBe('json-not-envelope');
    expect(readEnvelopeBody({}, Buffer.from('{"Success":"true"}')).kind).toBe('json-not-envelope');
  });

  it('reports a base field of the wrong type by name', () => {
    const reading = readEnvelopeBody({}, Buffer.from('{"Success":false,"SessionExpired":"yes"}'));
    expect(reading.kind).toBe('bad-envelope');
    expect(reading.kind === 'bad-envelope' && reading.problem).toContain('envelope.SessionExpired');
  });
});

describe('interpreting an answer (RAW-API §1.7, SUBMISSION-PROTOCOL §4)', () => {
  it('accepts Success:true and treats absent flags as false', () => {
    const r = interpretResponse(json(200, { Success: true, ContainerId: 'c' }), ctx('createDocumentContainer'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.envelope.SessionExpired).toBe(false);
    expect(r.ok && r.json.ContainerId).toBe('c');
  });

  it('reports a business failure as rejected with the server message, redacted', () => {
    const r = interpretResponse(json(200, env({ Message: 'Document container not found. SECRET' })), ctx('createDocument'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('rejected');
    expect(r.error.details.serverMessage).toBe('Document container not found. [redacted]');
    expect(r.error.message).not.toContain('SECRET');
  });

  it('maps each envelope flag to its error', () => {
    expect(kindOf(json(200, env({ SessionExpired: true })), ctx('createDocument'))).toBe('session-expired');
    expect(kindOf(json(200, env({ AccessDenied: true })), ctx('createDocument'))).toBe('access-denied');
    expect(kindOf(json(200, env({ Locked: true })), ctx('createDocument'))).toBe('locked');
    expect(kindOf(json(200, env({ VpeUnreachable: true })), ctx('createDocument'))).toBe('service-unreachable');
  });

  it('classifies every login failure flag, and a login without a usable SessionId as bad credentials', () => {
    expect(kindOf(json(200, env({})), ctx('login'))).toBe('invalid-credentials');
    expect(kindOf(json(200, env({ LockedUserAccount: true })), ctx('login'))).toBe('locked-account');
    expect(kindOf(json(200, env({ NewPasswordRequired: true })), ctx('login'))).toBe('password-change-required');
    expect(kindOf(json(200, env({ MfaCodeRequired: true })), ctx('login'))).toBe('mfa-required');
    expect(kindOf(json(200, env({ DesktopClientDenied: true })), ctx('login'))).toBe('desktop-client-denied');
    expect(kindOf(json(200, env({ IncompatibleServiceVersion: true })), ctx('login'))).toBe('incompatible-version');
    expect(kindOf(json(200, env({ AccessDenied: true })), ctx('login'))).toBe('access-denied');
    // RAW-API §16 #18
    expect(kindOf(json(200, { Success: true }), ctx('login'))).toBe('invalid-credentials');
    expect(kindOf(json(200, { Success: true, SessionId: '' }), ctx('login'))).toBe('invalid-credentials');
    expect(kindOf(json(200, { Success: true, SessionId: '00000000-0000-0000-0000-000000000000' }), ctx('login'))).toBe('invalid-credentials');
    expect(kindOf(json(200, { Success: true, LockedUserAccount: true }), ctx('login'))).toBe('locked-account');
    expect(kindOf(json(200, { Success: true, SessionId: 's-1' }), ctx('login'))).toBe('ok');
  });

  it('ignores login-only flags on other calls', () => {
    expect(kindOf(json(200, env({ DesktopClientDenied: true, LockedUserAccount: true })), ctx('publishDocumentContainer'))).toBe('rejected');
  });

  it('does not let a stray flag on Success:true undo an operation that was carried out', () => {
    expect(kindOf(json(200, { Success: true, SessionExpired: true, DocumentId: 'd' }), ctx('createDocument'))).toBe('ok');
    expect(kindOf(json(200, { Success: true, Locked: true }), ctx('createDocument'))).toBe('ok');
  });

  it('treats HTTP 401 as session expiry, except on login, after a renewal or on an unproven session (API key)', () => {
    expect(kindOf(raw(401, ''), ctx('createDocument'))).toBe('session-expired');
    expect(kindOf(json(401, env({ SessionExpired: true })), ctx('createDocument'))).toBe('session-expired');
    expect(kindOf(raw(401, ''), ctx('login'))).toBe('access-denied');
    expect(kindOf(raw(401, ''), ctx('createDocument', { afterRenewal: true }))).toBe('access-denied');
    expect(kindOf(raw(401, ''), ctx('createDocument', { sessionUnproven: true }))).toBe('access-denied');
    expect(kindOf(raw(403, '<html>Forbidden</html>'), ctx('createDocument'))).toBe('access-denied');
  });

  it('treats redirects and a 404 that is not TrustID as configuration errors, a 404 envelope as not found', () => {
    const redirect = interpretResponse(raw(302, '', { location: 'https://elsewhere/' }), ctx('login'));
    expect(!redirect.ok && redirect.error.kind).toBe('configuration');
    expect(!redirect.ok && redirect.error.details.configurationReason).toBe('redirect');
    expect(kindOf(raw(404, '<html>Not Found</html>'), ctx('login'))).toBe('configuration');
    expect(kindOf(json(404, env({ Message: 'Endpoint not found.' })), ctx('createDocument'))).toBe('not-found');
  });

  it('reads 408, 429, 5xx and Retry-After in both forms', () => {
    expect(kindOf(raw(408, ''), ctx('createDocument'))).toBe('request-timeout');
    const tooMany = interpretResponse(raw(429, '', { 'retry-after': '7' }), ctx('createDocument'));
    expect(!tooMany.ok && tooMany.error.kind).toBe('too-many-requests');
    expect(!tooMany.ok && tooMany.error.retryAfterMs).toBe(7000);
    const busy = interpretResponse(raw(503, '<html/>', { 'retry-after': new Date(NOW + 30_000).toUTCString() }), ctx('uploadImage'));
    expect(!busy.ok && busy.error.kind).toBe('server-error');
    expect(!busy.ok && busy.error.retryAfterMs).toBe(30_000);
    expect(!busy.ok && busy.error.httpStatus).toBe(503);
  });

  it('treats 413 and 415 as definitive rejections of an upload (RAW-API §16 #10)', () => {
    expect(kindOf(raw(413, ''), ctx('uploadImage'))).toBe('rejected');
    expect(kindOf(raw(415, ''), ctx('uploadImage'))).toBe('rejected');
  });

  it('treats an unreadable 2xx as a protocol error and says what was wrong', () => {
    const html = interpretResponse(raw(200, '<html>proxy login</html>', { 'content-type': 'text/html' }), ctx('publishDocumentContainer'));
    expect(!html.ok && html.error.kind).toBe('protocol');
    expect(!html.ok && html.error.details.detail).toContain('not JSON');
    expect(kindOf(raw(200, ''), ctx('publishDocumentContainer'))).toBe('protocol');
    expect(kindOf(raw(200, '{"Success":tr', { 'content-type': 'application/json' }), ctx('publishDocumentContainer'))).toBe('protocol');
    const badFlag = interpretResponse(raw(200, '{"Success":true,"Locked":1}'), ctx('publishDocumentContainer'));
    expect(!badFlag.ok && badFlag.error.details.detail).toContain('envelope.Locked');
  });
});

// ---- exhaustive: the whole §4 table, written out independently, against interpret + classify ----

type Body = { kind: 'envelope'; success: boolean; flags: string[]; sessionId: boolean } | { kind: 'html' } | { kind: 'empty' } | { kind: 'truncated' };

const STATUSES = [200, 201, 301, 302, 307, 400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 429, 500, 502, 503, 504];
const FLAG_SETS: string[][] = [
  [],
  ['AccessDenied'],
  ['SessionExpired'],
  ['Locked'],
  ['VpeUnreachable'],
  ['LockedUserAccount'],
  ['NewPasswordRequired'],
  ['MfaCodeRequired'],
  ['DesktopClientDenied'],
  ['IncompatibleServiceVersion'],
  ['Locked', 'SessionExpired'],
  ['AccessDenied', 'SessionExpired'],
  ['VpeUnreachable', 'Locked'],
  ['LockedUserAccount', 'DesktopClientDenied'],
];

function bodies(): Body[] {
  const out: Body[] = [{ kind: 'html' }, { kind: 'empty' }, { kind: 'truncated' }];
  for (const success of [true, false]) for (const flags of FLAG_SETS) for (const sessionId of [true, false]) out.push({ kind: 'envelope', success, flags, sessionId });
  return out;
}

function answerFor(status: number, body: Body): RawAnswer {
  switch (body.kind) {
    case 'html':
      return raw(status, '<html><body>Service Unavailable</body></html>', { 'content-type': 'text/html' });
    case 'empty':
      return raw(status, '');
    case 'truncated':
      return raw(status, '{"Success":true,"Mess', { 'content-type': 'application/json' });
    case 'envelope': {
      const fields: Record<string, unknown> = { Success: body.success, Message: 'm' };
      for (const f of body.flags) fields[f] = true;
      if (body.sessionId) fields.SessionId = 'sess-1';
      return json(status, fields);
    }
  }
}

/** SUBMISSION-PROTOCOL §4, first match wins, with the two readings documented in interpret-response.ts. */
function reference(status: number, body: Body, login: boolean, afterRenewal: boolean, unproven: boolean): OutcomeClass {
  const is2xx = status >= 200 && status < 300;
  const isEnv = body.kind === 'envelope';
  const failing = isEnv && (!is2xx || !body.success);
  const flag = (f: string) => failing && body.kind === 'envelope' && body.flags.includes(f);
  if (status >= 300 && status < 400) return 'CONFIG';
  if (status === 403) return 'CONFIG';
  if (status === 401 && (login || afterRenewal || unproven)) return 'CONFIG';
  if (status === 404 && !isEnv) return 'CONFIG';
  if (flag('AccessDenied')) return 'CONFIG';
  if (login && (flag('DesktopClientDenied') || flag('IncompatibleServiceVersion'))) return 'CONFIG';
  if (flag('SessionExpired') || status === 401) return 'SESSION';
  if (login && is2xx && body.kind === 'envelope' && (!body.success || !body.sessionId)) return 'AUTH';
  if (status === 408 || status === 429 || flag('Locked')) return 'NOT_APPLIED';
  if (status >= 500 || (is2xx && !isEnv) || flag('VpeUnreachable')) return 'AMBIGUOUS';
  if (status >= 400) return 'REJECTED';
  if (body.kind === 'envelope' && !body.success) return 'REJECTED';
  return 'OK';
}

describe('the outcome of every status × body × flags × call combination', () => {
  it('matches SUBMISSION-PROTOCOL §4 read top to bottom', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const status of STATUSES)
      for (const body of bodies())
        for (const operation of ['login', 'createDocument'] as const)
          for (const afterRenewal of [false, true])
            for (const unproven of [false, true]) {
              const r = interpretResponse(answerFor(status, body), ctx(operation, { afterRenewal, sessionUnproven: unproven }));
              const actual = classifyOutcome(r.ok ? r.json : r.error);
              const expected = reference(status, body, operation === 'login', afterRenewal, unproven);
              checked++;
              if (actual !== expected) mismatches.push(`${status} ${JSON.stringify(body)} ${operation} renewal=${afterRenewal} unproven=${unproven}: ${actual} ≠ ${expected}`);
            }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});
