// The request log keeps secrets and personal data out (RAW-API §15.2 GET /__emulator/requests).
import { describe, expect, it } from 'vitest';
import { RequestLog, safeHeaders, safeQuery, summariseJson } from '../../../../../main/demo/emulator/request-log';

describe('request log', () => {
  it('drops the API key, session id, authorization and cookies from headers', () => {
    expect(safeHeaders({ 'tid-api-key': 'k', __tt_sessionid: 's', __tt_deviceid: 'd', authorization: 'a', cookie: 'c', 'content-type': 't' })).toEqual({ __tt_deviceid: 'd', 'content-type': 't' });
    expect(safeQuery(new URLSearchParams('id=1&DeviceId=d&SessionId=s'))).toEqual({ id: '1', DeviceId: 'd' });
  });

  it('keeps field names but only the values of non-secret, non-personal fields', () => {
    const summary = summariseJson({ DeviceId: 'd', Username: 'u', Password: 'p', SessionId: 's', Mrz: 'P<UTO', ContainerId: 'c', Document: { FeedbackPersonMatches: 1 } });
    expect(summary).toEqual({ kind: 'json', fields: ['DeviceId', 'Username', 'Password', 'SessionId', 'Mrz', 'ContainerId', 'Document'], values: { DeviceId: 'd', Username: 'u', ContainerId: 'c' } });
  });

  it('numbers entries and keeps only the newest beyond its limit', () => {
    const log = new RequestLog(2);
    const base = { at: 0, method: 'POST', path: '/', operation: 'x', query: {}, headers: {}, body: { kind: 'none' as const }, status: 200, success: true, message: null, fault: null, outcome: 'answered' as const, ignoredFields: [], durationMs: 0 };
    log.add(base);
    log.add(base);
    log.add(base);
    expect(log.list().map((entry) => entry.seq)).toEqual([2, 3]);
  });
});
