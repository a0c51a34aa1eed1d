// Readers as the renderer sees them: status, capabilities, detection, test reads, camera stills.
// Runtime-agnostic.
import { z } from 'zod';

export const ImageSide = z.enum(['front', 'back']);
export type ImageSide = z.infer<typeof ImageSide>;
export const ImageLight = z.enum(['white', 'ir', 'uv']);
export type ImageLight = z.infer<typeof ImageLight>;
export const DeviceKind = z.enum(['serial', 'sane', 'hot-folder', 'camera', 'simulated']);

export const DeviceView = z.object({
  id: z.string(),
  kind: DeviceKind,
  label: z.string(),
  status: z.object({
    state: z.enum(['offline', 'connecting', 'ready', 'reading', 'error']),
    code: z.string().nullable(),
    /** Plain words, with the fix when there is one. */
    message: z.string(),
  }),
  capabilities: z.object({
    mrz: z.boolean(),
    sides: z.array(ImageSide),
    lights: z.array(ImageLight),
    /** Has a Scan button / trigger; otherwise reads happen when a document is placed. */
    trigger: z.boolean(),
  }),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DetectedPort = z.object({
  path: z.string(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  manufacturer: z.string().nullable(),
  knownReader: z.string().nullable(),
});

/** A JPEG from the renderer's camera, base64; at most ~30 MB of image. */
export const CameraStill = z.object({ side: ImageSide, light: ImageLight, jpegBase64: z.string().min(4).max(40_000_000) });

export const devicesInvoke = {
  'devices.list': { req: z.void(), res: z.array(DeviceView) },
  'devices.detect': { req: z.void(), res: z.object({ serialPorts: z.array(DetectedPort), scanners: z.array(z.object({ name: z.string(), label: z.string() })) }) },
  'devices.test': { req: z.object({ id: z.string().max(64) }), res: z.object({ ok: z.boolean(), message: z.string() }) },
  'devices.trigger': { req: z.object({ id: z.string().max(64).optional() }), res: z.void() },
  'camera.submitStill': { req: CameraStill, res: z.void() },
} as const;

export const devicesEvents = {
  'devices.changed': z.array(DeviceView),
} as const;
