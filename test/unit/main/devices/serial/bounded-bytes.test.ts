import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedBytes } from '../../../../../main/devices/serial/bounded-bytes';

describe('bounded bytes', () => {
  it('keeps exactly the last bytes appended, never more than its capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (chunks, capacity) => {
        const kept = new BoundedBytes(capacity);
        for (const c of chunks) kept.append(c);
        const all = chunks.flatMap((c) => [...c]);
        expect([...kept.snapshot()]).toEqual(all.slice(Math.max(0, all.length - capacity)));
      }),
    );
  });

  it('empties on clear', () => {
    const kept = new BoundedBytes(8);
    kept.append(Uint8Array.of(1, 2, 3));
    kept.clear();
    expect(kept.snapshot().length).toBe(0);
  });
});
