// The TrustID environment in use before the last switch, kept in `<home>/previous-trustid.json` so
// an administrator can undo a switch that locked staff out, even after a restart (issue 11 §3).
// Only the environment and address: secrets stay in the sealed secret store. Runs in main.
import fs from 'node:fs';
import type { PreviousTrustId, Settings } from '../../preload/contract';
import { PreviousTrustId as PreviousSchema } from '../../preload/contract';
import { writeFileAtomic } from '../store/atomic-write';

export type PreviousTrustIdKeeper = {
  get(): PreviousTrustId | null;
  /** Call with the settings before and after every change; a change of environment or address is remembered. */
  observe(before: Settings['trustid'], after: Settings['trustid'], now: number): void;
};

export function createPreviousTrustId(file: string): PreviousTrustIdKeeper {
  let previous: PreviousTrustId | null = null;
  try {
    const parsed = PreviousSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    previous = parsed.success ? parsed.data : null;
  } catch {
    previous = null; // no file yet, or unreadable: nothing to undo
  }
  return {
    get: () => previous,
    observe(before, after, now) {
      if (before.environment === after.environment && before.customBaseUrl === after.customBaseUrl) return;
      previous = { environment: before.environment, customBaseUrl: before.customBaseUrl, changedAt: now };
      writeFileAtomic(file, `${JSON.stringify(previous)}\n`);
    },
  };
}
