// Unit tests mirror their sources (STYLE: Tests): test/unit/main/<path>/<name>.test.ts tests
// main/<path>/<name>.ts and test/unit/renderer/<path>/<Name>.test.tsx tests renderer/src/<path>/<Name>.tsx,
// so a reader finds a module's test, and a test whose module moved or went away is noticed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');

/** Each mirrored tree: where its tests sit, and the source folder they mirror. */
const trees = [
  { tests: 'test/unit/main', sources: 'main' },
  { tests: 'test/unit/renderer', sources: 'renderer/src' },
];

const sourceEndings = ['.ts', '.tsx'];

/**
 * Tests that deliberately cover several modules at once, so no one source can carry their name.
 * Each says why; an entry whose test is gone or now mirrors a source fails below, so the list
 * only shrinks.
 */
const exceptions: Record<string, string> = {
  'test/unit/main/capture/capture-queued.test.ts': 'capture into a queued application, from capture.start through the store (SUBMISSION-PROTOCOL §13)',
  'test/unit/main/devices/framing/framing-fuzz.test.ts': 'fuzzes every reader framing with the same streams',
  'test/unit/main/devices/mrz/public-samples.test.ts': 'the public MRZ corpus through the whole parser (normalise, read, check digits)',
  'test/unit/main/electron/electron-entry.test.ts': 'main/index.ts wired against the fake electron module (a test named index.test.ts would say nothing)',
  'test/unit/main/electron/recovery-and-power.test.ts': 'recovery.ts and power.ts together, as the window and the power blocker meet on a crash',
  'test/unit/main/store/queued-fill.test.ts': "the store's side of completing a queued application, across its record and migration",
  'test/unit/main/sync/queued-staff-actions.test.ts': 'staff actions on queued applications through the sync engine and the store (§10, §13.7)',
  'test/unit/main/sync/submission-invariants.test.ts': 'property-based proof of the §9 invariants over the whole sync machine',
  'test/unit/main/sync/submission-concurrency.test.ts': 'the worker with several applications in flight: its runners, the upload limit and the group commit together (issue 13)',
};

function testFiles(folder: string): string[] {
  return fs.readdirSync(path.join(repo, folder), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(rel);
    return /\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** The source a test file mirrors, or null when none of the expected files exists. */
function mirroredSource(testFile: string): string | null {
  const tree = trees.find((t) => testFile.startsWith(`${t.tests}/`))!;
  const stem = testFile.slice(tree.tests.length + 1).replace(/\.test\.tsx?$/, '');
  const candidates = sourceEndings.map((ending) => path.posix.join(tree.sources, stem + ending));
  return candidates.find((candidate) => fs.existsSync(path.join(repo, candidate))) ?? null;
}

describe('tests mirror their sources', () => {
  const all = trees.flatMap((t) => testFiles(t.tests));

  it('finds the tests of both trees', () => {
    for (const tree of trees) expect(all.filter((f) => f.startsWith(`${tree.tests}/`)).length, tree.tests).toBeGreaterThan(20);
  });

  it('names a source that exists, at the same path, for every test outside the exceptions', () => {
    const orphans = all.filter((f) => !(f in exceptions) && mirroredSource(f) === null);
    expect(orphans, 'move each test beside the path of its source, or list it in exceptions with a reason').toEqual([]);
  });

  it('keeps no stale exceptions: each listed test exists and mirrors no single source', () => {
    const stale = Object.keys(exceptions).filter((f) => !all.includes(f) || mirroredSource(f) !== null);
    expect(stale).toEqual([]);
  });

  it('maps a test to its source, and refuses one whose source is elsewhere', () => {
    expect(mirroredSource('test/unit/renderer/features/capture/CaptureScreen.test.tsx')).toBe('renderer/src/features/capture/CaptureScreen.tsx');
    expect(mirroredSource('test/unit/main/logging/logger.test.ts')).toBe('main/logging/logger.ts');
    expect(mirroredSource('test/unit/renderer/capture/CaptureScreen.test.tsx')).toBeNull();
  });
});
