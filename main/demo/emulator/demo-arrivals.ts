// Demo mode's workflow 2 (RAW-API §0.3, §13.4): applications "made elsewhere" (the TrustID web
// client, the mobile app, another kiosk) that arrive in the account over the first minutes, so the
// results inbox has something to receive without a real account. The app wires it in demo mode
// only. Runs in main (plain Node), next to the in-process emulator.
import type { Outcome } from './config';
import type { RunningEmulator } from './emulator';

/** Clearly fake holders; REFER goes to expert review (§8.4 `scenario.referSurnames`). */
const DEMO_HOLDERS: { surname: string; outcome: Outcome | 'auto' }[] = [
  { surname: 'EXAMPLE', outcome: 'auto' },
  { surname: 'SPECIMEN', outcome: 'pass' },
  { surname: 'REFER', outcome: 'auto' },
  { surname: 'TESTCASE', outcome: 'fail' },
];

/** When the demo applications arrive, in ms after the schedule starts: over the first five minutes. */
export const DEMO_ARRIVAL_DELAYS_MS = [20_000, 75_000, 150_000, 270_000];

export type ApplicationElsewhereOptions = {
  /** Default demo.admin at Reception, so the front-desk and admin demo users see it. */
  username?: string;
  surname?: string;
  outcome?: Outcome | 'auto';
  /** Back-dates CreatedAt, as an application built elsewhere and published later would be (§13.4). */
  createdAgoMs?: number;
};

/** One published application made elsewhere, now. Returns its ContainerId. */
export function simulateApplicationElsewhere(emulator: RunningEmulator, options: ApplicationElsewhereOptions = {}): string {
  return emulator.createApplicationElsewhere({
    ...(options.username !== undefined ? { username: options.username } : {}),
    surname: options.surname ?? 'EXAMPLE',
    outcome: options.outcome ?? 'auto',
    ...(options.createdAgoMs !== undefined ? { createdAgoMs: options.createdAgoMs } : {}),
  });
}

/** Booked visitors the back office has queued (workflow 3), so the desk's queued list is not empty in demo. */
const DEMO_QUEUED_REFERENCES = ['DEMO-VISIT-101', 'DEMO-VISIT-102'];

/**
 * Queued applications prepared elsewhere by demo.admin at Reception, each with a VisitorReference
 * (when the account defines that field), for the desk to fill in demo mode. Returns their ContainerIds.
 */
export function prepareDemoQueuedApplications(emulator: RunningEmulator, references: string[] = DEMO_QUEUED_REFERENCES): string[] {
  const hasVisitorReference = emulator.config().flexibleFields.some((field) => field.name === 'VisitorReference');
  return references.map((reference) => emulator.createQueuedElsewhere(hasVisitorReference ? { values: { VisitorReference: reference } } : {}));
}

export type ArrivalSchedule = {
  delaysMs?: number[];
  username?: string;
  /** Injected for tests; default setTimeout (unref'd, so it never keeps the process alive). */
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
  /** Told about each arrival, or about a failure (the emulator may have closed meanwhile). */
  onArrival?: (result: { containerId: string } | { error: unknown }) => void;
};

function defaultTimer(run: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(run, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/** Schedules the demo arrivals; returns a function that cancels those still to come. */
export function scheduleApplicationsElsewhere(emulator: RunningEmulator, schedule: ArrivalSchedule = {}): () => void {
  const delays = schedule.delaysMs ?? DEMO_ARRIVAL_DELAYS_MS;
  const setTimer = schedule.setTimer ?? defaultTimer;
  const timers = delays.map((delay, index) =>
    setTimer(() => {
      const holder = DEMO_HOLDERS[index % DEMO_HOLDERS.length]!;
      try {
        // Every other one was built a while before it was published, as §13.4's deep sweep expects.
        const containerId = simulateApplicationElsewhere(emulator, {
          ...(schedule.username !== undefined ? { username: schedule.username } : {}),
          surname: holder.surname,
          outcome: holder.outcome,
          ...(index % 2 === 1 ? { createdAgoMs: 10 * 60_000 } : {}),
        });
        schedule.onArrival?.({ containerId });
      } catch (error) {
        schedule.onArrival?.({ error });
      }
    }, delay),
  );
  return () => {
    for (const timer of timers) timer.cancel();
  };
}
