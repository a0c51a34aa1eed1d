// What the framings hand to a driver: whole (or timed-out partial) MRZ documents, and noise kept
// for support. Types only; runs anywhere.

export type FramedDocument = {
  type: 'document';
  /** Cleaned lines (upper case, `<` fillers, no control bytes); not yet fitted to a shape. */
  lines: string[];
  /** The bytes as they arrived, framing included (bounded by the framing's limits). */
  raw: Uint8Array;
  /** True when the document ended (idle timeout, unplug) before all its lines arrived. */
  partial: boolean;
};

export type NoiseReason =
  /** A line or frame grew past its maximum length; the rest up to the next boundary was dropped. */
  | 'too-long'
  /** A whole line or frame arrived that does not look like MRZ text. */
  | 'not-mrz'
  /** Bytes between frames (delimited framing only). */
  | 'outside-frame';

export type FramedNoise = {
  type: 'noise';
  reason: NoiseReason;
  /** The offending bytes, at most the framing's maximum length. */
  raw: Uint8Array;
};

/** The first line of a new document has arrived (the reader is reading). */
export type FramedStart = { type: 'document-started' };

export type FramedMessage = FramedDocument | FramedNoise | FramedStart;
