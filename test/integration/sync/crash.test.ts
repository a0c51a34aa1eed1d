// Crash tests of the sync worker (issue 5 "Crash test", SUBMISSION-PROTOCOL §12 test 2): a real child
// process SIGKILLed at exact points and at random moments, restarted, drained; see crash-harness.ts.
// CI runs 100 random kill points; SYNC_CRASH_POINTS=1000 (or the harness CLI with --points 1000)
// runs the full count.
import { describe, expect, it } from 'vitest';
import type { KillPoint } from './crash-child';
import { runCrashHarness } from './crash-harness';

const POINTS = Number(process.env.SYNC_CRASH_POINTS ?? 100);

describe('sync worker crash tests', () => {
  it('§12.2: killed just after the SENT commit, after TrustID applied a request, and in the middle of a commit, at every mutating step — each capture is published exactly once', async () => {
    const kinds = ['createContainer', 'createDocument', 'uploadImage', 'uploadApplicantPhoto', 'publish'];
    const script: KillPoint[] = [
      ...kinds.map((kind): KillPoint => ({ when: 'before-send', kind, n: 1 })),
      ...kinds.map((kind): KillPoint => ({ when: 'after-answer', kind, n: 1 })),
      ...[1, 2, 3, 5, 8].map((n): KillPoint => ({ when: 'mid-commit', n })),
    ];
    const report = await runCrashHarness({ script, apps: 12, seed: 12, emulatorRestartEvery: 0 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(script.length);
    for (const kind of kinds) {
      expect(report.killsBy[`before-send ${kind}`]).toBe(1);
      expect(report.killsBy[`after-answer ${kind}`]).toBe(1);
    }
  }, 120_000);

  it(`${POINTS} random kill points across every step, with TrustID restarting from its state file: every acknowledged capture published exactly once, none lost, integrity ok, no orphan files`, async () => {
    const report = await runCrashHarness({ points: POINTS, apps: 24 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBeGreaterThanOrEqual(POINTS);
    expect(report.killsBy.timer).toBeGreaterThan(POINTS / 4);
    expect(Object.keys(report.killsBy).some((k) => k.startsWith('before-send'))).toBe(true);
    expect(Object.keys(report.killsBy).some((k) => k.startsWith('after-answer'))).toBe(true);
    expect(Object.keys(report.killsBy).some((k) => k.startsWith('mid-commit'))).toBe(true);
    expect(report.emulatorRestarts).toBeGreaterThan(0);
    console.info(
      `crash harness: ${report.kills} kill points, ${report.apps} applications, ${report.lives} lives, ${report.restartsCounted} counted restarts, ${report.staffRetries} staff retries at the restart cap, ${(report.wallMs / 1000).toFixed(1)} s`,
    );
  }, Math.max(300_000, POINTS * 3_000));
});
