// Following an application after Submit to its result (issue 10 §1), and the notice that a result
// has arrived for something this kiosk started, on whatever screen staff are. Runtime-agnostic.
// Nothing here is personal: ids, the kiosk reference, counts, states.
import { z } from 'zod';
import { Verdict } from './results';

export const SubmissionStage = z.enum(['saved', 'sending', 'checking', 'result', 'attention', 'closed']);
export type SubmissionStage = z.infer<typeof SubmissionStage>;

export const SubmissionView = z.strictObject({
  applicationId: z.string(),
  localReference: z.string(),
  /** saved on this kiosk → sending → with TrustID, being checked → result (or needs attention). */
  stage: SubmissionStage,
  /** TrustID cannot be reached: what is saved waits on this kiosk. */
  offline: z.boolean(),
  images: z.strictObject({
    total: z.number().int(),
    sent: z.number().int(),
    /** The image being uploaded (1-based) and how far, or null. */
    current: z.strictObject({ number: z.number().int(), percent: z.number().int() }).nullable(),
  }),
  savedAt: z.number().int(),
  /** When TrustID took it (published), for the elapsed time while it is being checked. */
  sentAt: z.number().int().nullable(),
  /** TrustID passed it to its experts (can take up to an hour). */
  referred: z.boolean(),
  verdict: Verdict.nullable(),
  /** Needs attention: a reason code for the words, e.g. 'publish_unresolved'. */
  attention: z.string().nullable(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/** A result arrived. `origin` says which workflow started it; `reference` is what staff read aloud. */
export const ResultArrival = z.strictObject({
  id: z.string(),
  reference: z.string(),
  origin: z.enum(['kiosk', 'guest-link', 'queued']),
  at: z.number().int(),
});
export type ResultArrival = z.infer<typeof ResultArrival>;

const Id = z.string().min(1).max(64);

export const followInvoke = {
  'capture.submission': { req: z.strictObject({ applicationId: Id }), res: SubmissionView },
  /** Checks saved before the kiosk (re)started that TrustID has not got yet: shown, never re-scanned. */
  'capture.recovered': { req: z.void(), res: z.array(SubmissionView) },
} as const;

export const followEvents = {
  'capture.submissionChanged': SubmissionView,
  'results.arrived': ResultArrival,
} as const;
