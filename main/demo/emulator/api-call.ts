// What an endpoint handler receives and returns. Handlers are synchronous functions over the
// engine, so a fault can apply an operation and then drop the answer (RAW-API §15.2).
// Runs wherever the emulator runs.
import type { IncomingHttpHeaders } from 'node:http';
import type { Engine } from './engine';
import { ApiFailure, MESSAGES } from './envelope';
import type { JsonBody } from './request-body';
import type { SessionRecord } from './state';
import type { Account } from './users';
import type { WireObject } from './wire-json';

export type Reply =
  | { kind: 'envelope'; status: number; body: WireObject }
  | { kind: 'bytes'; status: number; contentType: string; body: Buffer }
  | { kind: 'html'; status: number; body: string };

export type ApiCall = {
  engine: Engine;
  op: string;
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: JsonBody;
  raw: Buffer;
  /** The raw body was larger than the upload limit and was not kept (§9.3). */
  rawTooLarge: boolean;
  deviceId: string;
  session: SessionRecord | null;
  account: Account | null;
};

export type Handler = (call: ApiCall) => Reply;

export function envelopeReply(body: WireObject, status = 200): Reply {
  return { kind: 'envelope', status, body };
}

export function bytesReply(body: Buffer, contentType: string): Reply {
  return { kind: 'bytes', status: 200, contentType, body };
}

export function emptyReply(status = 200): Reply {
  return { kind: 'bytes', status, contentType: 'application/octet-stream', body: Buffer.alloc(0) };
}

/** The signed-in account; routes that need a session always have one. */
export function accountOf(call: ApiCall): Account {
  if (!call.account) throw new ApiFailure(MESSAGES.sessionExpired, { SessionExpired: true });
  return call.account;
}
