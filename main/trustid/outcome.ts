// SUBMISSION-PROTOCOL §4: every call's result falls into exactly one outcome class, which the
// submission state machine acts on. Pure; runs in main (plain Node).
import { isTrustIdError } from './errors';
import type { TrustIdErrorKind } from './errors';

export const OutcomeClass = {
  CONFIG: 'CONFIG',
  SESSION: 'SESSION',
  AUTH: 'AUTH',
  NOT_APPLIED: 'NOT_APPLIED',
  AMBIGUOUS: 'AMBIGUOUS',
  REJECTED: 'REJECTED',
  OK: 'OK',
} as const;
export type OutcomeClass = (typeof OutcomeClass)[keyof typeof OutcomeClass];

/** The class of each error kind that does not depend on anything else. */
const FIXED: Partial<Record<TrustIdErrorKind, OutcomeClass>> = {
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
  // Nothing left the kiosk (a missing file, bad arguments): provably not applied.
  'invalid-request': 'NOT_APPLIED',
  'server-error': 'AMBIGUOUS',
  'service-unreachable': 'AMBIGUOUS',
  protocol: 'AMBIGUOUS',
  'not-found': 'REJECTED',
  rejected: 'REJECTED',
};

/**
 * Classifies what a client call produced: a thrown error or a result.
 *
 * - Anything that is not an Error is a result: `OK`. (The client only returns once it has checked
 *   `Success:true` and the id the call must return.)
 * - A network failure is `NOT_APPLIED` only when the request provably never reached a socket
 *   (DNS, refused, TLS, connect timeout); once written it is `AMBIGUOUS`.
 * - A timeout while connecting is `NOT_APPLIED`; waiting for the answer, `AMBIGUOUS`.
 * - Any other error (a bug, an unknown failure) is `AMBIGUOUS`: the only safe assumption when it
 *   is unknown whether the server acted.
 */
export function classifyOutcome(outcome: unknown): OutcomeClass {
  if (!(outcome instanceof Error)) return 'OK';
  if (!isTrustIdError(outcome)) return 'AMBIGUOUS';
  const fixed = FIXED[outcome.kind];
  if (fixed) return fixed;
  switch (outcome.kind) {
    case 'network':
      return outcome.details.written === false ? 'NOT_APPLIED' : 'AMBIGUOUS';
    case 'timeout':
      return outcome.details.phase === 'connect' && outcome.details.written !== true ? 'NOT_APPLIED' : 'AMBIGUOUS';
    default:
      return 'AMBIGUOUS';
  }
}

/** SUBMISSION-PROTOCOL §5 / §8: failures of the transport itself count toward the offline gate. */
export function isTransportFailure(outcome: unknown): boolean {
  return isTrustIdError(outcome) && (outcome.kind === 'network' || outcome.kind === 'timeout');
}
