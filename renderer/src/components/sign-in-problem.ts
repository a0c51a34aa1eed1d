// Whether main reports that TrustID refuses the kiosk's own sign-in (health component code
// `trustid.sign-in-<outcome>`), so the status pills say so instead of "Online" (issue 11 §2).
// Renderer process.
import type { Health } from '../../../preload/contract';

const PREFIX = 'trustid.sign-in-';
const KNOWN = ['refused', 'locked-account', 'password-change-required', 'not-allowed', 'not-trustid', 'invalid-address'] as const;
export type SignInProblem = (typeof KNOWN)[number];

export function signInProblem(health: Health | null): SignInProblem | null {
  const code = health?.components.find((c) => c.code?.startsWith(PREFIX))?.code;
  const outcome = code?.slice(PREFIX.length);
  return (KNOWN as readonly string[]).includes(outcome ?? '') ? (outcome as SignInProblem) : null;
}
