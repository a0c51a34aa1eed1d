// The framing of an MRZ text reader, composed: bytes → (marker frames | lines) → cleaned MRZ lines →
// documents grouped by line count or idle timeout. Incremental and pure: (state, chunk, now) →
// (state, messages); the transport calls `tickReaderFraming` at `readerFramingDeadline`. Runs in main.
import { flushDelimited, initialDelimitedState, pushDelimitedBytes, type DelimitedState, type FrameOutput } from './delimited-framing';
import { flushGrouping, initialGroupingState, pushMrzLine, tickGrouping, type GroupingState } from './document-grouping';
import type { FramedMessage } from './framed-message';
import { flushLine, initialLineState, pushLineBytes, type LineEnding, type LineFramerState, type LineOutput } from './line-framing';
import { cleanMrzLine } from './mrz-line';

export type ReaderFramingOptions = {
  /** How lines end (ignored inside marker frames, where any CR/LF splits lines). */
  lineEnding: LineEnding;
  /** Start/end markers (e.g. STX 0x02 / ETX 0x03); either may be empty; both empty = line framing. */
  prefix: Uint8Array;
  suffix: Uint8Array;
  /** True when a frame's end also ends the document (vendor end-of-document markers). */
  frameEndsDocument: boolean;
  /** Quiet time after which a document missing lines (or a line missing its end) is ended. */
  idleMs: number;
  maxLineBytes: number;
  maxFrameBytes: number;
};

export const defaultReaderFraming: ReaderFramingOptions = {
  lineEnding: 'any',
  prefix: new Uint8Array(0),
  suffix: new Uint8Array(0),
  frameEndsDocument: false,
  // Readers send a document's lines back to back (a few ms apart at 9600 baud); 300 ms of quiet
  // ends a document without making staff wait.
  idleMs: 300,
  // The longest legitimate line is a run-together TD1 (90 characters) plus framing bytes.
  maxLineBytes: 128,
  maxFrameBytes: 512,
};

export type ReaderFramingState = {
  readonly lines: LineFramerState;
  readonly frames: DelimitedState;
  readonly grouping: GroupingState;
  /** When the last byte arrived (caller's clock), or null. */
  readonly lastByteAt: number | null;
};

export const initialReaderFraming: ReaderFramingState = {
  lines: initialLineState,
  frames: initialDelimitedState,
  grouping: initialGroupingState,
  lastByteAt: null,
};

function delimited(options: ReaderFramingOptions): boolean {
  return options.prefix.length > 0 || options.suffix.length > 0;
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b <= 0x20 || b === 0x7f);
}

