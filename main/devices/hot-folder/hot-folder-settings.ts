// Settings of one hot folder (a `hot-folder` device's options in DeviceSettings). Runtime-agnostic
// zod, strict: settings.update refuses an option this schema does not know. The naming convention is
// in resources/hot-folder/README.md.
import { z } from 'zod';

export const HotFolderOptions = z.strictObject({
  /** The folder the vendor's reader software writes into (absolute path; may be a network share). */
  folder: z.string().min(1).max(4096),
  /** How often the folder is listed. fs.watch misses changes on network shares, so it is polled. */
  pollIntervalMs: z.number().int().min(100).max(60_000).default(1000),
  /** A file is whole once its size and time stayed the same for this many polls in a row. */
  stablePolls: z.number().int().min(1).max(20).default(2),
  /** After a scan's newest file appears, wait this long for its other sides before taking it. */
  settleMs: z.number().int().min(0).max(60_000).default(1500),
  /** An image still cut short this long after its last change is given up on (moved to failed/). */
  incompleteGraceMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** Processed scans in done/ are deleted after this many hours (they are identity documents); 0 keeps them. */
  doneRetentionHours: z.number().int().min(0).max(24 * 90).default(24),
});
export type HotFolderOptions = z.infer<typeof HotFolderOptions>;
