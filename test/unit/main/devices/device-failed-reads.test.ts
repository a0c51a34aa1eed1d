import { describe, expect, it } from 'vitest';
import { createFailedReadRing } from '../../../../main/devices/device-failed-reads';

const read = (n: number, size = 4) => ({ deviceId: 'r', at: n, code: 'reader.bad-frame', raw: new Uint8Array(size).fill(n) });

describe('failed reads kept for support', () => {
  it('keeps the newest reads up to its capacity, oldest first', () => {
    const ring = createFailedReadRing({ capacity: 3 });
    for (let i = 1; i <= 5; i += 1) ring.push(read(i));
    expect(ring.list().map((r) => r.at)).toEqual([3, 4, 5]);
  });

  it('cuts each read to its byte limit', () => {
    const ring = createFailedReadRing({ maxBytesPerRead: 10 });
    ring.push(read(1, 1000));
    expect(ring.list()[0]!.raw).toHaveLength(10);
  });

  it('hands out copies, and keeps its own copy of what it was given', () => {
    const ring = createFailedReadRing();
    const original = read(7);
    ring.push(original);
    original.raw.fill(0);
    ring.list()[0]!.raw.fill(1);
    expect([...ring.list()[0]!.raw]).toEqual([7, 7, 7, 7]);
  });

  it('forgets everything on clear', () => {
    const ring = createFailedReadRing();
    ring.push(read(1));
    ring.clear();
    expect(ring.list()).toEqual([]);
  });
});
