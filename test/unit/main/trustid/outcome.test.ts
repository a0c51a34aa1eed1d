import { describe, expect, it } from 'vitest';
import { TrustIdError } from '../../../../main/trustid/errors';
import type { TrustIdErrorDetails, TrustIdErrorKind } from '../../../../main/trustid/errors';
import { classifyOutcome, isTransportFailure } from '../../../../main/trustid/outcome';
import type { OutcomeClass } from '../../../../main/trustid/outcome';

const err = (kind: TrustIdErrorKind, details: Partial<TrustIdErrorDetails> = {}) => new TrustIdError(kind, { operation: 'createDocument', ...details });

/** Every kind with its class; kinds whose class depends on details are listed per variant below. */
const FIXED: Record<Exclude<TrustIdErrorKind, 'network' | 'timeout'>, OutcomeClass> = {
  configuration: 'CONFIG',
  'access-denied': 'CONFIG',
  'desktop-client-denied': 'CONFIG',
  'incompatible-version': 'CONFIG',
  'session-expired': 'SESSION',
  'invalid-credentials': 'AUTH',
  'locked-account': 'AUTH',
  'password-change-required': 'AUTH',
  'mfa-required': 'AUTH',
  'too-many-requests': 'NOT_APPLIED',
  'request-timeout': 'NOT_APPLIED',
  locked: 'NOT_APPLIED',
  'invalid-request': 'NOT_APPLIED',
  'server-error': 'AMBIGUOUS',
  'service-unreachable': 'AMBIGUOUS',
  protocol: 'AMBIGUOUS',
  'not-found': 'REJECTED',
  rejected: 'REJECTED',
};

describe('classifyOutcome (SUBMISSION-PROTOCOL §4)', () => {
  it('gives every error kind the class of the protocol table', () => {
    for (const [kind, expected] of Object.entries(FIXED)) {
      expect([kind, classifyOutcome(err(kind as TrustIdErrorKind))]).toEqual([kind, expected]);
      // Details that matter for network errors never change these.
      expect(classifyOutcome(err(kind as TrustIdErrorKind, { written: false, httpStatus: 500 }))).toBe(expected);
    }
  });

  it('calls a network failure NOT_APPLIED only when the request provably never left', () => {
    for (const reason of ['dns', 'refused', 'unreachable', 'reset', 'tls', 'proxy', 'other'] as const) {
      expect(classifyOutcome(err('network', { networkReason: reason, written: false }))).toBe('NOT_APPLIED');
      expect(classifyOutcome(err('network', { networkReason: reason, written: true }))).toBe('AMBIGUOUS');
      expect(classifyOutcome(err('network', { networkReason: reason }))).toBe('AMBIGUOUS');
    }
  });

  it('calls a connect timeout NOT_APPLIED and a response timeout AMBIGUOUS', () => {
    expect(classifyOutcome(err('timeout', { phase: 'connect', written: false }))).toBe('NOT_APPLIED');
    expect(classifyOutcome(err('timeout', { phase: 'response', written: true }))).toBe('AMBIGUOUS');
    expect(classifyOutcome(err('timeout', { phase: 'connect', written: true }))).toBe('AMBIGUOUS');
    expect(classifyOutcome(err('timeout', {}))).toBe('AMBIGUOUS');
  });

  it('calls any result OK, and an error it does not know AMBIGUOUS (the only safe guess)', () => {
    for (const result of [undefined, null, { containerId: 'c' }, 'x', 0, [], Buffer.from('%PDF')]) expect(classifyOutcome(result)).toBe('OK');
    expect(classifyOutcome(new TypeError('boom'))).toBe('AMBIGUOUS');
    expect(classifyOutcome(Object.assign(new Error('x'), { kind: 'rejected' }))).toBe('AMBIGUOUS');
  });

  it('counts only transport failures toward the offline gate', () => {
    expect(isTransportFailure(err('network', { written: false }))).toBe(true);
    expect(isTransportFailure(err('timeout', { phase: 'response' }))).toBe(true);
    expect(isTransportFailure(err('server-error', { httpStatus: 503 }))).toBe(false);
    expect(isTransportFailure(new Error('x'))).toBe(false);
  });

  it('gives every kind a code of the form trustid.<kind> and a message that says what to do', () => {
    for (const kind of [...Object.keys(FIXED), 'network', 'timeout'] as TrustIdErrorKind[]) {
      const e = err(kind, { httpStatus: 500, written: true, phase: 'response', timeoutMs: 30_000 });
      expect(e.code).toBe(`trustid.${kind}`);
      expect(e.message.length).toBeGreaterThan(30);
      expect(e.message).toMatch(/\.$|"$/);
    }
  });
});
