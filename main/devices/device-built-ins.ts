// Registers the drivers this folder builds (SANE, hot folder, camera) with a registry. The device
// service (main/capture/device-service.ts) calls it at start-up, then registers the serial and
// simulated readers. Runs in main.
import { createCameraDriver } from './camera/camera-driver';
import type { CameraCaptureRequest } from '../../preload/contract';
import type { DriverRegistry } from './driver-registry';
import { createHotFolderDriver } from './hot-folder/hot-folder-driver';
import { createSaneDriver, type SaneProcessOptions } from './sane/sane-driver';

export type BuiltInDriverDeps = {
  /** scanimage's location, environment and SANE config folder (resources/sane in demo and tests). */
  sane?: SaneProcessOptions & { tempDir?: string };
  /** Carries camera.captureRequested to the renderer (the event hub). */
  requestCameraCapture?: (request: CameraCaptureRequest) => void;
};

export function registerBuiltInDrivers(registry: DriverRegistry, deps: BuiltInDriverDeps = {}): void {
  registry.registerDriverKind('sane', (config, ctx) => createSaneDriver({ id: config.id, options: config.options, log: ctx.log, ...deps.sane }));
  registry.registerDriverKind('hot-folder', (config, ctx) =>
    createHotFolderDriver({ id: config.id, options: config.options, log: ctx.log, now: ctx.now }),
  );
  registry.registerDriverKind('camera', (config, ctx) =>
    createCameraDriver({ id: config.id, options: config.options, log: ctx.log, now: ctx.now, requestCapture: deps.requestCameraCapture }),
  );
}
