// The readers configured on this station (`DeviceSettings`), part of the settings file. Runtime-
// agnostic zod: the lead adds `devices: DeviceSettings.prefault({})` to the Settings schema.
import { z } from 'zod';
import { CameraOptions } from './camera/camera-schemas';
import { DeviceId } from './device-schemas';
import { HotFolderOptions } from './hot-folder/hot-folder-settings';
import { SaneOptions } from './sane/sane-settings';

const common = {
  id: DeviceId,
  /** What staff call it: "Desk reader", "Flatbed". */
  label: z.string().trim().min(1).max(80),
  enabled: z.boolean().default(true),
};

/**
 * Options of the serial reader and the simulated reader are part A's; until the lead swaps in their
 * schemas, they pass through as an object and the registered factory parses them.
 */
const looseOptions = z.record(z.string(), z.unknown()).default({});

export const SerialDeviceConfig = z.object({ ...common, kind: z.literal('serial'), options: looseOptions });
export const SimulatedDeviceConfig = z.object({ ...common, kind: z.literal('simulated'), options: looseOptions });
export const SaneDeviceConfig = z.object({ ...common, kind: z.literal('sane'), options: SaneOptions.prefault({}) });
export const HotFolderDeviceConfig = z.object({ ...common, kind: z.literal('hot-folder'), options: HotFolderOptions });
export const CameraDeviceConfig = z.object({ ...common, kind: z.literal('camera'), options: CameraOptions.prefault({}) });

export const DeviceConfig = z.discriminatedUnion('kind', [
  SerialDeviceConfig,
  SimulatedDeviceConfig,
  SaneDeviceConfig,
  HotFolderDeviceConfig,
  CameraDeviceConfig,
]);
export type DeviceConfig = z.infer<typeof DeviceConfig>;
export type DeviceConfigOf<K extends DeviceConfig['kind']> = Extract<DeviceConfig, { kind: K }>;

export const DeviceSettings = z.object({
  devices: z
    .array(DeviceConfig)
    .max(16)
    .default([])
    .superRefine((devices, ctx) => {
      const seen = new Set<string>();
      devices.forEach((d, i) => {
        if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Two devices share the id "${d.id}".` });
        seen.add(d.id);
      });
    }),
});
export type DeviceSettings = z.infer<typeof DeviceSettings>;
