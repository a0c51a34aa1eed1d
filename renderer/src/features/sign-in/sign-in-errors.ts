// The sign-in failures that get a screen of their own rather than a line under the form
// (issue 6 §1: lockout and "password change required"). Renderer process.
import { BridgeError } from '../../bridge';

export const LOCKED_ACCOUNT = 'session.locked-account';
export const PASSWORD_CHANGE_REQUIRED = 'session.password-change-required';

export type SignInFailure = { kind: 'locked'; message: string } | { kind: 'change-password'; message: string } | { kind: 'error'; message: string };

export function classifySignInError(error: unknown): SignInFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BridgeError && error.code === LOCKED_ACCOUNT) return { kind: 'locked', message };
  if (error instanceof BridgeError && error.code === PASSWORD_CHANGE_REQUIRED) return { kind: 'change-password', message };
  return { kind: 'error', message };
}
