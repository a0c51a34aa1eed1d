// Spaces inside an MRZ line, one rule for the serial line cleaner and the normaliser (issue 12 §3):
// some readers print the filler as a space, others insert a space for display. Pure; runs anywhere.

/** Line lengths an MRZ line (or a reader's run-together document) can have. */
const knownLengths = [9, 30, 36, 44, 69, 72, 88, 90];

export type SettledSpaces = { text: string; how: 'none' | 'removed' | 'as-filler' };

/**
 * Spaces are removed when that gives a known MRZ length and reading them as fillers does not;
 * otherwise each space is a filler. Never call this after spaces were already turned into `<`.
 */
export function settleInnerSpaces(line: string): SettledSpaces {
  if (!line.includes(' ')) return { text: line, how: 'none' };
  const asFiller = line.replace(/ /g, '<');
  const removed = line.replace(/ /g, '');
  if (!knownLengths.includes(asFiller.length) && knownLengths.includes(removed.length)) return { text: removed, how: 'removed' };
  return { text: asFiller, how: 'as-filler' };
}
