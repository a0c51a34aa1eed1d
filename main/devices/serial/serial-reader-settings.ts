// What configures a serial MRZ reader: the line (baud, parity, data/stop bits, flow control), the
// framing, and the optional arm/trigger strings. The zod schemas validate settings and the presets in
// resources/readers/. Runs in main; the schemas are runtime-agnostic.
import { z } from 'zod';
import { parseByteMarker } from '../framing/byte-marker';
import { defaultReaderFraming, type ReaderFramingOptions } from '../framing/reader-framing';

/** A frame marker as text ("STX", "02", "1B 44 4F 43"), checked to parse. */
export const ByteMarkerText = z
  .string()
  .max(64)
  .refine(
    (text) => {
      try {
        parseByteMarker(text);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be control names (STX, ETX, CR, …) or hex bytes (02, 0x1B), separated by spaces' },
  );

export const SerialLineSettings = z.strictObject({
  baudRate: z.number().int().min(110).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});
export type SerialLineSettings = z.infer<typeof SerialLineSettings>;

export const ReaderFramingSettings = z.strictObject({
  lineEnding: z.enum(['cr', 'lf', 'crlf', 'any']).default(defaultReaderFraming.lineEnding),
  prefix: ByteMarkerText.default(''),
  suffix: ByteMarkerText.default(''),
  frameEndsDocument: z.boolean().default(false),
  idleMs: z.number().int().min(20).max(10_000).default(defaultReaderFraming.idleMs),
  maxLineBytes: z.number().int().min(64).max(4096).default(defaultReaderFraming.maxLineBytes),
  maxFrameBytes: z.number().int().min(128).max(16_384).default(defaultReaderFraming.maxFrameBytes),
});
export type ReaderFramingSettings = z.infer<typeof ReaderFramingSettings>;

/** The reader-specific part, shared by settings and presets. */
const readerBehaviour = {
  line: SerialLineSettings.prefault({}),
  framing: ReaderFramingSettings.prefault({}),
  /** Sent once after the port opens (some readers must be told to start reading). */
  armString: z.string().max(64).default(''),
  /** Sent to ask for a read (the Scan button); empty when the reader reads on its own. */
  triggerString: z.string().max(64).default(''),
  /** How long after a trigger or a test the reader has to answer before we say it does not. */
  answerTimeoutMs: z.number().int().min(100).max(60_000).default(3000),
};

export const SerialReaderSettings = z.strictObject({
  /** e.g. /dev/ttyACM0, /dev/serial/by-id/usb-…, COM3. */
  path: z.string().min(1).max(256),
  ...readerBehaviour,
});
export type SerialReaderSettings = z.infer<typeof SerialReaderSettings>;

const HexId = z.string().regex(/^[0-9a-f]{4}$/, 'four lower-case hex digits, as lsusb prints them');

export const ReaderPreset = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(100),
  /** Until someone has read a document with this preset on the real reader, it says so. */
  verification: z.union([z.literal('not yet verified on hardware'), z.string().regex(/^verified on hardware: .+/)]),
  notes: z.string().max(2000).default(''),
  /** USB ids the reader shows (lsusb), to suggest this preset when it is plugged in. */
  usb: z.array(z.strictObject({ vendorId: HexId, productId: HexId.optional() })).default([]),
  ...readerBehaviour,
});
export type ReaderPreset = z.infer<typeof ReaderPreset>;

/** The framing options the pure framing functions take. */
export function toReaderFraming(settings: ReaderFramingSettings): ReaderFramingOptions {
  return { ...settings, prefix: parseByteMarker(settings.prefix), suffix: parseByteMarker(settings.suffix) };
}

/** Settings for a reader at `path`, configured from a preset. */
export function settingsFromPreset(preset: ReaderPreset, path: string): SerialReaderSettings {
  return SerialReaderSettings.parse({ path, line: preset.line, framing: preset.framing, armString: preset.armString, triggerString: preset.triggerString, answerTimeoutMs: preset.answerTimeoutMs });
}
