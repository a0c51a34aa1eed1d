// The readers of this station for the app: registers every driver kind, runs the device manager
// over the configured devices (a simulated reader in demo mode when none is configured), and gives
// the contract's device view, detection, tests, the Scan button and camera stills. Reader events
// reach the capture through `onRead`. Runs in main (plain Node).
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { CameraCaptureRequest, CameraState, CameraStill, DetectedDevices, DeviceTestResult, DeviceView, ImageLight } from '../../preload/contract';
import { AppError } from '../app-error';
import type { CameraDriver } from '../devices/camera/camera-driver';
import type { Backoff } from '../devices/device-backoff';
import { registerBuiltInDrivers } from '../devices/device-built-ins';
import { createDeviceManager, type DeviceManager, type SerialPortSummary } from '../devices/device-manager';
import { DeviceSettings, type DeviceConfig } from '../devices/device-settings';
import type { ImageEvent, MrzEvent } from '../devices/driver';
import { createDriverRegistry, type Capabilities, type ReaderPlugin } from '../devices/driver-registry';
import { describeDevice, type SaneDevice } from '../devices/sane/sane-device-list';
import { listSaneDevices, type SaneProcessOptions } from '../devices/sane/sane-driver';
import { listSerialPorts, loadKnownVendors } from '../devices/serial/list-serial-ports';
import { loadReaderPresets } from '../devices/serial/reader-presets';
import type { Logger } from '../logging/logger';
import { decodeStill } from './camera-still';
import { capabilitiesOf, contractDeviceView, preferredDevice } from './device-view';
import { testReadWords } from './test-read-words';

/** `placed`: a document was put on the reader; what follows (MRZ, images) is that document's. */
export type DeviceRead = { kind: 'mrz'; mrz: MrzEvent } | { kind: 'image'; image: ImageEvent } | { kind: 'placed' };

export type DeviceServiceOptions = {
  settings: () => DeviceSettings;
  demo: boolean;
  /** The app's resources folder (specimens/, readers/, sane/). */
  resourcesDir: string;
  log: Logger;
  now?: () => number;
  onDevicesChanged(list: DeviceView[]): void;
  /** Carries camera.captureRequested to the renderer; without it a camera cannot be triggered from main. */
  onCameraCaptureRequested?(request: CameraCaptureRequest): void;
  /** The demo's simulated reader, handed over by the app's composition (main/demo is a plug-in). */
  simulatedReader?: ReaderPlugin<'simulated'>;
  /** scanimage's location and SANE config folder (tests and demo point it at resources/sane). */
  sane?: SaneProcessOptions & { tempDir?: string };
  backoff?: Backoff;
  /** How long "test this reader" waits for a read (default 20 s). */
  testTimeoutMs?: number;
  /** Replace the OS lists (tests). */
  listSerialPorts?: () => Promise<SerialPortSummary[]>;
  listScanners?: () => Promise<SaneDevice[]>;
};

export type DeviceService = {
  manager: DeviceManager;
  /** Every configured device (and the demo reader) as the contract shows it. */
  list(): DeviceView[];
  /** Serial ports (known readers first) and SANE scanners, for "add a reader". */
  detect(): Promise<DetectedDevices>;
  /** "Test this reader": waits for one read and says what arrived, in plain words. */
  test(id: string): Promise<DeviceTestResult>;
  /** The Scan button: asks the device (or the one a capture would use) to read. */
  trigger(id?: string): Promise<void>;
  /** A still from the renderer's camera: decoded, checked by the camera driver, then an `image`. */
  submitStill(still: CameraStill): Promise<void>;
  /** What the renderer found when it opened the camera: the camera's status follows it. */
  reportCameraState(report: CameraState): void;
  /** Makes the running devices match the settings (default: `settings()`); call at start-up and on change. */
  apply(settings?: DeviceSettings): Promise<void>;
  stop(): Promise<void>;
  /** Reader events for the capture; events of a device under test are not passed on. */
  onRead(listener: (deviceId: string, read: DeviceRead) => void): () => void;
  capabilitiesOf(id: string): Capabilities | null;
  /** The lights the reader a capture would use offers (white always; see stepsFor). */
  captureLights(): ImageLight[];
  /** Whether any enabled device reads MRZs (otherwise TrustID reads them from the images). */
  mrzExpected(): boolean;
};

export const demoReaderId = 'demo-reader';

/** Demo mode with nothing configured: one simulated reader, on demand, front/back × white/IR/UV. */
export function effectiveDeviceSettings(settings: DeviceSettings, demo: boolean): DeviceSettings {
  if (!demo || settings.devices.length > 0) return settings;
  return DeviceSettings.parse({ devices: [{ id: demoReaderId, kind: 'simulated', label: 'Demo reader (simulated)', options: {} }] });
}

