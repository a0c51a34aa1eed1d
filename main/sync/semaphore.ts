// A counting semaphore with first-come-first-served waiters: the worker's limit on uploads in flight
// (SyncParams.uploadConcurrency). Runs in main (plain Node).

export class Semaphore {
  private readonly waiters: (() => void)[] = [];

  constructor(private free: number) {}

  /** Takes a permit if one is free now, without waiting. */
  tryAcquire(): boolean {
    if (this.free <= 0) return false;
    this.free -= 1;
    return true;
  }

  /** Resolves once a permit is held; waiters are served in the order they asked. */
  acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Gives a permit back, straight to the longest waiter if there is one. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free += 1;
  }
}
