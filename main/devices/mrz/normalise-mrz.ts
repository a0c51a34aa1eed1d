// Turns what a reader sent into clean MRZ lines: framing and control bytes out, keyboard-layout
// garbage undone, upper case, `_`-style fillers to `<`, CR/LF split, lines fitted to an ICAO shape.
// Pure; runs in main (and anywhere else).
import { detectKeyboardLayout, undoKeyboardLayout, type KeyboardLayout } from './keyboard-layout';
import { settleInnerSpaces } from './mrz-spaces';

/** Line-length patterns of the machine-readable zones we know (ICAO 9303 parts 4–7, national formats). */
export type MrzShape = 'TD3' | 'TD2' | 'TD1' | 'SWISS_DL' | 'FRENCH_DL';

export const mrzShapeLengths: Record<MrzShape, readonly number[]> = {
  TD3: [44, 44], // passports, and MRV-A visas
  TD2: [36, 36], // TD2 cards, MRV-B visas, French national ID
  TD1: [30, 30, 30], // ID cards
  SWISS_DL: [9, 30, 30],
  FRENCH_DL: [30],
};

export type NormaliseOptions = {
  /** The layout a keyboard-wedge reader's text went through; 'auto' (default) guesses it. */
  layout?: KeyboardLayout | 'auto';
};

export type NormalisedMrz = {
  lines: string[];
  /** The shape the lines were fitted to, or null when they fit none. */
  shape: MrzShape | null;
  layout: KeyboardLayout;
  /** What was changed beyond the routine clean-up, in plain English (for support, holds no MRZ text). */
  notes: string[];
};

// Characters readers and OCR engines use for the filler. `_` comes from readers that pad with it.
const fillerLookalikes = /[_«‹〈≪]/g;
/** Drops C0 controls except CR and LF, and DEL: STX/ETX framing, NUL padding, stray bells or escapes. */
function dropStrayControls(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d) || code === 0x7f) continue;
    out += char;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Serial readers speak ASCII; anything not UTF-8 is garbage that latin1 shows one byte per char.
    return latin1.decode(bytes);
  }
}

const concatenated: Array<{ length: number; shape: MrzShape }> = [
  { length: 88, shape: 'TD3' },
  { length: 72, shape: 'TD2' },
  { length: 90, shape: 'TD1' },
  { length: 69, shape: 'SWISS_DL' },
];

/** Splits a reader's single long line (all MRZ lines run together) into its lines. */
function splitConcatenated(line: string): string[] | null {
  const match = concatenated.find((c) => c.length === line.length);
  if (!match) return null;
  const out: string[] = [];
  let at = 0;
  for (const len of mrzShapeLengths[match.shape]) {
    out.push(line.slice(at, at + len));
    at += len;
  }
  return out;
}

function candidateShapes(lines: string[]): MrzShape[] {
  const longest = Math.max(...lines.map((l) => l.length));
  if (lines.length === 3) return (lines[0]?.length ?? 0) <= 9 ? ['SWISS_DL'] : ['TD1'];
  // Two lines no longer than 30 are most likely two of a TD1's three: not padded into a wrong shape.
  if (lines.length === 2) return longest > 36 ? ['TD3'] : longest > 30 ? ['TD2'] : [];
  // One line of 30 is a French driving licence only when it says so (ICAO shapes have 2–3 lines).
  if (lines.length === 1 && /^D1FRA/.test(lines[0] ?? '')) return ['FRENCH_DL'];
  return [];
}

/** Fits lines to a shape: short lines gain trailing fillers, long lines lose trailing fillers only. */
function fitToShape(lines: string[], notes: string[]): { lines: string[]; shape: MrzShape | null } {
  for (const shape of candidateShapes(lines)) {
    const lengths = mrzShapeLengths[shape];
    const fitted: string[] = [];
    const shapeNotes: string[] = [];
    let fits = true;
    lines.forEach((line, i) => {
      const want = lengths[i] as number;
      if (line.length === want) fitted.push(line);
      else if (line.length < want) {
        // Some readers drop trailing fillers; ICAO lines are fixed-length, so they are restored.
        fitted.push(line + '<'.repeat(want - line.length));
        shapeNotes.push(`line ${i + 1} had ${line.length} characters; padded to ${want} with fillers`);
      } else if (/^<*$/.test(line.slice(want))) {
        fitted.push(line.slice(0, want));
        shapeNotes.push(`line ${i + 1} had ${line.length} characters; extra trailing fillers removed`);
      } else fits = false;
    });
    if (fits) {
      notes.push(...shapeNotes);
      return { lines: fitted, shape };
    }
  }
  return { lines, shape: null };
}

/** Interior spaces: some readers print the filler as a space, others insert spaces for display. */
function settleSpaces(line: string, notes: string[], index: number): string {
  const settled = settleInnerSpaces(line);
  if (settled.how === 'removed') notes.push(`line ${index + 1}: spaces removed`);
  if (settled.how === 'as-filler') notes.push(`line ${index + 1}: spaces read as fillers`);
  return settled.text;
}

export function normaliseMrz(input: string | readonly string[] | Uint8Array, options: NormaliseOptions = {}): NormalisedMrz {
  const notes: string[] = [];
  let text = typeof input === 'string' ? input : input instanceof Uint8Array ? decode(input) : input.join('\n');
  text = dropStrayControls(text);
  const layout = options.layout === undefined || options.layout === 'auto' ? detectKeyboardLayout(text) : options.layout;
  if (layout !== 'us') {
    text = undoKeyboardLayout(text, layout);
    notes.push(`keyboard layout ${layout} undone`);
  }
  text = text.normalize('NFKC').toUpperCase().replace(fillerLookalikes, '<');
  let lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l, i) => settleSpaces(l, notes, i));
  if (lines.length === 1) {
    const split = splitConcatenated(lines[0] as string);
    if (split) {
      notes.push('one long line split into MRZ lines');
      lines = split;
    }
  }
  if (lines.length === 0) return { lines, shape: null, layout, notes };
  const fitted = fitToShape(lines, notes);
  return { lines: fitted.lines, shape: fitted.shape, layout, notes };
}