export function createDeviceService(opts: DeviceServiceOptions): DeviceService {
  const log = opts.log;
  const now = opts.now ?? Date.now;
  const readersDir = path.join(opts.resourcesDir, 'readers');
  let configs = new Map<string, DeviceConfig>();
  const testing = new Set<string>();
  const listeners = new Set<(deviceId: string, read: DeviceRead) => void>();

  const registry = createDriverRegistry();
  registerBuiltInDrivers(registry, { sane: opts.sane, requestCameraCapture: opts.onCameraCaptureRequested });
  if (opts.simulatedReader) registry.registerDriverKind('simulated', opts.simulatedReader.create);

  const configuredSerialPaths = () =>
    [...configs.values()].flatMap((c) => (c.kind === 'serial' && typeof c.options.path === 'string' ? [c.options.path] : []));

  const manager = createDeviceManager({
    registry,
    log,
    now,
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
    listSerialPorts:
      opts.listSerialPorts ??
      (async () => {
        const ports = await listSerialPorts({
          list: () => SerialPort.list(),
          vendors: loadKnownVendors(path.join(readersDir, 'vendors.json')),
          presets: loadReaderPresets(readersDir).presets,
          extraPaths: configuredSerialPaths(),
        });
        return ports.map((p) => ({
          path: p.path,
          ...(p.vendorId ? { vendorId: p.vendorId } : {}),
          ...(p.productId ? { productId: p.productId } : {}),
          ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
          knownReader: p.knownReader,
        }));
      }),
    listScanners: opts.listScanners ?? (() => listSaneDevices({ ...opts.sane })),
  });

  const list = (): DeviceView[] => manager.list().map((v) => contractDeviceView(v, configs.get(v.id), opts.simulatedReader));

  manager.on('changed', () => opts.onDevicesChanged(list()));
  const pass = (deviceId: string, read: DeviceRead) => {
    // A test read from the settings screen must not land in a visitor's capture.
    if (testing.has(deviceId)) return;
    for (const listener of listeners) listener(deviceId, read);
  };
  manager.on('mrz', (id, mrz) => pass(id, { kind: 'mrz', mrz }));
  manager.on('image', (id, image) => pass(id, { kind: 'image', image }));
  manager.on('document-present', (id) => pass(id, { kind: 'placed' }));

  const enabledConfigs = () => [...configs.values()].filter((c) => c.enabled);

  /** The running driver of an enabled camera, or why there is none. */
  const cameraDriver = (id: string): CameraDriver => {
    const config = configs.get(id);
    const driver = config?.kind === 'camera' && config.enabled ? (manager.get(id) as CameraDriver | undefined) : undefined;
    if (!driver) {
      throw new AppError('camera.none', 'No camera is set up on this station. Ask an administrator to add one in Settings, or use the reader.');
    }
    return driver;
  };

  return {
    manager,
    list,

    async detect() {
      const found = await manager.discover();
      for (const p of found.problems) log.warn({ code: p.code }, 'device detection problem');
      // Both lists failing is worth a message; one failing still shows what the other found.
      const first = found.problems[0];
      if (first && found.problems.length >= 2) throw new AppError(first.code, first.message);
      return {
        serialPorts: found.serialPorts.map((p) => ({
          path: p.path,
          vendorId: p.vendorId ?? null,
          productId: p.productId ?? null,
          manufacturer: p.manufacturer ?? null,
          knownReader: p.knownReader ?? null,
        })),
        scanners: found.scanners.map((s) => ({ name: s.name, label: describeDevice(s) })),
      };
    },

    async test(id) {
      if (!configs.has(id)) return { ok: false, message: 'That reader is not configured any more. Reopen the devices screen.' };
      testing.add(id);
      try {
        return testReadWords(await manager.testRead(id, opts.testTimeoutMs ?? 20_000));
      } finally {
        testing.delete(id);
      }
    },

    async trigger(id) {
      let target = id;
      if (target === undefined) {
        const views = list().filter((v) => configs.get(v.id)?.enabled && v.capabilities.trigger);
        target = preferredDevice(views)?.id;
      }
      if (target === undefined) {
        throw new AppError(
          'device.none',
          configs.size === 0
            ? 'No reader is set up on this station. Ask an administrator to add one in Settings.'
            : 'The readers here read by themselves: place the document on the reader.',
          { params: { context: configs.size === 0 ? 'none-set-up' : 'automatic' } },
        );
      }
      await manager.trigger(target);
    },

    async submitStill(still) {
      const driver = cameraDriver(still.deviceId);
      await driver.submitStill({ side: still.side, light: still.light, bytes: decodeStill(still.jpegBase64) });
      // A still that passed the checks shows that the renderer has the camera open.
      if (manager.list().find((v) => v.id === still.deviceId)?.status.state !== 'ready') driver.reportState('ready');
    },

    reportCameraState(report) {
      cameraDriver(report.deviceId).reportState(report.state);
    },

    async apply(settings) {
      const effective = effectiveDeviceSettings(settings ?? opts.settings(), opts.demo);
      configs = new Map(effective.devices.map((c) => [c.id, c]));
      await manager.apply(effective);
    },

    async stop() {
      listeners.clear();
      await manager.stop();
    },

    onRead(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    capabilitiesOf(id) {
      const config = configs.get(id);
      return config ? capabilitiesOf(config, opts.simulatedReader) : null;
    },

    captureLights() {
      const imaging = list().filter((v) => configs.get(v.id)?.enabled && v.capabilities.sides.length > 0);
      const lights = preferredDevice(imaging)?.capabilities.lights ?? [];
      return ['white', ...lights.filter((l) => l !== 'white')];
    },

    mrzExpected() {
      return enabledConfigs().some((c) => capabilitiesOf(c, opts.simulatedReader).mrz);
    },
  };
}
