// Handlers for session.* and staff.*: each one line into the session service, typed and validated
// by the contract (the dispatcher checks payloads before they arrive). Runs in main (plain Node).
import type { Dispatcher } from '../app/dispatcher';
import type { SessionService } from './session-service';

export function registerSessionHandlers(dispatcher: Dispatcher, session: SessionService): void {
  dispatcher.handle('session.get', () => session.view());
  dispatcher.handle('session.signIn', (req) => session.signIn(req));
  dispatcher.handle('session.signOut', () => session.signOut());
  dispatcher.handle('session.lock', () => session.lock());
  dispatcher.handle('session.unlock', (req) => session.unlock(req));
  dispatcher.handle('session.setOfflinePin', ({ pin }) => session.setOfflinePin(pin));
  dispatcher.handle('session.elevate', ({ pin }) => session.elevate(pin));
  dispatcher.handle('session.setAdminPin', (req) => session.setAdminPin(req));
  dispatcher.handle('staff.directory', () => session.staffDirectory());
  dispatcher.handle('staff.list', () => session.staffList());
  dispatcher.handle('staff.save', (req) => session.staffSave(req));
}
