// The TrustID client's typed errors become the machine's CallOutcome (§4), and the client options
// the protocol needs are forced.
import { describe, expect, it } from 'vitest';
import { outcomeOfError, syncClientOptions } from '../../../../main/sync/trustid-adapter';
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
});
