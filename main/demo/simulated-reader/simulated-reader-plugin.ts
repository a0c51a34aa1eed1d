// The simulated reader as a device plug-in: its factory and what it can deliver, handed to the
// device service by the app's composition (main/app/services/app-services.ts), so no layer below
// main/app imports main/demo. Runs in main.
import path from 'node:path';
import { badDeviceSettings } from '../../devices/device-built-ins';
import type { ReaderPlugin } from '../../devices/driver-registry';
import type { IsoDay } from '../../devices/mrz/mrz-dates';
import { SimulatedReader } from './simulated-reader';
import { SimulatedReaderSettings } from './simulated-reader-settings';

export function simulatedReaderPlugin(opts: { resourcesDir: string; today: () => IsoDay }): ReaderPlugin<'simulated'> {
  return {
    kind: 'simulated',
    create(config, ctx) {
      const parsed = SimulatedReaderSettings.safeParse(config.options);
      if (!parsed.success) throw badDeviceSettings(config, parsed.error.issues[0]);
      const s = parsed.data;
      return new SimulatedReader({
        id: config.id,
        specimensDir: path.join(opts.resourcesDir, 'specimens'),
        today: opts.today,
        intervalMs: s.intervalMs,
        removeAfterMs: s.removeAfterMs,
        sides: s.sides,
        lights: s.lights,
        dpi: s.dpi,
        log: ctx.log,
      });
    },
    // Settings the factory would refuse fall back to the defaults here; the device's status says what is wrong.
    capabilities(config) {
      const parsed = SimulatedReaderSettings.safeParse(config.options);
      const s = parsed.success ? parsed.data : SimulatedReaderSettings.parse({});
      return { mrz: true, sides: [...s.sides], lights: [...s.lights], trigger: true };
    },
  };
}
