// Incremental framing by start/end markers: STX…ETX, or a vendor's multi-byte start/end-of-document
// markers. Either marker may be absent (then the frame starts at the first printable byte, or ends at
// the next start marker or an idle timeout). A start marker inside a frame restarts it, so a lost end
// marker costs one frame, not the stream. Pure: (state, chunk) → (state, frames). Runs in main.

export type DelimitedFramingOptions = {
  /** Start marker; empty when the reader sends none. */
  prefix: Uint8Array;
  /** End marker; empty when the reader sends none. */
  suffix: Uint8Array;
  /** Longest frame kept, markers included; longer ones are reported once and skipped. */
  maxFrameBytes: number;
};

export type DelimitedState = {
  readonly inFrame: boolean;
  /** Bytes of the frame so far, start marker included. */
  readonly frame: readonly number[];
  /** Bytes seen outside any frame since the last frame (bounded). */
  readonly outside: readonly number[];
};

export type FrameOutput =
  /** `payload` excludes the markers; `raw` includes them. `ended` is false when the end marker never came. */
  | { kind: 'frame'; payload: Uint8Array; raw: Uint8Array; ended: boolean }
  | { kind: 'too-long'; raw: Uint8Array }
  | { kind: 'outside'; raw: Uint8Array };

export const initialDelimitedState: DelimitedState = { inFrame: false, frame: [], outside: [] };

function endsWith(bytes: readonly number[], marker: Uint8Array): boolean {
  if (marker.length === 0 || bytes.length < marker.length) return false;
  const offset = bytes.length - marker.length;
  for (let i = 0; i < marker.length; i++) if (bytes[offset + i] !== marker[i]) return false;
  return true;
}

/** Whitespace and control bytes between frames are routine (CRLF after ETX), not noise worth keeping. */
function isBlank(bytes: readonly number[]): boolean {
  return bytes.every((b) => b <= 0x20 || b === 0x7f);
}

export function pushDelimitedBytes(state: DelimitedState, chunk: Uint8Array, options: DelimitedFramingOptions): { state: DelimitedState; out: FrameOutput[] } {
  const { prefix, suffix, maxFrameBytes } = options;
  const out: FrameOutput[] = [];
  let inFrame = state.inFrame;
  let frame = [...state.frame];
  let outside = [...state.outside];
  const flushOutside = (keep: number): void => {
    const noise = outside.slice(0, outside.length - keep);
    if (noise.length > 0 && !isBlank(noise)) out.push({ kind: 'outside', raw: Uint8Array.from(noise.slice(0, maxFrameBytes)) });
    outside = outside.slice(outside.length - keep);
  };
  /** `bySuffix`: the end marker closed it; `trailing`: bytes of a next start marker to leave out. */
  const endFrame = (bySuffix: boolean, ended: boolean, trailing: number): void => {
    const raw = frame.slice(0, frame.length - trailing);
    const payload = raw.slice(prefix.length, raw.length - (bySuffix ? suffix.length : 0));
    out.push({ kind: 'frame', payload: Uint8Array.from(payload), raw: Uint8Array.from(raw), ended });
    frame = [];
    inFrame = false;
  };
  for (const byte of chunk) {
    if (!inFrame) {
      outside.push(byte);
      if (prefix.length > 0) {
        if (endsWith(outside, prefix)) {
          flushOutside(prefix.length);
          frame = [...outside];
          outside = [];
          inFrame = true;
        } else if (outside.length > maxFrameBytes) {
          // Keep what could still be the start of a multi-byte marker.
          flushOutside(prefix.length - 1);
        }
      } else if (byte > 0x20 && byte !== 0x7f) {
        flushOutside(1);
        frame = [byte];
        outside = [];
        inFrame = true;
      } else if (outside.length > maxFrameBytes) flushOutside(0);
      continue;
    }
    frame.push(byte);
    if (endsWith(frame, suffix) && frame.length >= prefix.length + suffix.length) {
      endFrame(true, true, 0);
    } else if (endsWith(frame, prefix)) {
      // A new start marker: the end marker of this frame was lost (or there is none).
      endFrame(false, suffix.length === 0, prefix.length);
      frame = Array.from(prefix);
      inFrame = true;
    } else if (frame.length > maxFrameBytes) {
      out.push({ kind: 'too-long', raw: Uint8Array.from(frame.slice(0, maxFrameBytes)) });
      frame = [];
      inFrame = false;
      outside = [];
    }
  }
  return { state: { inFrame, frame, outside }, out };
}

/** Ends the frame in progress (idle timeout, end of stream). With no end marker that ends it properly. */
export function flushDelimited(state: DelimitedState, options: DelimitedFramingOptions): { state: DelimitedState; out: FrameOutput[] } {
  const out: FrameOutput[] = [];
  if (state.inFrame && state.frame.length > options.prefix.length) {
    out.push({ kind: 'frame', payload: Uint8Array.from(state.frame.slice(options.prefix.length)), raw: Uint8Array.from(state.frame), ended: options.suffix.length === 0 });
  }
  if (!state.inFrame && state.outside.length > 0 && !isBlank(state.outside)) {
    out.push({ kind: 'outside', raw: Uint8Array.from(state.outside.slice(0, options.maxFrameBytes)) });
  }
  return { state: initialDelimitedState, out };
}
