// Cleans one framed line of reader output into MRZ text and says which MRZ line width it has.
// Tolerates what serial readers add: `_` padding, stray control bytes, lower case, surrounding
// spaces, spaces inside a line. Pure; runs in main.
import { settleInnerSpaces } from '../mrz/mrz-spaces';

/**
 * Latin-1 decode, so every byte maps to exactly one character whatever it is, dropping C0 controls
 * and DEL (framing bytes such as STX/ETX, NUL padding, bells).
 */
function bytesToText(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) if (b >= 0x20 && b !== 0x7f) text += String.fromCharCode(b);
  return text;
}

/** The MRZ text of a line, or null when the line is not MRZ text (after tolerated clean-up). */
export function cleanMrzLine(bytes: Uint8Array): string | null {
  // Spaces go through the normaliser's own rule: a reader that inserts one inside a line must not
  // get a line one character too long (issue 12 §3), one that prints fillers as spaces still works.
  const text = settleInnerSpaces(bytesToText(bytes).trim().toUpperCase().replace(/_/g, '<')).text;
  // The shortest MRZ line is the Swiss driving licence's 9; the longest a run-together TD1 (3 × 30).
  return /^[A-Z0-9<]{9,90}$/.test(text) ? text : null;
}

/**
 * Line width class: what a document made of lines like this one looks like. Readers sometimes drop
 * trailing fillers, so widths are classes, not exact lengths (normaliseMrz pads them later).
 */
export type LineClass = { width: 9 | 30 | 36 | 44; linesInDocument: number } | { width: 'whole'; linesInDocument: 1 };

export function classifyMrzLine(text: string): LineClass {
  // A reader that sends every line run together: 2 × 44, 2 × 36, 3 × 30, 9 + 2 × 30.
  if ([88, 72, 90, 69].includes(text.length)) return { width: 'whole', linesInDocument: 1 };
  if (text.length > 36) return { width: 44, linesInDocument: 2 };
  if (text.length > 30) return { width: 36, linesInDocument: 2 };
  if (text.length > 9) return { width: 30, linesInDocument: /^D1/.test(text) ? 1 : 3 };
  return { width: 9, linesInDocument: 3 };
}
