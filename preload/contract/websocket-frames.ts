// The Chromium shell's wire format, written once for both ends: the host (main/host/host-server.ts)
// and the renderer (renderer/src/bridge/websocket-bridge.ts). Every frame is one JSON text message:
// a request from the page, and a response, an event or the hello from the host. Decoding is strict
// (unknown keys, wrong types and oversized frames are refused) and a refusal never repeats what it
// was sent. Runtime-agnostic: no node:*, no DOM, no electron.
import { z } from 'zod';
import { contractErrors, FailureEnvelope, SuccessEnvelope, type ErrorCode, type Envelope } from './envelope';

/**
 * Browsers cannot set headers on a WebSocket, so the page offers its credential as a subprotocol
 * beside this one: `k.<secret>`, or `t.<ticket>` (a one-time ticket from the launcher's URL).
 */
export const WS_PROTOCOL = 'scan-station.v1';

export type WsCredential = { kind: 'secret' | 'ticket'; value: string };

export function credentialProtocol(credential: WsCredential): string {
  return `${credential.kind === 'secret' ? 'k' : 't'}.${credential.value}`;
}

/** The credential among the offered subprotocols, or null without ours or without one. */
export function credentialFromProtocols(offered: readonly string[]): WsCredential | null {
  if (!offered.includes(WS_PROTOCOL)) return null;
  for (const p of offered) {
    if (p.startsWith('k.')) return { kind: 'secret', value: p.slice(2) };
    if (p.startsWith('t.')) return { kind: 'ticket', value: p.slice(2) };
  }
  return null;
}

/** Largest frame either end reads, in characters (camera stills travel this way, ~20 MB of base64). */
export const MAX_FRAME_CHARS = 48 * 1024 * 1024;

/** Longest channel or event name a frame may carry; real ones are a few dozen characters. */
const MAX_NAME_CHARS = 100;

const FrameId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Name = z.string().min(1).max(MAX_NAME_CHARS);

export const RequestFrame = z.strictObject({ id: FrameId, channel: Name, payload: z.unknown().optional() });
export type RequestFrame = z.infer<typeof RequestFrame>;

/** The envelope of envelope.ts, strict; a void answer arrives without `value` (JSON drops undefined). */
const WireEnvelope = z.discriminatedUnion('ok', [
  z.strictObject({ ...SuccessEnvelope.shape, value: z.unknown().optional() }),
  z.strictObject(FailureEnvelope.shape),
]);

/** The answer to a request; `id` is null when the request could not be read far enough to name it. */
export const ResponseFrame = z.strictObject({ id: FrameId.nullable(), envelope: WireEnvelope });
export type ResponseFrame = { id: number | null; envelope: Envelope<unknown> };

export const EventFrame = z.strictObject({ event: Name, payload: z.unknown().optional() });
export type EventFrame = z.infer<typeof EventFrame>;

/** Sent once to a page that connected with a ticket: the secret it reconnects with. */
export const HelloFrame = z.strictObject({ hello: z.strictObject({ secret: z.string().min(1).max(200) }) });
export type HelloFrame = z.infer<typeof HelloFrame>;

export type HostFrame = ResponseFrame | EventFrame | HelloFrame;

/** Why a frame was refused: fixed words, never the frame's own content. */
export type FrameRefusal = 'not-text' | 'too-large' | 'not-json' | 'wrong-shape';

export const frameRefusalMessages: Record<FrameRefusal, string> = {
  'not-text': 'The message was not a contract request: it was not text.',
  'too-large': 'The message was not a contract request: it was too large.',
  'not-json': 'The message was not a contract request: it was not JSON.',
  'wrong-shape': 'The message was not a contract request.',
};

/** Said when the host's answer to a call cannot be read. */
export const unreadableAnswer = 'Scan Station sent an answer this screen could not read. Please try again.';

export type Decoded<T> = { ok: true; frame: T } | { ok: false; refusal: FrameRefusal; id: number | null };

function parseText(text: unknown): { ok: true; value: unknown } | { ok: false; refusal: FrameRefusal } {
  if (typeof text !== 'string') return { ok: false, refusal: 'not-text' };
  if (text.length > MAX_FRAME_CHARS) return { ok: false, refusal: 'too-large' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, refusal: 'not-json' };
  }
}

/** The id of a request that is otherwise unusable, so its caller hears back instead of waiting. */
function idOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = FrameId.safeParse((value as { id?: unknown }).id);
  return id.success ? id.data : null;
}

export function encodeRequest(frame: RequestFrame): string {
  return JSON.stringify(frame);
}

/** A request as the host reads it; `text` is null for a binary message. */
export function decodeRequest(text: string | null): Decoded<RequestFrame> {
  const parsed = parseText(text);
  if (!parsed.ok) return { ok: false, refusal: parsed.refusal, id: null };
  const frame = RequestFrame.safeParse(parsed.value);
  return frame.success ? { ok: true, frame: frame.data } : { ok: false, refusal: 'wrong-shape', id: idOf(parsed.value) };
}

export function encodeHostFrame(frame: HostFrame): string {
  return JSON.stringify(frame);
}

/** The answer the host sends to a frame it refused. */
export function refusalFrame(refusal: FrameRefusal, id: number | null, code: ErrorCode): ResponseFrame {
  return { id, envelope: { ok: false, code, message: frameRefusalMessages[refusal] } };
}

export type DecodedHostFrame = { kind: 'response'; frame: ResponseFrame } | { kind: 'event'; frame: EventFrame } | { kind: 'hello'; frame: HelloFrame };

/** A frame from the host as the page reads it; null for anything that is not one. */
export function decodeHostFrame(text: unknown): DecodedHostFrame | null {
  const parsed = parseText(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const value = parsed.value as Record<string, unknown>;
  if ('hello' in value) {
    const hello = HelloFrame.safeParse(value);
    return hello.success ? { kind: 'hello', frame: hello.data } : null;
  }
  if ('event' in value) {
    const event = EventFrame.safeParse(value);
    return event.success ? { kind: 'event', frame: event.data } : null;
  }
  const response = ResponseFrame.safeParse(value);
  if (response.success) return { kind: 'response', frame: response.data as ResponseFrame };
  // An answer that names its request but cannot be read still ends that call, rather than leave it waiting.
  const id = idOf(value);
  return id === null ? null : { kind: 'response', frame: { id, envelope: { ok: false, code: contractErrors.transport, message: unreadableAnswer } } };
}
