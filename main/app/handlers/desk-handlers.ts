// Handlers for the queue, results, guest links and queued applications: each asks the current
// services, naming who acts. Runs in main (plain Node).
import { AppError } from '../../app-error';
import { queuedListView } from '../services/queued-applications-service';
import type { AppServices } from '../services/app-services';
import type { Dispatcher } from '../dispatcher';
import { registerGuestLinkHandlers } from './guest-link-handlers';

export function registerDeskHandlers(dispatcher: Dispatcher, services: AppServices): void {
  const { queue, results, session, queuedList } = services;
  /** Who acts (the guard has already required a signed-in, unlocked session). */
  const actor = () => {
    const who = session.current();
    if (!who) throw new AppError('session.signed-out', 'Sign in first.');
    return { userId: who.staffId ?? 'staff', admin: who.admin, accountId: who.accountId };
  };

  dispatcher.handle('queue.list', () => queue.list());
  dispatcher.handle('queue.summary', () => queue.summary());
  dispatcher.handle('queue.syncNow', () => queue.syncNow());
  dispatcher.handle('queue.tryAgain', () => queue.tryAgain());
  dispatcher.handle('queue.act', ({ id, action }) => queue.act(id, action, actor()));
  dispatcher.handle('queue.discard', ({ id, reason }) => queue.discard(id, reason, actor()));

  dispatcher.handle('results.list', (filter) => results.list(filter));
  dispatcher.handle('results.get', ({ id }) => results.get(id, actor().userId));
  dispatcher.handle('results.image', ({ id, imageId }) => results.image(id, imageId));
  dispatcher.handle('results.pdf', ({ id }) => results.pdf(id));

  registerGuestLinkHandlers(dispatcher, services);
  dispatcher.handle('queued.list', async () => {
    actor();
    return queuedListView(await queuedList.list());
  });
}
