// Contract payloads for devices (runtime-agnostic zod, no node:*): what the renderer may see of
// each configured reader and of a "test this reader" run. The lead moves these into
// preload/contract as they stand. Nothing here carries MRZ text, images or raw bytes.
import { z } from 'zod';

/** A device's id in settings: short, stable, safe in logs and file names. */
export const DeviceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');
export type DeviceId = z.infer<typeof DeviceId>;

export const DeviceKind = z.enum(['serial', 'sane', 'hot-folder', 'camera', 'simulated']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const ImageSideSchema = z.enum(['front', 'back']);
export const ImageLightSchema = z.enum(['white', 'ir', 'uv']);

/** Mirrors DriverStatus (main/devices/driver.ts). */
export const DeviceStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('offline'), detail: z.string().optional() }),
  z.object({ state: z.literal('connecting'), detail: z.string().optional() }),
  z.object({ state: z.literal('ready'), detail: z.string().optional() }),
  z.object({ state: z.literal('reading'), detail: z.string().optional() }),
  z.object({ state: z.literal('error'), code: z.string(), message: z.string() }),
]);

export const DeviceProblem = z.object({ code: z.string(), message: z.string(), at: z.number().int() });

/** One configured device as the status screen shows it. */
export const DeviceView = z.object({
  id: DeviceId,
  kind: DeviceKind,
  label: z.string(),
  enabled: z.boolean(),
  status: DeviceStatusSchema,
  /** The last failure (status error, failed read, failed start), kept after the device recovers. */
  lastError: DeviceProblem.nullable(),
  /** When the manager will next try to reconnect, while it is waiting to. */
  reconnect: z.object({ attempt: z.number().int(), at: z.number().int() }).nullable(),
  /** Whether the device can be asked to read ("Scan" / "Test this reader" triggers it). */
  canTrigger: z.boolean(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** The result of "test this reader": what arrived, never what it said (no personal data). */
export const TestReadResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    what: z.literal('mrz'),
    elapsedMs: z.number().int(),
    lineLengths: z.array(z.number().int()),
    partial: z.boolean(),
  }),
  z.object({
    ok: z.literal(true),
    what: z.literal('image'),
    elapsedMs: z.number().int(),
    side: ImageSideSchema,
    light: ImageLightSchema,
    mime: z.enum(['image/jpeg', 'image/png']),
    bytes: z.number().int(),
    dpi: z.number().nullable(),
  }),
  z.object({ ok: z.literal(false), elapsedMs: z.number().int(), code: z.string(), message: z.string() }),
]);
export type TestReadResult = z.infer<typeof TestReadResult>;

export const TestReadRequest = z.object({ id: DeviceId, timeoutMs: z.number().int().min(1000).max(120_000).default(20_000) });

/** Suggested channels (`devices.*`) and event, for the lead to add to the contract. */
export const devicesInvoke = {
  'devices.list': { req: z.void(), res: z.array(DeviceView) },
  'devices.testRead': { req: TestReadRequest, res: TestReadResult },
  'devices.trigger': { req: z.object({ id: DeviceId }), res: z.void() },
  'devices.cancel': { req: z.object({ id: DeviceId }), res: z.void() },
  'devices.reconnect': { req: z.object({ id: DeviceId }), res: z.void() },
} as const;

export const devicesEvents = {
  /** The whole list on every change: the event hub replays the last payload to late joiners. */
  'devices.changed': z.array(DeviceView),
} as const;
