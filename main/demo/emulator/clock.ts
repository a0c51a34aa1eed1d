// The emulator's sense of time (RAW-API §15.1 `clock`): the real clock, or a manual one that moves
// only when a test advances it, so purges, session expiry, processing and webhook retries can be
// tested without sleeping. Runs wherever the emulator runs.

export type ClockMode = 'real' | 'manual';

export interface EmulatorClock {
  readonly mode: ClockMode;
  now(): number;
  /** Manual clock only: moves time forward to `ms` (never backwards). */
  moveTo(ms: number): void;
}

export function realClock(now: () => number = Date.now): EmulatorClock {
  return {
    mode: 'real',
    now,
    moveTo() {
      // The real clock cannot be moved; advancing it is refused earlier with a clear message.
    },
  };
}

export function manualClock(start: number): EmulatorClock {
  let current = start;
  return {
    mode: 'manual',
    now: () => current,
    moveTo(ms: number) {
      if (ms > current) current = ms;
    },
  };
}
