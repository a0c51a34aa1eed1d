// Results of applications within retention, read in plain words; queued applications listed
// for filling. Runtime-agnostic.
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

export const QueuedApplication = z.object({ id: z.string(), name: z.string(), reference: z.string().nullable(), createdAt: z.number().int() });
export type QueuedApplication = z.infer<typeof QueuedApplication>;

const Id = z.string().min(1).max(64);

export const resultsInvoke = {
  'results.list': { req: ResultFilter, res: z.array(ResultSummary) },
  'results.get': { req: z.object({ id: Id }), res: ResultDetail },
  'results.image': { req: z.object({ id: Id, imageId: Id }), res: ImageData },
  'results.pdf': { req: z.object({ id: Id }), res: z.object({ base64: z.string() }) },
  'queued.list': { req: z.void(), res: z.array(QueuedApplication) },
} as const;
