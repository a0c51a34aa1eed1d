// What the pure sync machines are given besides state and event: the time, the online clock, the
// randomness and the parameters (STYLE: time and randomness are injected). Runs in main.
import type { SyncParams } from './sync-params';

export type MachineContext = {
  /** Wall-clock time, epoch milliseconds. */
  now: number;
  /** The online clock of §2/§8 in seconds: time during which the queue was RUNNING. */
  onlineS: number;
  /** Uniform in [0, 1). */
  random: () => number;
  params: SyncParams;
};
