// The WebSocket frame codec both ends use: frames survive encode → decode unchanged, and hostile
// frames (oversized, not JSON, unknown keys, wrong types) are refused in fixed words that never
// repeat what was sent.
import { describe, expect, it } from 'vitest';
import {
  credentialFromProtocols,
  credentialProtocol,
  decodeHostFrame,
  decodeRequest,
  encodeHostFrame,
  encodeRequest,
  frameRefusalMessages,
  MAX_FRAME_CHARS,
  refusalFrame,
  unreadableAnswer,
  WS_PROTOCOL,
} from '../../../../preload/contract/websocket-frames';

const marker = '<svg onload=alert(1)>';

describe('websocket frames', () => {
  it('round-trips a request, a response, an event and the hello', () => {
    const request = { id: 7, channel: 'capture.start', payload: { documentType: 'passport' } };
    expect(decodeRequest(encodeRequest(request))).toEqual({ ok: true, frame: request });
    expect(decodeRequest(encodeRequest({ id: 8, channel: 'health.get', payload: undefined }))).toEqual({ ok: true, frame: { id: 8, channel: 'health.get' } });

    const ok = { id: 7, envelope: { ok: true as const, value: { state: 'ready' } } };
    const failed = { id: null, envelope: { ok: false as const, code: 'contract.invalid-payload', message: 'No.' } };
    const worded = { id: 2, envelope: { ok: false as const, code: 'store.disk-full', message: 'Full.', params: { freeMb: 12 } } };
    expect(decodeHostFrame(encodeHostFrame(worded))).toEqual({ kind: 'response', frame: worded });
    const event = { event: 'devices.changed', payload: [] };
    const hello = { hello: { secret: 'abc' } };
    expect(decodeHostFrame(encodeHostFrame(ok))).toEqual({ kind: 'response', frame: ok });
    expect(decodeHostFrame(encodeHostFrame(failed))).toEqual({ kind: 'response', frame: failed });
    expect(decodeHostFrame(encodeHostFrame(event))).toEqual({ kind: 'event', frame: event });
    expect(decodeHostFrame(encodeHostFrame(hello))).toEqual({ kind: 'hello', frame: hello });
    // A void answer: JSON drops `value: undefined`, and the frame still reads.
    expect(decodeHostFrame(encodeHostFrame({ id: 3, envelope: { ok: true, value: undefined } }))).toEqual({ kind: 'response', frame: { id: 3, envelope: { ok: true } } });
  });

  it('refuses hostile requests, naming only how they were wrong', () => {
    const cases: Array<[unknown, string, number | null]> = [
      [null, 'not-text', null],
      [`"${marker}${'x'.repeat(MAX_FRAME_CHARS)}"`, 'too-large', null],
      [`{${marker}`, 'not-json', null],
      [JSON.stringify([1, 2]), 'wrong-shape', null],
      [JSON.stringify({ id: 'x', channel: 5 }), 'wrong-shape', null],
      [JSON.stringify({ id: 1.5, channel: 'health.get' }), 'wrong-shape', null],
      [JSON.stringify({ id: -1, channel: 'health.get' }), 'wrong-shape', null],
      [JSON.stringify({ id: 4, channel: 'health.get', [marker]: 1 }), 'wrong-shape', 4],
      [JSON.stringify({ id: 5, channel: `${marker}${'h'.repeat(1000)}` }), 'wrong-shape', 5],
      [JSON.stringify({ id: 6 }), 'wrong-shape', 6],
    ];
    for (const [text, refusal, id] of cases) {
      const decoded = decodeRequest(text as string | null);
      expect(decoded, String(text).slice(0, 40)).toEqual({ ok: false, refusal, id });
      if (decoded.ok) continue;
      const answer = encodeHostFrame(refusalFrame(decoded.refusal, decoded.id, 'contract.invalid-payload'));
      expect(answer).not.toContain('svg');
      expect(answer.length).toBeLessThan(200);
      expect(JSON.parse(answer)).toEqual({ id, envelope: { ok: false, code: 'contract.invalid-payload', message: frameRefusalMessages[decoded.refusal] } });
    }
  });

  it('drops host frames that are not ours, and ends a call whose answer cannot be read', () => {
    for (const text of [null, 42, '{', '[]', JSON.stringify({ event: 5 }), JSON.stringify({ event: 'a.b', payload: 1, extra: 1 }), JSON.stringify({ hello: { secret: 'a', more: 1 } }), JSON.stringify({ id: 'x', envelope: { ok: true } }), `"${'x'.repeat(MAX_FRAME_CHARS)}"`]) {
      expect(decodeHostFrame(text), String(text).slice(0, 40)).toBeNull();
    }
    for (const envelope of [{ ok: true, value: 1, extra: marker }, { ok: false, code: 'Not A Code', message: marker }, { ok: false, code: 'a.b', message: 'm', params: { n: [marker] } }, { ok: 'yes' }]) {
      expect(decodeHostFrame(JSON.stringify({ id: 9, envelope }))).toEqual({
        kind: 'response',
        frame: { id: 9, envelope: { ok: false, code: 'contract.transport-error', message: unreadableAnswer } },
      });
    }
  });

  it('offers the credential as a subprotocol beside ours, and finds it only there', () => {
    const offered = [WS_PROTOCOL, credentialProtocol({ kind: 'ticket', value: 'once' })];
    expect(offered).toEqual(['scan-station.v1', 't.once']);
    expect(credentialFromProtocols(offered)).toEqual({ kind: 'ticket', value: 'once' });
    expect(credentialFromProtocols([WS_PROTOCOL, credentialProtocol({ kind: 'secret', value: 'abc' })])).toEqual({ kind: 'secret', value: 'abc' });
    expect(credentialFromProtocols(['k.abc'])).toBeNull();
    expect(credentialFromProtocols([WS_PROTOCOL])).toBeNull();
  });
});
