// Group commit for the sync worker (issue 13): writes asked for in the same turn of the event loop
// share one transaction, so with synchronous=FULL they cost one fsync between them. Each caller's
// promise settles only after that transaction has committed, so a step record is durable before its
// request leaves (W1). Runs in main (plain Node).

/** The one thing needed from the store: a synchronous transaction whose nested calls are savepoints. */
export type Transactor = { transaction<T>(fn: () => T): T };

export type GroupCommitStats = {
  /** Transactions committed (one fsync each under WAL + synchronous=FULL). */
  transactions: number;
  /** Writes committed through them. */
  writes: number;
  /** Time spent inside the transactions, ms. */
  ms: number;
};

type Pending = { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  readonly stats: GroupCommitStats = { transactions: 0, writes: 0, ms: 0 };

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
      if (!this.scheduled) {
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
    const started = performance.now();
    try {
      this.store.transaction(() => {
        for (const p of batch) {
          try {
            results.push({ ok: true, value: this.store.transaction(p.write) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
        this.beforeCommit();
      });
    } catch (error) {
      // The transaction itself failed (disk full, I/O error): nothing of the batch is durable.
      for (const p of batch) p.reject(error);
      return;
    } finally {
      this.stats.ms += performance.now() - started;
    }
    this.stats.transactions += 1;
    this.stats.writes += batch.length;
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  }
}
