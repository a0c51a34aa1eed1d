// One HTTP request/response over an undici dispatcher, with a hard deadline, a response size cap,
// upload progress in bytes and an exact record of whether the request reached a socket.
// Runs in main (plain Node).
//
// Why a raw dispatch handler instead of undici's request()/fetch(): SUBMISSION-PROTOCOL §4 needs
// to tell "failed before the request was written" (NOT_APPLIED) from "failed after" (AMBIGUOUS).
// undici calls a handler's onConnect just before it writes the request head to a live socket, so
// an error before onConnect provably sent nothing. onBodySent reports the bytes handed to the
// socket, which is what upload progress should count.
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';

export type ExchangeRequest = {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A string or bytes, or a stream (then `headers['content-length']` must be set). */
  body?: string | Uint8Array | Readable;
  /** Whole-call deadline from dispatch to the last response byte (RAW-API §1.10). */
  deadlineMs: number;
  /** Answers larger than this are cut off and reported as `too-large`. */
  maxResponseBytes: number;
  /** Called with the running total of request body bytes handed to the socket. */
  onBodySent?: (bytesSent: number) => void;
};

export type ExchangeResponse = {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
};

export type ExchangeFailureReason =
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'reset'
  | 'tls'
  | 'proxy'
  | 'connect-timeout'
  | 'deadline'
  | 'too-large'
  | 'request-body'
  | 'other';

/** Transport-level failure. `written` is false only when no byte of the request can have left. */
export class ExchangeFailure extends Error {
  override readonly name = 'ExchangeFailure';
  constructor(
    readonly reason: ExchangeFailureReason,
    readonly written: boolean,
    /** True once a response status line arrived (the failure then happened while reading the body). */
    readonly responseStarted: boolean,
    /** The underlying error's code, e.g. ECONNREFUSED or UND_ERR_SOCKET; never a message with data in it. */
    readonly causeCode: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTlsCode(code: string | undefined, error: unknown): boolean {
  if (!code) return error instanceof Error && /certificate|ssl|tls/i.test(error.message);
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.startsWith('CERT_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'HOSTNAME_MISMATCH'
  );
}

/** Maps an undici/Node error to a reason. Exported for tests. */
export function failureReason(error: unknown): ExchangeFailureReason {
  const code = errorCode(error);
  // undici wraps a certificate failure inside a proxy tunnel; the cause says what really happened.
  if (code === 'UND_ERR_PRX_TLS') return 'tls';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'connect-timeout';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'deadline';
  if (code && DNS_CODES.has(code)) return 'dns';
  if (code && REFUSED_CODES.has(code)) return 'refused';
  if (code && UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (code && RESET_CODES.has(code)) return 'reset';
  if (isTlsCode(code, error)) return 'tls';
  if (error instanceof Error && /proxy/i.test(error.message)) return 'proxy';
  return 'other';
}

function headerMap(raw: Buffer[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const value = String(raw[i + 1]);
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/**
 * Sends one request and collects the whole answer. Never hangs: the deadline settles the promise
 * even if undici has not yet given the request a socket (in which case it is cancelled as soon as
 * it gets one, so it is never written late).
 */
export function exchange(dispatcher: Dispatcher, req: ExchangeRequest): Promise<ExchangeResponse> {
  return new Promise<ExchangeResponse>((resolve, reject) => {
    let settled = false;
    let written = false;
    let abort: ((reason?: Error) => void) | null = null;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let received = 0;
    let sent = 0;

    const fail = (failure: ExchangeFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(failure);
    };
    const cancel = (failure: ExchangeFailure) => {
      fail(failure);
      abort?.(failure);
    };

    const timer = setTimeout(() => {
      cancel(
        new ExchangeFailure(
          'deadline',
          written,
          status !== 0,
          undefined,
          `no complete answer within ${req.deadlineMs} ms${written ? '' : ' (the request never reached a connection)'}`,
        ),
      );
    }, req.deadlineMs);

    // Typed by hand: undici's .d.ts lags its runtime for the legacy hooks (onBodySent gets the chunk).
    const handler = {
      onConnect(abortRequest: (reason?: Error) => void) {
        if (settled) {
          abortRequest(new Error('deadline passed before the request got a connection'));
          return;
        }
        abort = abortRequest;
        written = true;
      },
      onHeaders(statusCode: number, rawHeaders: Buffer[] | null) {
        if (settled) return false;
        if (statusCode < 200) return true; // 1xx informational: the real answer follows
        status = statusCode;
        headers = headerMap(rawHeaders);
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > req.maxResponseBytes) {
          cancel(new ExchangeFailure('too-large', true, true, undefined, `the answer is ${declared} bytes, over the ${req.maxResponseBytes}-byte limit`));
          return false;
        }
        return true;
      },
      onData(chunk: Buffer) {
        if (settled) return false;
        received += chunk.length;
        if (received > req.maxResponseBytes) {
          cancel(new ExchangeFailure('too-large', true, true, undefined, `the answer exceeded the ${req.maxResponseBytes}-byte limit`));
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) });
      },
      onError(error: Error) {
        if (settled) return;
        if (error instanceof ExchangeFailure) return fail(error);
        const reason = req.body && written && isBodyStreamError(error) ? 'request-body' : failureReason(error);
        fail(new ExchangeFailure(reason, written, status !== 0, errorCode(error), describe(reason, errorCode(error))));
      },
      onBodySent(chunk: unknown) {
        sent += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0;
        req.onBodySent?.(sent);
      },
    };

    try {
      dispatcher.dispatch(
        {
          origin: req.url.origin,
          path: `${req.url.pathname}${req.url.search}`,
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          // undici's own timers as a second line; the deadline above is the one that counts.
          headersTimeout: req.deadlineMs + 1000,
          bodyTimeout: req.deadlineMs + 1000,
        },
        handler as unknown as Dispatcher.DispatchHandler,
      );
    } catch (error) {
      fail(new ExchangeFailure('other', false, false, errorCode(error), describe('other', errorCode(error))));
    }
  });
}

/** A stream body that failed while being read (a file vanished mid-upload) surfaces as its own error. */
function isBodyStreamError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'EIO';
}

function describe(reason: ExchangeFailureReason, code: string | undefined): string {
  const suffix = code ? ` (${code})` : '';
  switch (reason) {
    case 'dns':
      return `the server name could not be resolved${suffix}`;
    case 'refused':
      return `the connection was refused${suffix}`;
    case 'unreachable':
      return `the server could not be reached${suffix}`;
    case 'reset':
      return `the connection was closed unexpectedly${suffix}`;
    case 'tls':
      return `the secure connection failed${suffix}`;
    case 'proxy':
      return `the proxy refused the connection${suffix}`;
    case 'connect-timeout':
      return `the connection could not be opened in time${suffix}`;
    case 'deadline':
      return `no answer in time${suffix}`;
    case 'too-large':
      return `the answer was too large${suffix}`;
    case 'request-body':
      return `the data being sent could not be read${suffix}`;
    default:
      return `the request failed${suffix}`;
  }
}
