// The driver contract every reader implements, whatever its transport (serial, scanimage, folder,
// camera, simulation). The device manager and the rest of main see only this. Runs in main (Node).
import type { EventEmitter } from 'node:events';
import type { ImageLight, ImageSide } from '../../preload/contract';

export type { ImageLight, ImageSide };

export type DriverStatus =
  | { state: 'offline'; detail?: string }
  | { state: 'connecting'; detail?: string }
  | { state: 'ready'; detail?: string }
  | { state: 'reading'; detail?: string }
  /** `code` is a stable error code (`reader.port-busy`); `message` is plain English with the fix. */
  | { state: 'error'; code: string; message: string };

export type MrzEvent = {
  /** Normalised MRZ lines (upper case, no framing bytes, no CR/LF). */
  lines: string[];
  /** The bytes as they arrived, framing included (kept for support, never logged). */
  raw: Uint8Array;
  /** True when the reader stopped before a whole MRZ arrived (e.g. idle timeout after one line). */
  partial: boolean;
  /** Which driver/device produced it, e.g. `serial:/dev/ttyACM0`. */
  source: string;
};

export type ImageEvent = {
  side: ImageSide;
  light: ImageLight;
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  dpi?: number;
  source: string;
};

export type ReadErrorEvent = {
  code: string;
  message: string;
  /** Bounded copy of the offending bytes, for support. Never logged: it may hold personal data. */
  raw?: Uint8Array;
};

export type DriverEvents = {
  status: [DriverStatus];
  'document-present': [];
  'document-removed': [];
  mrz: [MrzEvent];
  image: [ImageEvent];
  'read-error': [ReadErrorEvent];
};

export interface Driver extends EventEmitter<DriverEvents> {
  /** Stable id from settings, e.g. `desk-reader`. */
  readonly id: string;
  readonly kind: 'serial' | 'sane' | 'hot-folder' | 'camera' | 'simulated';
  /** Opens the transport; resolves once connecting has begun (status events tell the rest). */
  start(): Promise<void>;
  /** Closes the transport and releases the device. Idempotent. */
  stop(): Promise<void>;
  /** Asks for a read where the device supports it (Scan button, trigger string). */
  trigger?(): Promise<void>;
  /** Cancels a read in progress (e.g. kills scanimage's process group). */
  cancel?(): Promise<void>;
}
