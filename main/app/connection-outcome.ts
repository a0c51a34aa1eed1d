// A TrustID failure as one of the plain outcomes staff are shown (Settings → Test connection, the
// status pill). Pure; runs in main.
import type { ConnectionOutcome } from '../../preload/contract';
import { isTrustIdError } from '../trustid';
import { BaseUrlError } from '../trustid/base-url';

export function connectionOutcomeOf(error: unknown): Exclude<ConnectionOutcome, 'ok' | 'demo' | 'incomplete'> {
  if (error instanceof BaseUrlError) return 'invalid-address';
  if (!isTrustIdError(error)) return 'trustid-error';
  switch (error.kind) {
    case 'invalid-credentials':
      return 'refused';
    case 'locked-account':
      return 'locked-account';
    case 'password-change-required':
    case 'mfa-required':
      return 'password-change-required';
    case 'access-denied':
    case 'desktop-client-denied':
    case 'incompatible-version':
      return 'not-allowed';
    case 'configuration':
    case 'protocol':
    case 'not-found':
      return 'not-trustid';
    case 'network':
    case 'timeout':
    case 'request-timeout':
    case 'service-unreachable':
      return 'unreachable';
    default:
      return 'trustid-error';
  }
}
