// A manual clock and scheduler for driving the sync worker in tests: time moves only when the test
// says, and sleepers wake when it passes their time.
import type { Clock, Scheduler } from '../../../main/sync/sync-ports';

export class ManualTime implements Clock, Scheduler {
  private sleepers: { at: number; wake: () => void }[] = [];
  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  sleepUntil(at: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || at <= this.t) return resolve();
      const sleeper = {
        at,
        wake: () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          signal.removeEventListener('abort', sleeper.wake);
          resolve();
        },
      };
      signal.addEventListener('abort', sleeper.wake, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** Moves time to `to` (never backwards) and wakes whoever was due. */
  set(to: number): void {
    this.t = Math.max(this.t, to);
    for (const s of [...this.sleepers]) if (s.at <= this.t) s.wake();
  }

  advance(ms: number): void {
    this.set(this.t + ms);
  }
}
