// The wall clock and a timer-based scheduler for the sync worker in the running app (tests inject
// a manual clock instead). Runs in main (plain Node).
import type { Clock, Scheduler } from './sync-ports';

/** setTimeout cannot wait longer than this (about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = { now: () => Date.now() };

export function timerScheduler(clock: Clock = systemClock): Scheduler {
  return {
    sleepUntil(at, signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = () => {
          if (timer !== undefined) clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const arm = () => {
          const wait = at - clock.now();
          if (wait <= 0) return done();
          if (!Number.isFinite(wait)) return; // only an abort ends this sleep
          timer = setTimeout(wait > MAX_TIMER_MS ? arm : done, Math.min(wait, MAX_TIMER_MS));
        };
        signal.addEventListener('abort', done, { once: true });
        arm();
      });
    },
  };
}
