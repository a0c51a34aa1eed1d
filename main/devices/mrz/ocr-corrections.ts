// Finds fixes for the OCR confusions readers make that the MRZ itself can confirm: the smallest set
// of swaps that makes every failing check digit match (and leaves no letter in a digits-only slot),
// offered only when it is the one and only set of its size, and never inside a field whose own
// check digit already verifies. Pure; runs anywhere.
//
// Why the pairs differ: a check digit weighs characters 7, 3, 1 modulo 10 (9303 part 3 §4.9), so a
// swap is visible to it only when the two values differ by other than a multiple of 10. O/0 (24/0),
// I/1 (18/1), B/8 (11/8), S/5 (28/5) and Z/2 (35/2) always are; K/< (20/0) and G/6 (16/6) never
// are. Those two are therefore only offered where the slot's format forces them (a letter where only
// digits or fillers may stand) and are marked `confirmedBy: 'field-format'`.
import { isCheckDigitValid } from './check-digit';
import type { MrzCharChange, MrzRange } from './mrz-reading';
import type { SlotField } from './visa-mrz';

type CheckGroup = { digit: MrzRange; covers: MrzRange[]; name: string };

export type CorrectionSearch =
  | { kind: 'none-needed' }
  | { kind: 'found'; changes: MrzCharChange[]; lines: string[] }
  | { kind: 'ambiguous' }
  | { kind: 'not-found' };

/** Swaps a check digit can see (both directions). */
const checkVisible: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B', S: '5', '5': 'S', Z: '2', '2': 'Z' };
/** Swaps a check digit cannot see; only ever letter → digit/filler in digits-only slots. */
const formatOnly: Record<string, string> = { K: '<', G: '6' };

const dateFields = new Set(['birthDate', 'expirationDate', 'issueDate']);

/** Upper bound on candidate sets tried, so a badly garbled read cannot stall the UI. */
const maxEvaluations = 200_000;

function text(lines: readonly string[], r: MrzRange): string {
  return (lines[r.line] ?? '').slice(r.start, r.end);
}

/** The check-digit groups of a parse: which slot each digit sits in and which slots it covers. */
export function checkGroups(fields: readonly SlotField[]): CheckGroup[] {
  const groups: CheckGroup[] = [];
  for (const f of fields) {
    if (!f.name.endsWith('CheckDigit')) continue;
    const [digit, ...covers] = f.ranges;
    if (!digit) continue;
    // The parsers give each digit exactly what it covers (a long TD1/TD2 number: principal part and
    // continuation, mrz-field-rules.ts), so the ranges are taken as they are.
    groups.push({ digit, covers, name: f.name });
  }
  return groups;
}

/** True/false for a group's digit against what it covers; null where only the full parser can tell. */
function groupValid(lines: readonly string[], g: CheckGroup): boolean | null {
  const digit = text(lines, g.digit);
  const covered = g.covers.map((r) => text(lines, r)).join('');
  if (digit === '<') {
    if (g.name === 'documentNumberCheckDigit') return null;
    return /^<*$/.test(covered);
  }
  return isCheckDigitValid(covered, digit);
}

/** Slots that may hold only digits (or the filler): dates and check digits. */
function digitSlots(fields: readonly SlotField[]): MrzRange[] {
  return fields.filter((f) => dateFields.has(f.name) || f.name.endsWith('CheckDigit')).flatMap((f) => (f.ranges[0] ? [f.ranges[0]] : []));
}

function inRanges(ranges: readonly MrzRange[], line: number, column: number): boolean {
  return ranges.some((r) => r.line === line && column >= r.start && column < r.end);
}

function formatOk(lines: readonly string[], slots: readonly MrzRange[]): boolean {
  return slots.every((r) => /^[0-9<]*$/.test(text(lines, r)));
}

function apply(lines: readonly string[], changes: readonly MrzCharChange[]): string[] {
  const chars = lines.map((l) => l.split(''));
  for (const c of changes) (chars[c.line] as string[])[c.column] = c.to;
  return chars.map((c) => c.join(''));
}

/**
 * Searches for a confirmed correction. `maxChanges` bounds how many characters a fix may change;
 * more changes make a chance match of the mod-10 check digits likelier, so the default is small.
 */
export function searchCorrection(lines: readonly string[], fields: readonly SlotField[], maxChanges = 3): CorrectionSearch {
  const groups = checkGroups(fields);
  const slots = digitSlots(fields);
  const failing = groups.filter((g) => groupValid(lines, g) === false);
  if (failing.length === 0 && formatOk(lines, slots)) return { kind: 'none-needed' };
  // What a check digit that verifies covers is left alone (issue 12 §3): swaps that cancel out under
  // it (8→B with 0→O) keep it matching while turning a correct number into a wrong one. That holds
  // for the composite digit too: when it verifies, the characters it covers are as printed, and a
  // field failing inside them is the document's own inconsistency, not a misread to "fix".
  const frozen = groups.filter((g) => groupValid(lines, g) === true).flatMap((g) => [g.digit, ...g.covers]);

  // Candidate positions: everything a failing check digit covers, plus every digits-only slot.
  const seen = new Set<string>();
  const options: MrzCharChange[] = [];
  const consider = (line: number, column: number): void => {
    const key = `${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    const char = (lines[line] ?? '')[column];
    if (char === undefined) return;
    const digitsOnly = inRanges(slots, line, column);
    // A letter where only digits may stand is wrong whatever the check digits say; anything else
    // under a verifying digit stays as read.
    if (inRanges(frozen, line, column) && !(digitsOnly && /[A-Z]/.test(char))) return;
    const visible = checkVisible[char];
    // In a digits-only slot only letter → digit makes sense; elsewhere both directions may.
    if (visible && (!digitsOnly || /[A-Z]/.test(char))) options.push({ line, column, from: char, to: visible, confirmedBy: 'check-digit' });
    const neutral = formatOnly[char];
    if (neutral && digitsOnly) options.push({ line, column, from: char, to: neutral, confirmedBy: 'field-format' });
  };
  for (const g of failing) for (const r of [g.digit, ...g.covers]) for (let c = r.start; c < r.end; c++) consider(r.line, c);
  for (const r of slots) for (let c = r.start; c < r.end; c++) consider(r.line, c);

  let evaluations = 0;
  for (let k = 1; k <= maxChanges; k++) {
    const solutions: MrzCharChange[][] = [];
    const chosen: MrzCharChange[] = [];
    let exhausted = false;
    const walk = (from: number): void => {
      if (exhausted || solutions.length > 1) return;
      if (chosen.length === k) {
        if (++evaluations > maxEvaluations) {
          exhausted = true;
          return;
        }
        const candidate = apply(lines, chosen);
        if (formatOk(candidate, slots) && groups.every((g) => groupValid(candidate, g) !== false)) solutions.push([...chosen]);
        return;
      }
      for (let i = from; i < options.length; i++) {
        const o = options[i] as MrzCharChange;
        if (chosen.some((c) => c.line === o.line && c.column === o.column)) continue;
        chosen.push(o);
        walk(i + 1);
        chosen.pop();
      }
    };
    walk(0);
    if (exhausted) return { kind: 'not-found' };
    if (solutions.length > 1) return { kind: 'ambiguous' };
    const only = solutions[0];
    if (only) return { kind: 'found', changes: only.map((o) => ({ ...o })), lines: apply(lines, only) };
  }
  return { kind: 'not-found' };
}
