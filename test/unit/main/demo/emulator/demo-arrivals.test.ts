// Demo mode's applications "made elsewhere" (workflow 2): scheduled on an injected timer, each one
// a published application by another user that the front desk can see, cancellable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDemoQueuedApplications, scheduleApplicationsElsewhere, simulateApplicationElsewhere, startEmulator } from '../../../../../main/demo/emulator';
import type { RunningEmulator } from '../../../../../main/demo/emulator';

describe('demo arrivals made elsewhere', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ clock: 'manual', now: () => Date.UTC(2026, 5, 1, 9), processing: { workflowDelayMs: 1, decisionDelayMs: 1 } });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('makes one published application by demo.admin at Reception', async () => {
    const id = simulateApplicationElsewhere(emu, { surname: 'EXAMPLE', outcome: 'pass' });
    const [summary] = emu.containers().filter((c) => c.containerId === id);
    const admin = emu.users.find((u) => u.username === 'demo.admin')!;
    expect(summary).toMatchObject({ storageType: 5, userId: admin.id, branchId: admin.branchId });
    await emu.advanceClock(10);
    expect(emu.containers().find((c) => c.containerId === id)?.storageType).toBe(3);
  });

  it('schedules arrivals on the timer it is given and cancels those still to come', () => {
    const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
    const arrived: string[] = [];
    const cancel = scheduleApplicationsElsewhere(emu, {
      delaysMs: [1000, 2000, 3000],
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
      onArrival: (result) => arrived.push('containerId' in result ? result.containerId : 'error'),
    });
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 3000]);
    timers[0]!.run();
    timers[1]!.run();
    expect(arrived).toHaveLength(2);
    expect(emu.containers().map((c) => c.containerId).sort()).toEqual([...arrived].sort());
    // The second was built ten minutes before it was published, as an app user's might be.
    const second = emu.containers().find((c) => c.containerId === arrived[1])!;
    expect(emu.now() - second.createdAt).toBe(600_000);
    cancel();
    expect(timers.map((t) => t.cancelled)).toEqual([true, true, true]);
  });

  it('prepares queued applications with a visitor reference for the desk to fill', () => {
    const ids = prepareDemoQueuedApplications(emu);
    expect(ids).toHaveLength(2);
    expect(emu.containers().filter((c) => ids.includes(c.containerId)).map((c) => [c.storageType, c.kind])).toEqual([
      [7, 'queued'],
      [7, 'queued'],
    ]);
  });
});
