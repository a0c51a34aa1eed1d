// Handlers for app.* and health.*: no logic of their own. Runs in main (plain Node).
import type { AppInfo, Health } from '../../../preload/contract';
import type { Dispatcher } from '../dispatcher';

/** What the handlers read; create-app passes itself (typed here so the two files do not import each other). */
export type AppFacts = { info(): AppInfo; health: { current(): Health } };

export function registerAppHandlers(dispatcher: Dispatcher, app: AppFacts): void {
  dispatcher.handle('app.info', () => app.info());
  dispatcher.handle('health.get', () => app.health.current());
}
