// Settings of one camera (a `camera` device's options in DeviceSettings). Runtime-agnostic zod,
// strict: settings.update refuses an option this schema does not know.
import { z } from 'zod';

export const CameraOptions = z.strictObject({
  /** MediaDeviceInfo.deviceId to open; null takes the first camera (or the one matching the label). */
  preferredDeviceId: z.string().max(512).nullable().default(null),
  /** MediaDeviceInfo.label, kept because deviceIds can change between browser profiles. */
  preferredLabel: z.string().max(200).nullable().default(null),
  /** Requested capture size; a document camera at 1920 × 1080 gives an ID-1 card about 300 dpi. */
  width: z.number().int().min(640).max(7680).default(1920),
  height: z.number().int().min(480).max(4320).default(1080),
  jpegQuality: z.number().min(0.5).max(1).default(0.92),
});
export type CameraOptions = z.infer<typeof CameraOptions>;
