// Settings of one SANE scanner (a `sane` device's options in DeviceSettings). Runtime-agnostic zod,
// strict: settings.update refuses an option this schema does not know.
import { z } from 'zod';

export const SaneOptions = z.strictObject({
  /** SANE device name (`scanimage -L`); null takes the first scanner found. */
  device: z.string().min(1).max(256).nullable().default(null),
  /** 300 dpi is what ICAO 9303 readers scan MRZ pages at; the scanner's nearest value is used. */
  resolution: z.number().int().min(50).max(1200).default(300),
  mode: z.enum(['color', 'gray', 'lineart']).default('color'),
  source: z.enum(['flatbed', 'adf', 'adf-duplex']).default('flatbed'),
  /** The backend's exact source name, for a model whose names the automatic choice gets wrong. */
  sourceName: z.string().min(1).max(100).nullable().default(null),
  format: z.enum(['png', 'jpeg']).default('jpeg'),
  light: z.enum(['white', 'ir', 'uv']).default('white'),
  timeoutSeconds: z.number().int().min(5).max(600).default(60),
});
export type SaneOptions = z.infer<typeof SaneOptions>;
