// A bounded ring of the raw bytes of failed reads, for support ("what did the reader send?").
// Kept in memory only, never logged: the bytes may hold an MRZ. Runs in main.

export type FailedRead = {
  deviceId: string;
  at: number;
  code: string;
  raw: Uint8Array;
};

export type FailedReadRing = {
  push(read: FailedRead): void;
  /** Oldest first; copies, so a caller cannot change what is kept. */
  list(): FailedRead[];
  clear(): void;
};

export function createFailedReadRing(opts: { capacity?: number; maxBytesPerRead?: number } = {}): FailedReadRing {
  const capacity = Math.max(1, opts.capacity ?? 32);
  const maxBytes = Math.max(1, opts.maxBytesPerRead ?? 4096);
  let reads: FailedRead[] = [];
  return {
    push(read) {
      reads.push({ ...read, raw: Uint8Array.from(read.raw.subarray(0, maxBytes)) });
      if (reads.length > capacity) reads = reads.slice(reads.length - capacity);
    },
    list: () => reads.map((r) => ({ ...r, raw: Uint8Array.from(r.raw) })),
    clear() {
      reads = [];
    },
  };
}
