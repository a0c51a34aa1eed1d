// Trying a TrustID environment before it is saved, the kiosk's own sign-in as it stands, and
// undoing an environment switch that went wrong (issue 11 §2, §3). Runtime-agnostic.
import { z } from 'zod';
import { SecretName, TrustIdEnvironment } from './settings';

const Secret = z.string().min(1).max(4096);

/** What to try: the entered values, each secret falling back to the stored one when left out. */
export const ConnectionTestRequest = z.strictObject({
  environment: TrustIdEnvironment,
  customBaseUrl: z.string().max(2048).optional(),
  apiKey: Secret.optional(),
  username: Secret.optional(),
  password: Secret.optional(),
});
export type ConnectionTestRequest = z.infer<typeof ConnectionTestRequest>;

/**
 * Plain outcomes the renderer words in the staff member's language:
 * ok (signed in), demo (nothing to test), incomplete (a secret is neither entered nor stored),
 * invalid-address, refused (user name or password), locked-account, password-change-required,
 * not-allowed (API key, access or device refused), unreachable (network, timeout),
 * not-trustid (the address answers, but not as TrustID), trustid-error (TrustID failed).
 */
export const ConnectionOutcome = z.enum([
  'ok',
  'demo',
  'incomplete',
  'invalid-address',
  'refused',
  'locked-account',
  'password-change-required',
  'not-allowed',
  'unreachable',
  'not-trustid',
  'trustid-error',
]);
export type ConnectionOutcome = z.infer<typeof ConnectionOutcome>;

export const ConnectionTestResult = z.strictObject({ outcome: ConnectionOutcome, missing: z.array(SecretName) });
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

/** The environment in use before the last switch, kept so a failed switch can be undone. */
export const PreviousTrustId = z.strictObject({ environment: TrustIdEnvironment, customBaseUrl: z.string().nullable(), changedAt: z.number().int() });
export type PreviousTrustId = z.infer<typeof PreviousTrustId>;

export const trustIdCheckInvoke = {
  'trustid.testConnection': { req: ConnectionTestRequest, res: ConnectionTestResult },
  'trustid.previous': { req: z.void(), res: PreviousTrustId.nullable() },
  'trustid.revert': { req: z.void(), res: z.void() },
} as const;
