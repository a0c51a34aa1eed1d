// Incremental line framing over bytes: CR, LF, CRLF or any of them ends a line; a maximum length
// keeps garbage from growing memory. Pure: (state, chunk) → (state, lines). Runs in main.

export type LineEnding = 'cr' | 'lf' | 'crlf' | 'any';

export type LineFramingOptions = {
  lineEnding: LineEnding;
  /** Longest line kept, terminator excluded; longer ones are reported once and skipped. */
  maxLineBytes: number;
};

export type LineFramerState = {
  /** Bytes of the line so far (terminator excluded). */
  readonly pending: readonly number[];
  /** True while skipping the rest of an over-long line. */
  readonly skipping: boolean;
  /** The last byte was a CR (for CRLF, and for 'any' so CRLF counts once). */
  readonly afterCr: boolean;
  /**
   * In 'any' mode the LF of a CRLF arrives after its line was handed over at the CR (waiting for it
   * would delay every CR-only reader); it is kept here and leads the next line's raw bytes instead.
   */
  readonly rawLead: readonly number[];
};

export type LineOutput =
  /** `text` bytes exclude the terminator; `raw` includes it. */
  | { kind: 'line'; bytes: Uint8Array; raw: Uint8Array }
  | { kind: 'too-long'; raw: Uint8Array };

export const initialLineState: LineFramerState = { pending: [], skipping: false, afterCr: false, rawLead: [] };

const CR = 0x0d;
const LF = 0x0a;

export function pushLineBytes(state: LineFramerState, chunk: Uint8Array, options: LineFramingOptions): { state: LineFramerState; out: LineOutput[] } {
  const out: LineOutput[] = [];
  const pending = [...state.pending];
  let rawLead = [...state.rawLead];
  let { skipping, afterCr } = state;
  const end = (terminator: number[]): void => {
    if (!skipping) {
      out.push({ kind: 'line', bytes: Uint8Array.from(pending), raw: Uint8Array.from([...rawLead, ...pending, ...terminator]) });
    }
    pending.length = 0;
    rawLead = [];
    skipping = false;
  };
  for (const byte of chunk) {
    const wasAfterCr = afterCr;
    afterCr = byte === CR;
    switch (options.lineEnding) {
      case 'cr':
        if (byte === CR) {
          end([CR]);
          continue;
        }
        break;
      case 'lf':
        if (byte === LF) {
          end([LF]);
          continue;
        }
        break;
      case 'crlf':
        if (byte === LF && wasAfterCr) {
          // The CR was held in `pending`; it belongs to the terminator, not the line.
          pending.pop();
          end([CR, LF]);
          continue;
        }
        break;
      case 'any':
        if (byte === CR) {
          end([CR]);
          continue;
        }
        if (byte === LF) {
          // The LF of a CRLF: the line already ended at the CR.
          if (wasAfterCr) rawLead.push(LF);
          else end([LF]);
          continue;
        }
        break;
    }
    if (skipping) continue;
    pending.push(byte);
    if (pending.length > options.maxLineBytes) {
      out.push({ kind: 'too-long', raw: Uint8Array.from(pending.slice(0, options.maxLineBytes)) });
      pending.length = 0;
      rawLead = [];
      skipping = true;
    }
  }
  return { state: { pending, skipping, afterCr, rawLead }, out };
}

/** Ends the line in progress without a terminator (idle timeout, end of stream). */
export function flushLine(state: LineFramerState): { state: LineFramerState; out: LineOutput[] } {
  const out: LineOutput[] = [];
  // A CR held back for a possible CRLF is a terminator, not content.
  const bytes = state.afterCr && state.pending[state.pending.length - 1] === CR ? state.pending.slice(0, -1) : state.pending;
  if (!state.skipping && state.pending.length > 0) out.push({ kind: 'line', bytes: Uint8Array.from(bytes), raw: Uint8Array.from([...state.rawLead, ...state.pending]) });
  return { state: initialLineState, out };
}
