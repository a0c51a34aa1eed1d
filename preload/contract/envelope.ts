// The answer every contract call gets, in both shells. Runtime-agnostic: no electron, node:* or DOM.
import { z } from 'zod';

/** Stable error codes staff-facing text can be looked up by (`<domain>.<reason>`). */
export const ErrorCode = z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** `params`: what the renderer needs to word `code` in the staff member's language (issue 11 §5). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; params?: Record<string, string | number> };

export const FailureEnvelope = z.object({ ok: z.literal(false), code: ErrorCode, message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const SuccessEnvelope = z.object({ ok: z.literal(true), value: z.unknown() });
export const AnyEnvelope = z.discriminatedUnion('ok', [SuccessEnvelope, FailureEnvelope]);

/** The codes the dispatcher itself produces; domains add their own. */
export const contractErrors = {
  unknownChannel: 'contract.unknown-channel',
  invalidPayload: 'contract.invalid-payload',
  internal: 'contract.internal-error',
  transport: 'contract.transport-error',
} as const;
