// Guest links (workflow 4) and queued applications prepared at the desk (workflow 3, back office):
// created once at TrustID (SUBMISSION-PROTOCOL §14), kept on the kiosk and followed to their
// result (RAW-API §12.4, §14.3). Runtime-agnostic.
import { z } from 'zod';

/** What staff see, in plain words (API §12.4 and §14.3, plus the create's own states of §14.1). */
export const RemoteCreateState = z.enum([
  'creating',
  'checking',
  'needs-attention',
  'refused',
  'discarded',
  'waiting',
  'being-completed',
  'submitted',
  'referred',
  'result',
  'expired',
  'revoking',
  'revoked',
  'withdrawn',
]);
export type RemoteCreateState = z.infer<typeof RemoteCreateState>;

export const GuestLinkView = z.object({
  reference: z.string(),
  /** Null once purged by the retention rules. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Null when it is unknown (found by a lookup: API §12.3) or purged. */
  url: z.string().nullable(),
  sendEmail: z.boolean(),
  state: RemoteCreateState,
  createdAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
  containerId: z.string().nullable(),
  /** TrustID's reason for a refusal, or why a decision is needed. */
  message: z.string().nullable(),
  canRevoke: z.boolean(),
  /** Demo mode only: a control that plays the guest. */
  canCompleteAsGuest: z.boolean(),
  /** The results inbox's id of the guest's application, once it has one (opens `result-detail`). */
  resultId: z.string().nullable(),
});
export type GuestLinkView = z.infer<typeof GuestLinkView>;

export const QueuedCreateView = z.object({
  reference: z.string(),
  /** The fields as entered, labelled; null once purged. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })).nullable(),
  state: RemoteCreateState,
  createdAt: z.number().int(),
  containerId: z.string().nullable(),
  message: z.string().nullable(),
  /** The results inbox's id of the application, once it has one (opens `result-detail`). */
  resultId: z.string().nullable(),
});
export type QueuedCreateView = z.infer<typeof QueuedCreateView>;

const Reference = z.string().min(1).max(64);
const FieldValues = z.record(z.string().max(64), z.string().max(1000)).refine((r) => Object.keys(r).length <= 50, 'too many fields');

export const guestLinksInvoke = {
  'guest.create': {
    req: z.strictObject({ name: z.string().trim().min(1).max(120), email: z.email().max(254), sendEmail: z.boolean(), fields: FieldValues }),
    res: GuestLinkView,
  },
  'guest.list': { req: z.void(), res: z.array(GuestLinkView) },
  'guest.revoke': { req: z.strictObject({ reference: Reference }), res: GuestLinkView },
  'guest.resolve': { req: z.strictObject({ reference: Reference, action: z.enum(['create-again', 'discard']) }), res: GuestLinkView },
  /** Demo mode only: the emulator's guest submits through the link. */
  'guest.completeAsGuest': { req: z.strictObject({ reference: Reference }), res: GuestLinkView },
  'queued.prepare': { req: z.strictObject({ fields: FieldValues }), res: QueuedCreateView },
  'queued.listPrepared': { req: z.void(), res: z.array(QueuedCreateView) },
  'queued.resolvePrepared': { req: z.strictObject({ reference: Reference, action: z.enum(['create-again', 'discard']) }), res: QueuedCreateView },
} as const;
