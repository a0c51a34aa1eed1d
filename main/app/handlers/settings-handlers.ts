// Handlers for settings.*. Secrets go in, never out. Runs in main (plain Node).
import type { Logger } from '../../logging/logger';
import type { Dispatcher } from '../dispatcher';
import type { SettingsService } from '../settings-service';

export function registerSettingsHandlers(dispatcher: Dispatcher, settings: SettingsService, log: Logger): void {
  dispatcher.handle('settings.get', () => settings.view());
  dispatcher.handle('settings.update', (next) => {
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