/** Inside a marker frame any CR or LF separates lines, whatever the reader's line ending. */
function splitOnLineBreaks(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0d || bytes[i] === 0x0a) {
      if (i > start) parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

type Step = { grouping: GroupingState; out: FramedMessage[] };

function feedLines(step: Step, lines: LineOutput[], at: number, options: ReaderFramingOptions): Step {
  let { grouping } = step;
  const out = [...step.out];
  for (const l of lines) {
    if (l.kind === 'too-long') {
      out.push({ type: 'noise', reason: 'too-long', raw: l.raw });
      continue;
    }
    if (isBlank(l.bytes)) continue;
    const text = cleanMrzLine(l.bytes);
    if (text === null) {
      out.push({ type: 'noise', reason: 'not-mrz', raw: l.raw });
      continue;
    }
    const r = pushMrzLine(grouping, { text, raw: l.raw }, at, options);
    grouping = r.state;
    out.push(...r.out);
  }
  return { grouping, out };
}

function feedFrames(step: Step, frames: FrameOutput[], at: number, options: ReaderFramingOptions): Step {
  let current = step;
  for (const f of frames) {
    if (f.kind !== 'frame') {
      current = { ...current, out: [...current.out, { type: 'noise', reason: f.kind === 'too-long' ? 'too-long' : 'outside-frame', raw: f.raw }] };
      continue;
    }
    const texts = splitOnLineBreaks(f.payload)
      .map(cleanMrzLine)
      .filter((t): t is string => t !== null);
    if (texts.length === 0) {
      if (!isBlank(f.payload)) current = { ...current, out: [...current.out, { type: 'noise', reason: 'not-mrz', raw: f.raw }] };
      continue;
    }
    // The frame's bytes ride on its first line, so a document's raw is exactly the frames it came from.
    const lines: LineOutput[] = texts.map((t, i) => ({ kind: 'line', bytes: Uint8Array.from(t, (c) => c.charCodeAt(0)), raw: i === 0 ? f.raw : new Uint8Array(0) }));
    current = feedLines(current, lines, at, options);
    if (options.frameEndsDocument || !f.ended) {
      const flushed = flushGrouping(current.grouping);
      const out = flushed.out.map((m) => (m.type === 'document' && !f.ended ? { ...m, partial: true } : m));
      current = { grouping: flushed.state, out: [...current.out, ...out] };
    }
  }
  return current;
}

export function pushReaderBytes(
  state: ReaderFramingState,
  chunk: Uint8Array,
  now: number,
  options: ReaderFramingOptions,
): { state: ReaderFramingState; messages: FramedMessage[] } {
  // Quiet time before this chunk may already have ended something.
  const deadline = readerFramingDeadline(state, options);
  const before = deadline !== null && now >= deadline ? tickReaderFraming(state, now, options) : { state, messages: [] };
  let step: Step = { grouping: before.state.grouping, out: before.messages };
  if (delimited(options)) {
    const r = pushDelimitedBytes(before.state.frames, chunk, options);
    step = feedFrames(step, r.out, now, options);
    return { state: { ...before.state, frames: r.state, grouping: step.grouping, lastByteAt: now }, messages: step.out };
  }
  const r = pushLineBytes(before.state.lines, chunk, options);
  step = feedLines(step, r.out, now, options);
  return { state: { ...before.state, lines: r.state, grouping: step.grouping, lastByteAt: now }, messages: step.out };
}

/** Ends what the idle timeout has ended by `now`: an unfinished line or frame, then the document. */
export function tickReaderFraming(state: ReaderFramingState, now: number, options: ReaderFramingOptions): { state: ReaderFramingState; messages: FramedMessage[] } {
  let next = state;
  let step: Step = { grouping: state.grouping, out: [] };
  if (state.lastByteAt !== null && now - state.lastByteAt >= options.idleMs) {
    const at = state.lastByteAt;
    if (delimited(options)) {
      const r = flushDelimited(state.frames, options);
      step = feedFrames(step, r.out, at, options);
      next = { ...next, frames: r.state };
    } else {
      const r = flushLine(state.lines);
      step = feedLines(step, r.out, at, options);
      next = { ...next, lines: r.state };
    }
    next = { ...next, lastByteAt: null };
  }
  const g = tickGrouping(step.grouping, now, options);
  return { state: { ...next, grouping: g.state }, messages: [...step.out, ...g.out] };
}

/** Ends everything held (the port closed or the reader was unplugged mid-frame): all partial. */
export function endReaderStream(state: ReaderFramingState, options: ReaderFramingOptions): { state: ReaderFramingState; messages: FramedMessage[] } {
  const at = state.lastByteAt ?? 0;
  let step: Step = { grouping: state.grouping, out: [] };
  if (delimited(options)) step = feedFrames(step, flushDelimited(state.frames, options).out, at, options);
  else step = feedLines(step, flushLine(state.lines).out, at, options);
  const g = flushGrouping(step.grouping);
  const out = [...step.out, ...g.out].map((m) => (m.type === 'document' ? { ...m, partial: true } : m));
  return { state: initialReaderFraming, messages: out };
}

/** When `tickReaderFraming` next has something to do (caller's clock), or null when nothing is held. */
export function readerFramingDeadline(state: ReaderFramingState, options: ReaderFramingOptions): number | null {
  const times: number[] = [];
  const holdingBytes = delimited(options) ? state.frames.inFrame || state.frames.outside.length > 0 : state.lines.pending.length > 0;
  if (holdingBytes && state.lastByteAt !== null) times.push(state.lastByteAt + options.idleMs);
  if (state.grouping.lastAt !== null && state.grouping.held.length > 0) times.push(state.grouping.lastAt + options.idleMs);
  return times.length === 0 ? null : Math.min(...times);
}
