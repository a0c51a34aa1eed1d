// What the device manager reports of each configured device and of a "test this reader" run. Main's
// own view: main/capture/device-view.ts turns it into the contract's DeviceView. Nothing here carries
// MRZ text, images or raw bytes. Runs in main.
import type { DeviceKind, ImageLight, ImageSide } from '../../preload/contract';
import type { DriverStatus } from './driver';

export type DeviceProblem = { code: string; message: string; at: number };

/** One configured device as the manager sees it. */
export type ManagerDeviceView = {
  id: string;
  kind: DeviceKind;
  label: string;
  enabled: boolean;
  status: DriverStatus;
  /** The last failure (status error, failed read, failed start), kept after the device recovers. */
  lastError: DeviceProblem | null;
  /** When the manager will next try to reconnect, while it is waiting to. */
  reconnect: { attempt: number; at: number } | null;
  /** Whether the device can be asked to read ("Scan" / "Test this reader" triggers it). */
  canTrigger: boolean;
};

/** The result of "test this reader": what arrived, never what it said (no personal data). */
export type TestReadResult =
  | { ok: true; what: 'mrz'; elapsedMs: number; lineLengths: number[]; partial: boolean }
  | {
      ok: true;
      what: 'image';
      elapsedMs: number;
      side: ImageSide;
      light: ImageLight;
      mime: 'image/jpeg' | 'image/png';
      bytes: number;
      dpi: number | null;
    }
  | { ok: false; elapsedMs: number; code: string; message: string };
