// Holds the queue record (SUBMISSION-PROTOCOL §8) in memory for the worker, applies queue events
// through the pure queue machine, and persists it: at once when a pause, not_before, the network
// state or the probe level changes (a pause must survive a crash, I6); otherwise (the online clock,
// the last success, the transport-failure count) inside an application commit at most every 30 s,
// so it costs no fsync of its own and little work per step. A crash loses at most 30 s of online
// clock, which only makes a retry budget slightly more generous. Runs in main.
import type { Logger } from '../logging/logger';
import { effectiveQueueState, nextQueueState, onlineSeconds, resumeQueueAtStartup, type QueueEvent, type QueueRecord } from './queue-machine';
import type { SyncParams } from './sync-params';
import type { Clock, SubmissionStore } from './sync-ports';

const PERIODIC_PERSIST_MS = 30_000;

function structural(q: QueueRecord): string {
  const pauses = Object.entries(q.accounts).map(([id, a]) => [id, a.pause?.kind ?? null]);
  return JSON.stringify([q.network, q.notBefore, q.probeLevel, pauses]);
}

export class QueueKeeper {
  private q: QueueRecord;
  private dirty = false;
  private lastPersistAt = -Infinity;

  constructor(
    private readonly store: SubmissionStore,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly params: SyncParams,
    private readonly log: Logger,
    private readonly onChange: () => void,
  ) {
    this.q = resumeQueueAtStartup(null, clock.now());
  }

  /** §8 start-up: RUNNING unless paused; pauses and the online clock carry over. */
  start(): void {
    this.q = resumeQueueAtStartup(this.store.loadQueue(), this.clock.now());
    this.persist();
  }

  get record(): Readonly<QueueRecord> {
    return this.q;
  }

  onlineS(now = this.clock.now()): number {
    return onlineSeconds(this.q, now);
  }

  apply(event: QueueEvent): void {
    const before = structural(this.q);
    this.q = nextQueueState(this.q, event, { now: this.clock.now(), random: this.random, params: this.params });
    this.dirty = true;
    if (structural(this.q) !== before) {
      this.persist();
      this.onChange();
    }
  }

  /** Writes the record if it changed and was last written 30 s ago or more; callers use it inside their transaction. */
  flushIfDirty(): void {
    if (this.dirty && this.clock.now() - this.lastPersistAt >= PERIODIC_PERSIST_MS) this.persist();
  }

  persist(): void {
    // Bring the online clock up to now before writing it.
    this.q = nextQueueState(this.q, { type: 'tick' }, { now: this.clock.now(), random: this.random, params: this.params });
    try {
      this.store.saveQueue(this.q, effectiveQueueState(this.q, []));
      this.dirty = false;
      this.lastPersistAt = this.clock.now();
    } catch (error) {
      this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'could not save the sync queue state');
    }
  }
}
