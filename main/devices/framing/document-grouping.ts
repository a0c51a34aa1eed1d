// Groups MRZ lines into documents: a document is complete when its shape's line count has arrived
// (3 for TD1, 2 for TD2/TD3/visas), and is ended as partial when the reader goes quiet for the idle
// timeout or a line of another width arrives. Time is passed in. Pure; runs in main.
import type { FramedMessage } from './framed-message';
import { classifyMrzLine, type LineClass } from './mrz-line';

export type GroupingOptions = {
  /** Quiet time after which a document still missing lines is ended as partial. */
  idleMs: number;
};

type Held = { text: string; raw: Uint8Array };

export type GroupingState = {
  readonly held: readonly Held[];
  readonly shape: LineClass | null;
  /** When the last line arrived (ms, caller's clock); null when nothing is held. */
  readonly lastAt: number | null;
};

export const initialGroupingState: GroupingState = { held: [], shape: null, lastAt: null };

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function emit(held: readonly Held[], partial: boolean): FramedMessage {
  return { type: 'document', lines: held.map((h) => h.text), raw: concat(held.map((h) => h.raw)), partial };
}

/**
 * Whether a line may open a document. Random bytes form short runs of MRZ characters often enough
 * (the fuzz test finds them) that a short line opens a document only when it starts like one: a
 * document code and issuing state (9303 part 3 §4.2.2), or the Swiss driving licence's first line.
 */
export function mayStartDocument(text: string): boolean {
  return text.length >= 28 || /^[A-Z0-9]{3}[0-9]{3}[DFIR]<<$/.test(text) || (text.length >= 15 && /^[PIACV][A-Z0-9<][A-Z<]{3}/.test(text));
}

function isShort(text: string, shape: LineClass): boolean {
  return shape.width !== 'whole' && text.length < shape.width;
}

/** Whether `line` continues the held document, and the document's shape if it does. */
function continues(state: GroupingState, text: string, line: LineClass): LineClass | null {
  const shape = state.shape;
  if (!shape || shape.width === 'whole' || line.width === 'whole') return null;
  // Swiss driving licence: a 9-wide first line, then 30-wide lines.
  if (shape.width === 9) return line.width === 30 && state.held.length < 3 ? shape : null;
  if (line.width === shape.width) return shape;
  // A reader that drops trailing fillers makes a line look narrower than it is: a short line fits a
  // wider document, and a document of only short lines takes the width of a wider line.
  if (line.width < shape.width && isShort(text, line)) return shape;
  if (line.width > shape.width && state.held.every((h) => isShort(h.text, shape)) && state.held.length < line.linesInDocument) return line;
  return null;
}

/** Ends the held document as partial when the reader has been quiet for `idleMs` by `now`. */
export function tickGrouping(state: GroupingState, now: number, options: GroupingOptions): { state: GroupingState; out: FramedMessage[] } {
  if (state.lastAt === null || now - state.lastAt < options.idleMs || state.held.length === 0) return { state, out: [] };
  return { state: initialGroupingState, out: [emit(state.held, true)] };
}

/** Ends whatever is held now (end of stream, unplug, or the end of a delimited frame). */
export function flushGrouping(state: GroupingState): { state: GroupingState; out: FramedMessage[] } {
  if (state.held.length === 0 || !state.shape) return { state: initialGroupingState, out: [] };
  return { state: initialGroupingState, out: [emit(state.held, state.held.length < state.shape.linesInDocument)] };
}

export function pushMrzLine(state: GroupingState, line: Held, now: number, options: GroupingOptions): { state: GroupingState; out: FramedMessage[] } {
  const out: FramedMessage[] = [];
  let current = state;
  const idle = tickGrouping(current, now, options);
  current = idle.state;
  out.push(...idle.out);
  const cls = classifyMrzLine(line.text);
  let shape = current.shape ? continues(current, line.text, cls) : null;
  if (current.shape && !shape) {
    out.push(emit(current.held, true));
    current = initialGroupingState;
  }
  if (!shape) {
    if (!mayStartDocument(line.text)) {
      out.push({ type: 'noise', reason: 'not-mrz', raw: line.raw });
      return { state: current, out };
    }
    out.push({ type: 'document-started' });
    shape = cls;
  }
  const held = [...current.held, line];
  if (held.length >= shape.linesInDocument) {
    out.push(emit(held, false));
    return { state: initialGroupingState, out };
  }
  return { state: { held, shape, lastAt: now }, out };
}
