// Results of applications within retention, read in plain words; guest links and queued
// applications. Runtime-agnostic.
import { z } from 'zod';
import { ImageData } from './capture';

export const Verdict = z.enum(['accepted', 'referred', 'failed', 'rejected', 'no-validation', 'undefined', 'processing']);
export type Verdict = z.infer<typeof Verdict>;

export const ResultSummary = z.object({
  id: z.string(),
  localReference: z.string(),
  capturedAt: z.number().int(),
  name: z.string().nullable(),
  verdict: Verdict,
  documentCount: z.number().int(),
});
export type ResultSummary = z.infer<typeof ResultSummary>;

export const ResultFact = z.object({ name: z.string(), passed: z.boolean(), explanation: z.string() });

export const ResultDocument = z.object({
  name: z.string(),
  verdict: Verdict,
  facts: z.array(ResultFact),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  images: z.array(z.object({ id: z.string(), label: z.string() })),
  notes: z.array(z.string()),
});

export const ResultDetail = ResultSummary.extend({
  attention: z.boolean(),
  documents: z.array(ResultDocument),
  /** Whether TrustID still holds the images and report (false once purged there or offline). */
  remoteAvailable: z.boolean(),
});
export type ResultDetail = z.infer<typeof ResultDetail>;

export const ResultFilter = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  verdict: Verdict.optional(),
  name: z.string().trim().max(100).optional(),
});

export const GuestLink = z.object({ id: z.string(), name: z.string(), email: z.string(), url: z.string(), createdAt: z.number().int(), state: z.enum(['open', 'submitted', 'expired', 'deleted']) });
export type GuestLink = z.infer<typeof GuestLink>;
/**
 * A queued application staff may fill at the desk (RAW-API §11.2): `name` is its label from the
 * flexible-field values, `preparedBy` who prepared it when TrustID says, `inUse` when it already
 * holds documents (being completed elsewhere: shown, not pickable).
 */
export const QueuedApplication = z.object({
  id: z.string(),
  name: z.string(),
  reference: z.string().nullable(),
  createdAt: z.number().int(),
  preparedBy: z.string().nullable(),
  inUse: z.boolean(),
});
export type QueuedApplication = z.infer<typeof QueuedApplication>;
/** `ownRecordsOnly`: no archive privilege, so only the queued applications this kiosk created (RAW-API §13.4 item 3). */
export const QueuedList = z.object({ entries: z.array(QueuedApplication), ownRecordsOnly: z.boolean() });
export type QueuedList = z.infer<typeof QueuedList>;

const Id = z.string().min(1).max(64);

export const resultsInvoke = {
  'results.list': { req: ResultFilter, res: z.array(ResultSummary) },
  'results.get': { req: z.object({ id: Id }), res: ResultDetail },
  'results.image': { req: z.object({ id: Id, imageId: Id }), res: ImageData },
  'results.pdf': { req: z.object({ id: Id }), res: z.object({ base64: z.string() }) },
  'guest.create': { req: z.object({ name: z.string().trim().min(1).max(120), email: z.email().max(254) }), res: GuestLink },
  'guest.list': { req: z.void(), res: z.array(GuestLink) },
  'queued.list': { req: z.void(), res: QueuedList },
} as const;
