// The readers configured on this station (`DeviceSettings`): the `devices` part of the settings
// file, with each kind's options checked by its driver's schema. Runtime-agnostic zod, strict: an
// option a driver does not know is refused, not dropped.
import { z } from 'zod';
import { DeviceId } from '../../preload/contract/devices';
import { CameraOptions } from './camera/camera-settings';
import { HotFolderOptions } from './hot-folder/hot-folder-settings';
import { SaneOptions } from './sane/sane-settings';
import { SerialReaderSettings } from './serial/serial-reader-settings';

const common = {
  id: DeviceId,
  /** What staff call it: "Desk reader", "Flatbed". */
  label: z.string().trim().min(1).max(80),
  enabled: z.boolean().default(true),
};

/**
 * The simulated reader is a demo plug-in (main/demo), which this layer does not import: its options
 * are checked by settings.update (main/app/handlers/settings-handlers.ts) and by its factory.
 */
const demoOptions = z.record(z.string(), z.unknown()).default({});

export const SerialDeviceConfig = z.strictObject({ ...common, kind: z.literal('serial'), options: SerialReaderSettings });
export const SimulatedDeviceConfig = z.strictObject({ ...common, kind: z.literal('simulated'), options: demoOptions });
export const SaneDeviceConfig = z.strictObject({ ...common, kind: z.literal('sane'), options: SaneOptions.prefault({}) });
export const HotFolderDeviceConfig = z.strictObject({ ...common, kind: z.literal('hot-folder'), options: HotFolderOptions });
export const CameraDeviceConfig = z.strictObject({ ...common, kind: z.literal('camera'), options: CameraOptions.prefault({}) });

export const DeviceConfig = z.discriminatedUnion('kind', [
  SerialDeviceConfig,
  SimulatedDeviceConfig,
  SaneDeviceConfig,
  HotFolderDeviceConfig,
  CameraDeviceConfig,
]);
export type DeviceConfig = z.infer<typeof DeviceConfig>;
export type DeviceConfigOf<K extends DeviceConfig['kind']> = Extract<DeviceConfig, { kind: K }>;

export const DeviceSettings = z.strictObject({
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
