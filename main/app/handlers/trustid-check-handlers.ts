// Handlers for trustid.*: test an environment before saving it, and undo the last switch. Runs in
// main (plain Node).
import { AppError } from '../../app-error';
import type { Logger } from '../../logging/logger';
import { testConnection } from '../connection-test';
import type { Dispatcher } from '../dispatcher';
import type { PreviousTrustIdKeeper } from '../previous-trustid';
import type { SettingsService } from '../settings-service';

export function registerTrustIdCheckHandlers(dispatcher: Dispatcher, deps: { settings: SettingsService; previous: PreviousTrustIdKeeper; deviceIdFile: string; log: Logger }): void {
  const { settings, previous, log } = deps;
  dispatcher.handle('trustid.testConnection', (req) =>
    testConnection(req, { secrets: () => settings.secrets(), savedCustomBaseUrl: () => settings.current().trustid.customBaseUrl, deviceIdFile: deps.deviceIdFile, log }),
  );
  dispatcher.handle('trustid.previous', () => previous.get());
  dispatcher.handle('trustid.revert', () => {
    const before = previous.get();
    if (!before) throw new AppError('trustid.nothing-to-undo', 'There is no earlier TrustID environment to go back to.');
    settings.update({ trustid: { environment: before.environment, customBaseUrl: before.customBaseUrl } });
    log.info({ environment: before.environment }, 'TrustID environment switched back');
  });
}
