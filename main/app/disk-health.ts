// The disk part of health (issue 12 §2): a warning well before the free-space floor, an error at
// it, and the log lines dropped while the disk was full. Pure; the caller reads statfs. Runs in main.
import type { HealthComponent } from '../../preload/contract';

const MB = 1024 * 1024;

/** Free space below which health warns: three times the floor, and at least 100 MB above it. */
export function warningFreeMb(floorMb: number): number {
  return Math.max(3 * floorMb, floorMb + 100);
}

/** Nothing at all can be written below this, whatever the floor (a floor of 0 turns the floor off). */
const unusableBelowMb = 1;

export type DiskState = 'ok' | 'low' | 'full' | 'unknown';

export function diskState(freeBytes: number | null, floorMb: number): DiskState {
  if (freeBytes === null) return 'unknown';
  const freeMb = freeBytes / MB;
  if (freeMb < Math.max(floorMb, unusableBelowMb)) return 'full';
  if (freeMb < warningFreeMb(floorMb)) return 'low';
  return 'ok';
}

export function diskHealth(freeBytes: number | null, floorMb: number, droppedLogLines: number): HealthComponent {
  const freeMb = freeBytes === null ? -1 : Math.floor(freeBytes / MB);
  const params = { freeMb, floorMb, warnMb: warningFreeMb(floorMb), droppedLogLines };
  const dropped = droppedLogLines > 0 ? ` ${droppedLogLines} log line${droppedLogLines === 1 ? ' was' : 's were'} dropped because the disk was full.` : '';
  switch (diskState(freeBytes, floorMb)) {
    case 'full':
      return {
        id: 'disk',
        state: 'down',
        params,
        message: `The disk is full (${freeMb} MB free; new checks need at least ${floorMb} MB). New checks cannot be saved. Ask an administrator to free space on this computer; Scan Station carries on by itself once there is room. Checks already saved are safe.${dropped}`,
      };
    case 'low':
      return {
        id: 'disk',
        state: 'degraded',
        params,
        message: `The disk is nearly full (${freeMb} MB free). New checks will be refused below ${floorMb} MB. Ask an administrator to free space soon.${dropped}`,
      };
    case 'unknown':
      return { id: 'disk', state: 'ok', params, message: `The free space on this disk cannot be measured here; a full disk is still reported when a save fails.${dropped}` };
    default:
      return { id: 'disk', state: 'ok', params, message: `${freeMb} MB free on this disk.${dropped}` };
  }
}
