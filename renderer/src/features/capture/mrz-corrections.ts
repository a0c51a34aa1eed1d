// Pure: splits an MRZ line into runs, marking the characters an offered OCR correction changes,
// so staff see exactly what would change before they accept. Lines and columns are zero-based.
import type { MrzView } from '../../../../preload/contract';

export type Correction = MrzView['corrections'][number];
export type LineSegment = { text: string; change: { from: string; to: string; column: number } | null };

/** The line as it would read with the corrections applied, in runs of unchanged and changed text. */
export function correctedSegments(line: string, lineIndex: number, corrections: readonly Correction[]): LineSegment[] {
  const changes = new Map(corrections.filter((c) => c.line === lineIndex).map((c) => [c.column, c]));
  const segments: LineSegment[] = [];
  let plain = '';
  for (let column = 0; column < line.length; column++) {
    const change = changes.get(column);
    if (!change) {
      plain += line[column];
      continue;
    }
    if (plain) segments.push({ text: plain, change: null });
    plain = '';
    segments.push({ text: change.to, change: { from: change.from, to: change.to, column } });
  }
  if (plain) segments.push({ text: plain, change: null });
  return segments;
}
