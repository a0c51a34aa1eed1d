// What staff see of a document's MRZ: the parsed reading (main/devices/mrz) shaped as the
// contract's MrzView, field by field with its verdict in plain words. Pure; runs in main.
import type { MrzView } from '../../preload/contract';
import type { MrzReading } from '../devices/mrz/mrz-reading';

/** A document's MRZ as the capture holds it: the reading and whether the reader stopped early. */
export type HeldMrz = { reading: MrzReading; partial: boolean };

export function mrzViewOf({ reading, partial }: HeldMrz): MrzView {
  if (!reading.ok) {
    // Nothing parsed: the lines are shown so staff can see what arrived; the blocker says what to do.
    return {
      format: 'unreadable',
      lines: [...reading.lines],
      valid: false,
      partial: partial || reading.code === 'mrz.incomplete',
      fields: [],
      corrections: [],
      expired: false,
      underAge: false,
    };
  }
  return {
    format: reading.format,
    lines: [...reading.lines],
    valid: reading.valid,
    partial,
    fields: reading.fields.map((f) => ({
      name: f.name,
      label: f.label,
      value: f.value ?? '',
      valid: f.valid,
      message: f.valid ? null : (f.message ?? 'This field could not be read.'),
    })),
    corrections: (reading.correction?.changes ?? []).map(({ line, column, from, to }) => ({ line, column, from, to })),
    expired: reading.expired === true,
    underAge: reading.underAge === true,
  };
}

/** True when a new read should replace the one held: never swap a whole, parsed MRZ for a worse read. */
export function replacesHeldMrz(held: HeldMrz | null, next: HeldMrz): boolean {
  if (!held) return true;
  const heldWhole = held.reading.ok && !held.partial;
  const nextWhole = next.reading.ok && !next.partial;
  return nextWhole || !heldWhole;
}
