// Registers the drivers this folder builds (serial, SANE, hot folder, camera) with a registry. The
// device service (main/capture/device-service.ts) calls it at start-up, then registers the plug-ins
// the app hands it (the demo's simulated reader). Runs in main.
import type { CameraCaptureRequest } from '../../preload/contract';
import { AppError } from '../app-error';
import { createCameraDriver } from './camera/camera-driver';
import type { DeviceConfig } from './device-settings';
import type { DriverRegistry } from './driver-registry';
import { createHotFolderDriver } from './hot-folder/hot-folder-driver';
import { createSaneDriver, type SaneProcessOptions } from './sane/sane-driver';
import { SerialLineReader } from './serial/serial-line-reader';
import { SerialReaderSettings } from './serial/serial-reader-settings';

export type BuiltInDriverDeps = {
  /** scanimage's location, environment and SANE config folder (resources/sane in demo and tests). */
  sane?: SaneProcessOptions & { tempDir?: string };
  /** Carries camera.captureRequested to the renderer (the event hub). */
  requestCameraCapture?: (request: CameraCaptureRequest) => void;
};

/** A device whose options its driver refuses: names the option, never echoes its value. */
export function badDeviceSettings(config: DeviceConfig, issue: { path: PropertyKey[]; message: string } | undefined): AppError {
  const where = issue ? ` (${issue.path.map(String).join('.') || 'options'}: ${issue.message})` : '';
  return new AppError('device.bad-settings', `The settings of "${config.label}" are not valid${where}. Correct them in Settings.`, { params: { device: config.label } });
}

export function registerBuiltInDrivers(registry: DriverRegistry, deps: BuiltInDriverDeps = {}): void {
  registry.registerDriverKind(
    'serial',
    (config, ctx) => {
      const parsed = SerialReaderSettings.safeParse(config.options);
      if (!parsed.success) throw badDeviceSettings(config, parsed.error.issues[0]);
      return new SerialLineReader({ id: config.id, settings: parsed.data, log: ctx.log });
    },
    // The serial reader reconnects with its own backoff after an unplug (serial-line-reader.ts).
    { reconnectsItself: true },
  );
  registry.registerDriverKind('sane', (config, ctx) => createSaneDriver({ id: config.id, options: config.options, log: ctx.log, ...deps.sane }));
  registry.registerDriverKind('hot-folder', (config, ctx) =>
    createHotFolderDriver({ id: config.id, options: config.options, log: ctx.log, now: ctx.now }),
  );
  registry.registerDriverKind('camera', (config, ctx) =>
    createCameraDriver({ id: config.id, options: config.options, log: ctx.log, now: ctx.now, requestCapture: deps.requestCameraCapture }),
  );
}
