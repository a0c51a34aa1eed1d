// Seeded randomness for the emulator, so fault rules with a `probability` fire reproducibly
// (RAW-API §15.2). Runs wherever the emulator runs. Pure.

/** mulberry32: a tiny, well-distributed 32-bit generator; plenty for picking faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
