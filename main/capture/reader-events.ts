// A reader's read as the capture machine's event: an image is decoded for its upright size first
// (sharp), since which step it fills and its resolution verdict depend on it. Runs in main.
import type { Logger } from '../logging/logger';
import type { CaptureDevices } from './capture-ports';
import type { CaptureEvent } from './capture-machine';
import type { DeviceRead } from './device-service';
import { pixelSizeOf } from './held-images';

/** The bytes of an image read, for the shell to keep once the machine has placed it. */
export type ArrivedBytes = { bytes: Uint8Array; mime: 'image/jpeg' | 'image/png' };

/** The event for one read, or null for an image that cannot be decoded (logged by its kind only). */
export async function readerEvent(
  read: DeviceRead,
  at: { draftId: string; deviceId: string },
  devices: Pick<CaptureDevices, 'capabilitiesOf'>,
  log: Logger,
): Promise<{ event: CaptureEvent; arrived?: ArrivedBytes } | null> {
  const { draftId, deviceId } = at;
  if (read.kind === 'placed') return { event: { type: 'reader-placed', deviceId } };
  if (read.kind === 'mrz') return { event: { type: 'reader-mrz', draftId, deviceId, mrz: read.mrz } };
  const image = read.image;
  let size: { width: number; height: number };
  try {
    size = await pixelSizeOf(image.bytes);
  } catch {
    log.warn({ device: deviceId, side: image.side, light: image.light }, 'image ignored: it cannot be decoded');
    return null;
  }
  // A reader that cannot tell the sides apart (a flatbed) fills the next empty step in its light.
  const sidesKnown = (devices.capabilitiesOf(deviceId)?.sides.length ?? 2) > 1;
  const event: CaptureEvent = { type: 'reader-image', draftId, deviceId, side: image.side, light: image.light, ...size, ...(image.dpi ? { dpi: image.dpi } : {}), sidesKnown };
  return { event, arrived: image };
}
