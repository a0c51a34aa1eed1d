import { describe, expect, it } from 'vitest';
import { createFolderTracker, type ListedFile } from '../../../../../main/devices/hot-folder/folder-tracker';

const f = (name: string, size = 100, mtimeMs = 1): ListedFile => ({ name, size, mtimeMs });
const tracker = () => createFolderTracker({ stablePolls: 2, settleMs: 1500, giveUpMs: 30_000 });

describe('taking only whole scans from the hot folder', () => {
  it('takes a scan once its files kept size and time for two polls and the settle time passed', () => {
    const t = tracker();
    expect(t.observe([f('a.jpg')], 0)).toEqual([]);
    expect(t.observe([f('a.jpg')], 1000)).toEqual([]);
    expect(t.observe([f('a.jpg')], 2000)).toEqual([{ scan: 'a', files: ['a.jpg'], lastChange: 0 }]);
  });

  it('starts counting again when a file grows', () => {
    const t = tracker();
    t.observe([f('a.jpg', 10)], 0);
    t.observe([f('a.jpg', 10)], 1000);
    expect(t.observe([f('a.jpg', 20)], 2000)).toEqual([]);
    expect(t.observe([f('a.jpg', 20)], 3000)).toEqual([]);
    expect(t.observe([f('a.jpg', 20)], 4000)).toEqual([{ scan: 'a', files: ['a.jpg'], lastChange: 2000 }]);
  });

  it('notices a rewrite of the same size by its time', () => {
    const t = tracker();
    t.observe([f('a.jpg', 10, 1)], 0);
    t.observe([f('a.jpg', 10, 1)], 1000);
    expect(t.observe([f('a.jpg', 10, 2)], 2000)).toEqual([]);
  });

  it('waits for the other side of a scan to settle before taking it', () => {
    const t = tracker();
    t.observe([f('a.front.jpg')], 0);
    t.observe([f('a.front.jpg')], 1000);
    expect(t.observe([f('a.front.jpg'), f('a.back.jpg')], 2000)).toEqual([]);
    expect(t.observe([f('a.front.jpg'), f('a.back.jpg')], 3000)).toEqual([]);
    expect(t.observe([f('a.front.jpg'), f('a.back.jpg')], 4000)).toEqual([{ scan: 'a', files: ['a.back.jpg', 'a.front.jpg'], lastChange: 2000 }]);
  });

  it('holds a scan while one of its files is still changing', () => {
    const t = tracker();
    for (let i = 0; i < 5; i += 1) expect(t.observe([f('a.front.jpg'), f('a.json', 10 + i)], i * 1000)).toEqual([]);
  });

  it('never groups temporary names, and takes the file once renamed into place', () => {
    const t = tracker();
    for (let i = 0; i < 4; i += 1) expect(t.observe([f('a.jpg.part')], i * 1000)).toEqual([]);
    t.observe([f('a.jpg')], 4000);
    t.observe([f('a.jpg')], 5000);
    expect(t.observe([f('a.jpg')], 6000)).toHaveLength(1);
  });

  it('waits on an empty file, then gives it up after the grace time', () => {
    const t = tracker();
    for (let i = 0; i < 10; i += 1) expect(t.observe([f('a.jpg', 0)], i * 1000)).toEqual([]);
    expect(t.observe([f('a.jpg', 0)], 30_000)).toEqual([{ scan: 'a', files: ['a.jpg'], lastChange: 0 }]);
  });

  it('forgets files that disappear', () => {
    const t = tracker();
    t.observe([f('a.jpg'), f('b.jpg')], 0);
    t.observe([f('b.jpg')], 1000);
    expect(t.size()).toBe(1);
  });

  it('leaves files it was told to ignore alone until they change', () => {
    const t = tracker();
    t.observe([f('a.jpg')], 0);
    t.observe([f('a.jpg')], 1000);
    t.ignoreUntilChanged(['a.jpg']);
    for (let i = 2; i < 6; i += 1) expect(t.observe([f('a.jpg')], i * 1000)).toEqual([]);
    t.observe([f('a.jpg', 200)], 6000);
    t.observe([f('a.jpg', 200)], 7000);
    expect(t.observe([f('a.jpg', 200)], 8000)).toHaveLength(1);
  });

  it('hands out the oldest scan first', () => {
    const t = tracker();
    t.observe([f('b.jpg')], 0);
    t.observe([f('b.jpg'), f('a.jpg')], 1000);
    t.observe([f('b.jpg'), f('a.jpg')], 2000);
    t.observe([f('b.jpg'), f('a.jpg')], 3000);
    expect(t.observe([f('b.jpg'), f('a.jpg')], 4000).map((s) => s.scan)).toEqual(['b', 'a']);
  });
});
