// Which driver serves which device kind: factories registered once at start-up (built-ins in
// device-built-ins.ts; the simulated reader is a plug-in the app's composition hands over). Runs in main.
import type { DeviceView } from '../../preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import type { DeviceConfig, DeviceConfigOf } from './device-settings';
import type { Driver } from './driver';

export type DriverContext = {
  /** Child logger named for the device; never give it personal data. */
  log: Logger;
  now: () => number;
};

export type DriverFactory<K extends DeviceConfig['kind']> = (config: DeviceConfigOf<K>, ctx: DriverContext) => Driver;

export type DriverTraits = {
  /**
   * The driver reconnects by itself after an `error` status (the serial reader does). The
   * manager then only shows the error; it still restarts a driver whose start() fails.
   */
  reconnectsItself?: boolean;
};

/** What a configured reader can deliver: MRZ lines, which sides and lights, a Scan button. */
export type Capabilities = DeviceView['capabilities'];

/**
 * A driver kind built outside this layer and wired in from the app's composition: the demo's
 * simulated reader (main/demo), which nothing below main/app imports.
 */
export type ReaderPlugin<K extends DeviceConfig['kind']> = {
  kind: K;
  create: DriverFactory<K>;
  capabilities(config: DeviceConfigOf<K>): Capabilities;
};

export type DriverRegistry = {
  registerDriverKind<K extends DeviceConfig['kind']>(kind: K, factory: DriverFactory<K>, traits?: DriverTraits): void;
  has(kind: DeviceConfig['kind']): boolean;
  traits(kind: DeviceConfig['kind']): DriverTraits;
  /** Builds the driver for a device; throws `device.unsupported` when no factory serves its kind. */
  create(config: DeviceConfig, ctx: DriverContext): Driver;
};

export function createDriverRegistry(): DriverRegistry {
  const factories = new Map<DeviceConfig['kind'], DriverFactory<DeviceConfig['kind']>>();
  const traitsOf = new Map<DeviceConfig['kind'], DriverTraits>();
  return {
    registerDriverKind(kind, factory, traits = {}) {
      if (factories.has(kind)) throw new Error(`A driver for "${kind}" devices is already registered`);
      factories.set(kind, factory as unknown as DriverFactory<DeviceConfig['kind']>);
      traitsOf.set(kind, traits);
    },
    has: (kind) => factories.has(kind),
    traits: (kind) => traitsOf.get(kind) ?? {},
    create(config, ctx) {
      const factory = factories.get(config.kind);
      if (!factory) {
        throw new AppError('device.unsupported', `This version of Scan Station cannot use ${config.kind} readers. Remove "${config.label}" in Settings.`, { params: { device: config.label } });
      }
      return factory(config, ctx);
    },
  };
}
