// Handlers for demo.*: the rehearsal controls, refused outside demo mode. Runs in main (plain Node).
import type { Logger } from '../../logging/logger';
import type { DemoControlService } from '../demo-controls';
import type { Dispatcher } from '../dispatcher';

export function registerDemoHandlers(dispatcher: Dispatcher, controls: DemoControlService, log: Logger): void {
  dispatcher.handle('demo.get', () => controls.get());
  dispatcher.handle('demo.set', (change) => {
    const next = controls.set(change);
    log.info({ demo: next }, 'demo rehearsal changed');
    return next;
  });
}
