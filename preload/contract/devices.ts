// Readers as the renderer sees them: status, capabilities, detection and test reads. Every payload
// is strict: a key the contract does not name is refused. Runtime-agnostic.
import { z } from 'zod';

export const ImageSide = z.enum(['front', 'back']);
export type ImageSide = z.infer<typeof ImageSide>;
export const ImageLight = z.enum(['white', 'ir', 'uv']);
export type ImageLight = z.infer<typeof ImageLight>;
export const DeviceKind = z.enum(['serial', 'sane', 'hot-folder', 'camera', 'simulated']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** A device's id in settings: short, stable, safe in logs and file names. */
export const DeviceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');
export type DeviceId = z.infer<typeof DeviceId>;

export const DeviceView = z.strictObject({
  id: z.string(),
  kind: DeviceKind,
  label: z.string(),
  status: z.strictObject({
    state: z.enum(['offline', 'connecting', 'ready', 'reading', 'error']),
    code: z.string().nullable(),
    /** Plain words, with the fix when there is one. */
    message: z.string(),
  }),
  capabilities: z.strictObject({
    mrz: z.boolean(),
    sides: z.array(ImageSide),
    lights: z.array(ImageLight),
    /** Has a Scan button / trigger; otherwise reads happen when a document is placed. */
    trigger: z.boolean(),
  }),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DetectedPort = z.strictObject({
  path: z.string(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  manufacturer: z.string().nullable(),
  knownReader: z.string().nullable(),
});

export const DetectedDevices = z.strictObject({
  serialPorts: z.array(DetectedPort),
  scanners: z.array(z.strictObject({ name: z.string(), label: z.string() })),
});
export type DetectedDevices = z.infer<typeof DetectedDevices>;

/** "Test this reader": what arrived, in plain words, never what it said. */
export const DeviceTestResult = z.strictObject({ ok: z.boolean(), message: z.string() });
export type DeviceTestResult = z.infer<typeof DeviceTestResult>;

export const devicesInvoke = {
  'devices.list': { req: z.void(), res: z.array(DeviceView) },
  'devices.detect': { req: z.void(), res: DetectedDevices },
  'devices.test': { req: z.strictObject({ id: DeviceId }), res: DeviceTestResult },
  /** The Scan button: without an id, the reader a capture would use. */
  'devices.trigger': { req: z.strictObject({ id: DeviceId.optional() }), res: z.void() },
} as const;

export const devicesEvents = {
  'devices.changed': z.array(DeviceView),
} as const;
