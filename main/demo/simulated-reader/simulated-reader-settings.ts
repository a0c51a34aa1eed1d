// Settings of the simulated reader (a device of kind 'simulated' in the device settings), validated
// with zod. Runtime-agnostic.
import { z } from 'zod';

export const SimulatedReaderSettings = z.strictObject({
  /** Present a specimen every so often; null = only when triggered (the Scan button). */
  intervalMs: z.number().int().min(1000).max(3_600_000).nullable().default(null),
  /** Which images each read sends; empty lists make an MRZ-only reader. */
  sides: z.array(z.enum(['front', 'back'])).max(2).default(['front', 'back']),
  lights: z.array(z.enum(['white', 'ir', 'uv'])).max(3).default(['white', 'ir', 'uv']),
  dpi: z.number().int().min(72).max(600).default(300),
  /** How long a document stays on the reader after its read. */
  removeAfterMs: z.number().int().min(0).max(60_000).default(1500),
});
export type SimulatedReaderSettings = z.infer<typeof SimulatedReaderSettings>;
