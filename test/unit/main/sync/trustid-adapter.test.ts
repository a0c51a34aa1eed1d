// The TrustID client's typed errors become the machine's CallOutcome (§4), the client options the
// protocol needs are forced, and captured custom field values become RAW-API §7.8 values.
import { describe, expect, it } from 'vitest';
import { flexibleFieldValuesOf, outcomeOfError, syncClientOptions } from '../../../../main/sync/trustid-adapter';
import { TrustIdError } from '../../../../main/trustid/errors';

describe('TrustID adapter', () => {
  it('keeps the HTTP status and Retry-After, and marks transport failures for the offline gate', () => {
    expect(outcomeOfError(new TrustIdError('too-many-requests', { operation: 'uploadImage', httpStatus: 429, retryAfterMs: 30_000 }))).toMatchObject({
      class: 'NOT_APPLIED',
      httpStatus: 429,
      retryAfterMs: 30_000,
      transportFailure: false,
    });
    expect(outcomeOfError(new TrustIdError('network', { operation: 'uploadImage', written: false, networkReason: 'refused' }))).toMatchObject({ class: 'NOT_APPLIED', transportFailure: true });
    expect(outcomeOfError(new TrustIdError('timeout', { operation: 'publishDocumentContainer', written: true, phase: 'response' }))).toMatchObject({ class: 'AMBIGUOUS', transportFailure: true });
    expect(outcomeOfError(new TrustIdError('session-expired', { operation: 'createDocument', httpStatus: 401 }))).toMatchObject({ class: 'SESSION', httpStatus: 401 });
  });

  it('treats an unknown failure as AMBIGUOUS: the only safe reading when the server may have acted', () => {
    expect(outcomeOfError(new Error('boom'))).toMatchObject({ class: 'AMBIGUOUS', transportFailure: false });
  });

  it('makes the client surface SessionExpired and leave idle renewal to the worker', () => {
    const options = syncClientOptions({ baseUrl: 'http://127.0.0.1:1/', apiKey: 'k', credentials: () => ({ username: 'u', password: 'p' }), deviceIdFile: '/tmp/x', sessionRenewal: 'retry-once' });
    expect(options).toMatchObject({ sessionRenewal: 'surface', renewIdleBeforeUploadMs: 0, baseUrl: 'http://127.0.0.1:1/' });
  });

  it('sends each custom field value under its version id with exactly the value member its kind names', () => {
    const values = flexibleFieldValuesOf([
      { fieldId: 'f1', versionId: 'v1', kind: 'string', value: 'Meeting room 4' },
      { fieldId: 'f2', versionId: 'v2', kind: 'int', value: '-42' },
      { fieldId: 'f3', versionId: 'v3', kind: 'decimal', value: '12.50' },
      { fieldId: 'f4', versionId: 'v4', kind: 'date', value: '2026-02-28' },
    ]);
    expect(values).toEqual([
      { flexibleFieldVersionId: 'v1', string: 'Meeting room 4' },
      { flexibleFieldVersionId: 'v2', int: -42 },
      { flexibleFieldVersionId: 'v3', decimal: 12.5 },
      { flexibleFieldVersionId: 'v4', date: new Date(Date.UTC(2026, 1, 28)) },
    ]);
    for (const v of values) expect(Object.keys(v).filter((k) => k !== 'flexibleFieldVersionId')).toHaveLength(1);
  });

  it('keeps values without a TrustID version id on the kiosk, and never sends one that does not fit its kind', () => {
    expect(
      flexibleFieldValuesOf([
        { fieldId: 'local', kind: 'string', value: 'kept here' },
        { fieldId: 'f2', versionId: 'v2', kind: 'int', value: 'many' },
        { fieldId: 'f3', versionId: 'v3', kind: 'decimal', value: ' ' },
        { fieldId: 'f4', versionId: 'v4', kind: 'date', value: '28/02/2026' },
        { fieldId: 'f5', versionId: 'v5', kind: 'string', value: 'sent' },
      ]),
    ).toEqual([{ flexibleFieldVersionId: 'v5', string: 'sent' }]);
  });
});
