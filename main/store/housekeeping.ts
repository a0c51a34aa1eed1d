// Runs the retention pass on a timer (purge due applications, expire old metadata) so nothing
// lingers between start-ups. Runs in main (plain Node).
import type { Logger } from '../logging/logger';
import type { Store } from './open-store';

export function startHousekeeping(store: Pick<Store, 'retention'>, opts: { log: Logger; intervalMs?: number }): { stop(): void } {
  const timer = setInterval(() => {
    try {
      store.retention.runDue();
    } catch (error) {
      opts.log.error({ err: (error as Error).message }, 'retention pass failed; it runs again at the next interval');
    }
  }, opts.intervalMs ?? 5 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
