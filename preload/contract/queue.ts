// The offline queue and sync status as staff see them. Runtime-agnostic.
import { z } from 'zod';

export const QueueItemState = z.enum(['saved', 'uploading', 'awaiting-result', 'referred', 'result-ready', 'needs-attention', 'result-overdue', 'cancelled', 'closed']);
export type QueueItemState = z.infer<typeof QueueItemState>;

export const StaffAction = z.enum(['retry', 'retake', 'cancel', 'found-in-trustid', 'send-again', 'check-now', 'submit-new', 'close', 'continue-anyway']);
export type StaffAction = z.infer<typeof StaffAction>;

/** Coded on purpose: free text could carry a visitor's name into the audit log. */
export const DiscardReason = z.enum(['captured-in-error', 'duplicate', 'visitor-left', 'wrong-document', 'test', 'other']);
export type DiscardReason = z.infer<typeof DiscardReason>;

export const QueueItem = z.object({
  id: z.string(),
  localReference: z.string(),
  capturedAt: z.number().int(),
  state: QueueItemState,
  /** The state in plain words, e.g. "Uploading 40 %", "Referred to TrustID experts". */
  detail: z.string(),
  progress: z.object({ sentBytes: z.number().int(), totalBytes: z.number().int() }).nullable(),
  attention: z.object({ reason: z.string(), message: z.string(), actions: z.array(StaffAction) }).nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueSummary = z.object({
  connection: z.enum(['online', 'offline', 'paused', 'syncing']),
  pending: z.number().int(),
  oldestPendingSeconds: z.number().int().nullable(),
  syncing: z.object({ current: z.number().int(), total: z.number().int() }).nullable(),
  /** Why the queue cannot move on its own, in plain words, or null. */
  actionNeeded: z.string().nullable(),
  lastSyncAt: z.number().int().nullable(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

const Id = z.string().min(1).max(64);

export const queueInvoke = {
  'queue.list': { req: z.void(), res: z.array(QueueItem) },
  'queue.summary': { req: z.void(), res: QueueSummary },
  'queue.syncNow': { req: z.void(), res: z.void() },
  /** SUBMISSION-PROTOCOL §6: after a refused sign-in the queue waits; this makes exactly one login. */
  'queue.tryAgain': { req: z.void(), res: z.void() },
  'queue.act': { req: z.object({ id: Id, action: StaffAction }), res: z.void() },
  /** Admin only: drop an unsent application, with the reason (audited). */
  'queue.discard': { req: z.object({ id: Id, reason: DiscardReason }), res: z.void() },
} as const;

export const queueEvents = {
  'queue.changed': QueueSummary,
  'queue.itemChanged': QueueItem,
} as const;
