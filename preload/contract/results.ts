// Results of applications within retention, read in plain words; queued applications listed
// for filling. Runtime-agnostic.
import { z } from 'zod';
import { ImageData } from './capture';

export const Verdict = z.enum(['accepted', 'referred', 'failed', 'rejected', 'no-validation', 'undefined', 'processing']);
export type Verdict = z.infer<typeof Verdict>;

/** Where an application came from (issue 10: one results model for every workflow). */
export const ResultOrigin = z.enum(['kiosk', 'guest_link', 'queued', 'elsewhere']);
export type ResultOrigin = z.infer<typeof ResultOrigin>;
/** Its state in plain words (the renderer words each code). */
export const ResultState = z.enum(['waiting_guest', 'waiting', 'being_checked', 'referred', 'result_ready', 'expired', 'revoked', 'withdrawn']);
export type ResultState = z.infer<typeof ResultState>;

export const ResultSummary = z.object({
  id: z.string(),
  /** The kiosk reference for this kiosk's own applications, else the client reference or TrustID's application number. */
  localReference: z.string(),
  /** When the application was made (TrustID's CreatedAt; this kiosk's: when it was captured). */
  capturedAt: z.number().int(),
  /** The holder's name as TrustID read it, or from the local MRZ; the guest's name while a guest link waits. */
  name: z.string().nullable(),
  verdict: Verdict,
  documentCount: z.number().int(),
  origin: ResultOrigin,
  state: ResultState,
});
export type ResultSummary = z.infer<typeof ResultSummary>;

/**
 * `code` names a check the renderer words in the staff's language (`name` is the English fallback);
 * `fromTrustId` says the explanation is TrustID's own message, shown as sent.
 */
export const ResultFact = z.object({ name: z.string(), passed: z.boolean(), explanation: z.string(), code: z.string().optional(), fromTrustId: z.boolean().optional() });

export const ResultDocument = z.object({
  name: z.string(),
  verdict: Verdict,
  facts: z.array(ResultFact),
  /** `code` names a field the renderer words (`label` is the English fallback). */
  fields: z.array(z.object({ label: z.string(), value: z.string(), code: z.string().optional() })),
  images: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['photo', 'front', 'back']).optional() })),
  notes: z.array(z.string()),
});

export const ResultDetail = ResultSummary.extend({
  attention: z.boolean(),
  documents: z.array(ResultDocument),
  /** Whether TrustID still holds the images and report (false once purged there or offline). */
  remoteAvailable: z.boolean(),
  /** For guest applications: the guest's name and e-mail as TrustID stored them. */
  guest: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable().optional(),
  /** Application-level custom field values. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});
export type ResultDetail = z.infer<typeof ResultDetail>;

const Cursor = z.strictObject({ createdAt: z.number().int(), id: z.string().min(1).max(64) });

export const ResultFilter = z.strictObject({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  verdict: Verdict.optional(),
  /** A name (each part must match) or a kiosk / client reference. */
  name: z.string().trim().max(100).optional(),
  state: ResultState.optional(),
  origin: ResultOrigin.optional(),
  /** The next page after this row (keyset paging, newest first). */
  after: Cursor.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const ResultPage = z.object({
  items: z.array(ResultSummary),
  /** How many match the filters, over all pages. */
  total: z.number().int(),
  next: Cursor.nullable(),
  /** RAW-API §13.4 item 3: the account may not search TrustID's records, so only this kiosk's own are listed. */
  ownRecordsOnly: z.boolean(),
});
export type ResultPage = z.infer<typeof ResultPage>;

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
  'results.list': { req: ResultFilter, res: ResultPage },
  'results.get': { req: z.strictObject({ id: Id }), res: ResultDetail },
  'results.image': { req: z.strictObject({ id: Id, imageId: Id }), res: ImageData },
  'results.pdf': { req: z.strictObject({ id: Id }), res: z.object({ base64: z.string() }) },
  'queued.list': { req: z.void(), res: QueuedList },
} as const;

/** Main → renderer: the inbox changed (rows arrived or moved on). No personal data: the screen asks again. */
export const resultsEvents = {
  'results.changed': z.object({ at: z.number().int() }),
} as const;
