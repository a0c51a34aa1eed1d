// Handlers for session.* and staff.*: each one line into the session service, typed and validated
// by the contract (the dispatcher checks payloads before they arrive). Runs in main (plain Node).
import type { CallContext, Dispatcher } from '../dispatcher';
import type { SessionService } from '../../session/session-service';

export function registerSessionHandlers(dispatcher: Dispatcher, session: SessionService): void {
  dispatcher.handle('session.get', () => session.view());
  dispatcher.handle('session.signIn', (req, ctx) => session.signIn(req, sourceOf(ctx)));
  dispatcher.handle('session.signOut', () => session.signOut());
  dispatcher.handle('session.lock', () => session.lock());
  dispatcher.handle('session.unlock', (req) => session.unlock(req));
  dispatcher.handle('session.setOfflinePin', ({ pin }) => session.setOfflinePin(pin));
  dispatcher.handle('session.elevate', ({ pin }, ctx) => session.elevate(pin, sourceOf(ctx)));
  dispatcher.handle('session.setAdminPin', (req) => session.setAdminPin(req));
  dispatcher.handle('staff.directory', () => session.staffDirectory());
  dispatcher.handle('staff.list', () => session.staffList());
  dispatcher.handle('staff.save', (req) => session.staffSave(req));
}

/** Where an attempt came from, for the wrong-PIN throttle: one window or one socket. */
export const sourceOf = (ctx: CallContext): string => `${ctx.transport}:${ctx.clientId}`;
