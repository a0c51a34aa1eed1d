// Decides, poll by poll, which scans in the hot folder are whole: every file of the scan kept its
// size and time for `stablePolls` polls, and no new file joined it for `settleMs`. Pure state, no
// I/O: the driver feeds it directory listings and the time. Runs in main.
import { classifyScanFile } from './scan-names';

export type ListedFile = { name: string; size: number; mtimeMs: number };

export type ReadyScan = {
  scan: string;
  files: string[];
  /** When a file of this scan last changed (for giving up on a file that stays cut short). */
  lastChange: number;
};

type Seen = { size: number; mtimeMs: number; firstSeen: number; lastChange: number; stable: number };

export type FolderTracker = {
  /** Records one listing taken at `now`; returns the scans that are ready to be taken. */
  observe(files: readonly ListedFile[], now: number): ReadyScan[];
  /** Leaves these files alone until they change (a scan that could not be moved away). */
  ignoreUntilChanged(names: readonly string[]): void;
  /** Files currently tracked (for tests and support). */
  size(): number;
};

export function createFolderTracker(opts: { stablePolls: number; settleMs: number; giveUpMs: number }): FolderTracker {
  const seen = new Map<string, Seen>();
  const ignored = new Map<string, { size: number; mtimeMs: number }>();

  return {
    observe(files, now) {
      const present = new Set<string>();
      for (const file of files) {
        present.add(file.name);
        const hold = ignored.get(file.name);
        if (hold && hold.size === file.size && hold.mtimeMs === file.mtimeMs) continue;
        ignored.delete(file.name);
        const prev = seen.get(file.name);
        if (!prev) {
          seen.set(file.name, { size: file.size, mtimeMs: file.mtimeMs, firstSeen: now, lastChange: now, stable: 0 });
        } else if (prev.size !== file.size || prev.mtimeMs !== file.mtimeMs) {
          Object.assign(prev, { size: file.size, mtimeMs: file.mtimeMs, lastChange: now, stable: 0 });
        } else {
          prev.stable += 1;
        }
      }
      for (const name of [...seen.keys()]) if (!present.has(name)) seen.delete(name);
      for (const name of [...ignored.keys()]) if (!present.has(name)) ignored.delete(name);

      const groups = new Map<string, string[]>();
      for (const name of seen.keys()) {
        const file = classifyScanFile(name);
        if (file.role === 'ignored') continue;
        groups.set(file.scan, [...(groups.get(file.scan) ?? []), name]);
      }
      const ready: ReadyScan[] = [];
      for (const [scan, names] of groups) {
        const entries = names.map((n) => seen.get(n)!);
        if (entries.some((e) => e.stable < opts.stablePolls)) continue;
        // An empty file is not a scan yet (writers often create the file, then fill it), unless it
        // stayed empty so long that the driver should give up on it.
        if (entries.some((e) => e.size === 0 && now - e.lastChange < opts.giveUpMs)) continue;
        if (now - Math.max(...entries.map((e) => e.firstSeen)) < opts.settleMs) continue;
        ready.push({ scan, files: names.sort(), lastChange: Math.max(...entries.map((e) => e.lastChange)) });
      }
      return ready.sort((a, b) => a.lastChange - b.lastChange || a.scan.localeCompare(b.scan));
    },

    ignoreUntilChanged(names) {
      for (const name of names) {
        const s = seen.get(name);
        if (s) ignored.set(name, { size: s.size, mtimeMs: s.mtimeMs });
        seen.delete(name);
      }
    },

    size: () => seen.size,
  };
}
