import { describe, expect, it } from 'vitest';
import { diskHealth, diskState, warningFreeMb } from '../../../../main/app/disk-health';

const MB = 1024 * 1024;

describe('disk health (issue 12 §2)', () => {
  it('warns well before the floor and is an error below it', () => {
    expect(warningFreeMb(500)).toBe(1500);
    expect(diskHealth(5000 * MB, 500, 0).state).toBe('ok');
    expect(diskHealth(1499 * MB, 500, 0)).toMatchObject({ id: 'disk', state: 'degraded', params: { freeMb: 1499, floorMb: 500 } });
    expect(diskHealth(1499 * MB, 500, 0).message).toMatch(/nearly full.*below 500 MB/);
    // The 28 MB the issue found: health said "ok" while captures were refused.
    const full = diskHealth(28 * MB, 500, 0);
    expect(full.state).toBe('down');
    expect(full.message).toMatch(/disk is full \(28 MB free.*free space/);
  });

  it('follows the floor setting, and a floor of 0 still errs when nothing at all is free', () => {
    expect(diskState(300 * MB, 200)).toBe('low');
    expect(diskState(300 * MB, 50)).toBe('ok');
    expect(diskState(90 * MB, 0)).toBe('low');
    expect(diskState(0, 0)).toBe('full');
  });

  it('reports log lines dropped while the disk was full, and an unmeasurable disk plainly', () => {
    expect(diskHealth(5000 * MB, 500, 3)).toMatchObject({ state: 'ok', params: { droppedLogLines: 3 } });
    expect(diskHealth(5000 * MB, 500, 3).message).toMatch(/3 log lines were dropped/);
    expect(diskHealth(null, 500, 0)).toMatchObject({ state: 'ok', message: expect.stringMatching(/cannot be measured/) });
  });
});
