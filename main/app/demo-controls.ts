// Demo rehearsal (issue 11 §6): the administrator's choices turned into the emulator's own controls
// (scenario for the next publish, fault rules; RAW-API §15.2) and the simulated reader's next
// specimen. The one place demo/ is steered from, inside main/app. Runs in main (plain Node).
import type { DemoControls, DemoSpecimen } from '../../preload/contract';
import { AppError } from '../app-error';
import type { RunningEmulator } from '../demo/emulator';
import { SimulatedReader } from '../demo/simulated-reader/simulated-reader';
import type { SpecimenOptions } from '../demo/simulated-reader/specimen-documents';
import type { Driver } from '../devices/driver';

/** Every answer of the slow TrustID waits this long: long enough to see each wait's progress. */
export const SLOW_TRUSTID_MS = 4000;

const specimens: Record<DemoSpecimen, SpecimenOptions | null> = {
  alternate: null,
  passport: { kind: 'passport' },
  'id-card': { kind: 'id-card' },
  'id-card-same-person': { kind: 'id-card', holder: 'angela' },
  'passport-expired': { kind: 'passport', expired: true },
  'passport-bad-check-digit': { kind: 'passport', badCheckDigit: true },
  'passport-refer': { kind: 'passport', referSurname: true },
};

export type DemoControlDeps = {
  /** The embedded emulator, or null outside demo mode. */
  emulator: () => RunningEmulator | null;
  /** The running simulated reader's driver, if any. */
  reader: () => Driver | undefined;
};

export type DemoControlService = { get(): DemoControls; set(change: Partial<DemoControls>): DemoControls };

export function createDemoControls(deps: DemoControlDeps): DemoControlService {
  let current: DemoControls = { outcome: 'auto', trustid: 'normal', specimen: 'alternate' };

  const emulator = (): RunningEmulator => {
    const emu = deps.emulator();
    if (!emu) throw new AppError('demo.not-demo', 'Rehearsal controls work only in demo mode.');
    return emu;
  };
  const reader = (): SimulatedReader => {
    const driver = deps.reader();
    if (!(driver instanceof SimulatedReader)) throw new AppError('demo.no-reader', 'The demo reader is not running. Check Settings → Readers.');
    return driver;
  };

  function applyOutcome(emu: RunningEmulator, next: DemoControls) {
    // `expired` is a property of the document: the emulator's own rules then fail it (RAW-API §13).
    emu.setScenario({ outcome: next.outcome === 'expired' || next.outcome === 'auto' ? 'auto' : next.outcome });
  }
  function applyTrustId(emu: RunningEmulator, behaviour: DemoControls['trustid']) {
    emu.clearFaults();
    if (behaviour === 'slow') emu.addFault({ match: { path: '*' }, action: `delay:${SLOW_TRUSTID_MS}` });
    if (behaviour === 'unreachable') emu.addFault({ match: { path: '*' }, action: 'refuse' });
  }
  function applySpecimen(next: DemoControls) {
    const chosen = specimens[next.specimen];
    const expired = next.outcome === 'expired';
    reader().chooseNext(expired ? { kind: 'passport', ...chosen, expired: true } : chosen);
  }

  return {
    get: () => {
      emulator();
      return current;
    },
    set(change) {
      const emu = emulator();
      const next = { ...current, ...change };
      if (change.outcome !== undefined) applyOutcome(emu, next);
      if (change.trustid !== undefined) applyTrustId(emu, next.trustid);
      if (change.specimen !== undefined || change.outcome !== undefined) applySpecimen(next);
      current = next;
      return current;
    },
  };
}
