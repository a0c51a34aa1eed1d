// Keeps the last N bytes of failed reads for support: bounded so garbage cannot grow memory, and
// held only in memory (never logged: it may hold personal data). Runs in main.

export class BoundedBytes {
  private buffer: Uint8Array;
  private length = 0;

  constructor(readonly capacity = 4096) {
    this.buffer = new Uint8Array(capacity);
  }

  append(bytes: Uint8Array): void {
    if (bytes.length >= this.capacity) {
      this.buffer.set(bytes.subarray(bytes.length - this.capacity));
      this.length = this.capacity;
      return;
    }
    const overflow = Math.max(0, this.length + bytes.length - this.capacity);
    if (overflow > 0) {
      this.buffer.copyWithin(0, overflow, this.length);
      this.length -= overflow;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A copy of what is held, oldest first. */
  snapshot(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
