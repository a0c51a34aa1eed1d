// Handlers for settings.*. Secrets go in, never out. Runs in main (plain Node).
import { AppError } from '../../app-error';
import { SimulatedReaderSettings } from '../../demo/simulated-reader/simulated-reader-settings';
import { DeviceSettings } from '../../devices/device-settings';
import type { Logger } from '../../logging/logger';
import type { Dispatcher } from '../dispatcher';
import { excerpt } from '../invalid-payload';
import type { SettingsService } from '../settings-service';

export function registerSettingsHandlers(dispatcher: Dispatcher, settings: SettingsService, log: Logger): void {
  dispatcher.handle('settings.get', () => settings.view());
  dispatcher.handle('settings.update', (patch) => {
    // Reader options are each driver's own; check them here so a bad one is refused, not saved.
    if (patch.devices !== undefined) {
      const devices = DeviceSettings.safeParse({ devices: patch.devices });
      const issue = devices.success ? simulatedOptionsIssue(devices.data) : devices.error.issues[0];
      if (issue) {
        // Option names are the client's: shown only as a short escaped excerpt.
        const where = issue.path.slice(0, 4).map((step) => excerpt(String(step))).join('.') || 'devices';
        throw new AppError('settings.invalid-reader', `A reader setting is not valid (${where}: ${issue.message.slice(0, 160)}). Correct it and save again.`);
      }
    }
    const view = settings.update(patch);
    // Which groups changed, never their values (a URL may carry a user name).
    log.info({ groups: Object.keys(patch) }, 'settings updated');
    return view;
  });
  dispatcher.handle('settings.setSecret', ({ name, value }) => {
    settings.secrets().set(name, value);
    log.info({ secretName: name }, 'secret set');
  });
  dispatcher.handle('settings.clearSecret', ({ name }) => {
    settings.secrets().clear(name);
    log.info({ secretName: name }, 'secret cleared');
  });
}

type Issue = { path: PropertyKey[]; message: string };

/** The simulated reader's options (the demo's own schema, which main/devices does not import). */
function simulatedOptionsIssue(settings: DeviceSettings): Issue | undefined {
  for (const [i, device] of settings.devices.entries()) {
    if (device.kind !== 'simulated') continue;
    const parsed = SimulatedReaderSettings.safeParse(device.options);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      return { path: ['devices', i, 'options', ...first.path], message: first.message };
    }
  }
  return undefined;
}
