// Handlers for settings.*. Secrets go in, never out. Runs in main (plain Node).
import { AppError } from '../../app-error';
import { DeviceSettings } from '../../devices/device-settings';
import type { Logger } from '../../logging/logger';
import type { Dispatcher } from '../dispatcher';
import type { SettingsService } from '../settings-service';

export function registerSettingsHandlers(dispatcher: Dispatcher, settings: SettingsService, log: Logger): void {
  dispatcher.handle('settings.get', () => settings.view());
  dispatcher.handle('settings.update', (next) => {
    // Reader options are each driver's own; check them here so a bad one is refused, not saved.
    const devices = DeviceSettings.safeParse({ devices: next.devices });
    if (!devices.success) {
      const issue = devices.error.issues[0];
      throw new AppError('settings.invalid-reader', `A reader setting is not valid (${issue?.path.join('.') || 'devices'}: ${issue?.message ?? 'invalid'}). Correct it and save again.`);
    }
    const view = settings.update(next);
    log.info('settings updated');
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
