// Handlers for app.* and health.*: no logic of their own. Runs in main (plain Node).
import type { Dispatcher } from '../dispatcher';
import type { ScanStationApp } from '../create-app';

export function registerAppHandlers(dispatcher: Dispatcher, app: Pick<ScanStationApp, 'info' | 'health'>): void {
  dispatcher.handle('app.info', () => app.info());
  dispatcher.handle('health.get', () => app.health.current());
}
