// Group commit for the sync worker (issue 13): writes asked for in the same turn of the event loop
// share one transaction, so with synchronous=FULL they cost one fsync between them. Each caller's
// promise settles only after that transaction has committed, so a step record is durable before its
// request leaves (W1). Runs in main (plain Node).

/**
 * What is needed from the store: a synchronous transaction whose nested calls are savepoints and,
 * where the store has one, a commit whose fsync runs off the event loop (see SubmissionRepo).
 */
export type Transactor = {
  transaction<T>(fn: () => T): T;
  commitThenSync?<T>(fn: () => T): { value: T; synced: Promise<void> };
};

export type GroupCommitStats = {
  /** Transactions committed (one fsync each under WAL + synchronous=FULL). */
  transactions: number;
  /** Writes committed through them. */
  writes: number;
  /** Time spent inside the transactions (the event loop is blocked), ms. */
  ms: number;
  /** Time from commit until the fsync returned, summed over groups (the event loop is free), ms. */
  syncMs: number;
};

type Pending = { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  /** An fsync off the event loop is running: writes asked for meanwhile wait and go in the next group. */
  private syncing = false;
  readonly stats: GroupCommitStats = { transactions: 0, writes: 0, ms: 0, syncMs: 0 };

  /**
   * @param store where the writes go.
   * @param beforeCommit runs once inside each group's transaction, after its writes (the queue record).
   * @param defer when the group is flushed; setImmediate lets every answer that arrived in this poll
   *   phase join (injectable for tests).
   */
  constructor(
    private readonly store: Transactor,
    private readonly beforeCommit: () => void = () => undefined,
    private readonly defer: (fn: () => void) => void = (fn) => void setImmediate(fn),
  ) {}

  /**
   * Runs `write` in the next group transaction; resolves with its value once that transaction has
   * committed. `write` must be synchronous (W3). It runs in its own savepoint, so one that throws
   * is rolled back alone and rejects alone; the others still commit.
   */
  commit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled && !this.syncing) {
        this.scheduled = true;
        this.defer(() => this.flush());
      }
    });
  }

  /** Commits whatever is waiting now (also called by the deferred flush). */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const body = () => {
      for (const p of batch) {
        try {
          results.push({ ok: true, value: this.store.transaction(p.write) });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      this.beforeCommit();
    };
    const started = performance.now();
    let synced: Promise<void>;
    try {
      if (this.store.commitThenSync) synced = this.store.commitThenSync(body).synced;
      else {
        this.store.transaction(body);
        synced = Promise.resolve();
      }
    } catch (error) {
      // The transaction itself failed (disk full, I/O error): nothing of the batch is durable.
      for (const p of batch) p.reject(error);
      return;
    } finally {
      this.stats.ms += performance.now() - started;
    }
    this.stats.transactions += 1;
    this.stats.writes += batch.length;
    const committed = performance.now();
    // One fsync at a time: the writes that arrive while it runs gather into the next group, so a
    // busy queue pays one fsync for many step records (classic group commit).
    this.syncing = true;
    const next = () => {
      this.syncing = false;
      if (this.pending.length > 0 && !this.scheduled) {
        this.scheduled = true;
        this.defer(() => this.flush());
      }
    };
    synced.finally(next).catch(() => undefined);
    // Nobody hears of a write before it is durable: W1's request waits for this.
    synced.then(
      () => {
        this.stats.syncMs += performance.now() - committed;
        batch.forEach((p, i) => {
          const r = results[i]!;
          if (r.ok) p.resolve(r.value);
          else p.reject(r.error);
        });
      },
      (error: unknown) => {
        for (const p of batch) p.reject(error);
      },
    );
  }
}
