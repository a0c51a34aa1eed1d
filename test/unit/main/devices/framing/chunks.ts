// Test helpers for the framing tests: splitting byte streams into chunks. Runs in the test process.

/** Splits `bytes` at the given cut points (taken modulo length + 1; duplicates ignored). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of points) {
    chunks.push(bytes.slice(at, p));
    at = p;
  }
  chunks.push(bytes.slice(at));
  return chunks;
}

/** Every byte as its own chunk. */
export function byteByByte(bytes: Uint8Array): Uint8Array[] {
  return [...bytes].map((b) => Uint8Array.of(b));
}

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
