// Shared pieces of the capture tests: real images made with sharp (sharp noise that passes the
// quality checks, a flat grey that fails them), a stand-in for the device service that emits reader
// events on command, and a logger whose lines a test can read. Runs under vitest.
import pino from 'pino';
import sharp from 'sharp';
import type { CaptureDevices } from '../../../../main/capture/capture-ports';
import type { DeviceRead } from '../../../../main/capture/device-service';
import type { ImageLight, ImageSide } from '../../../../main/devices/driver';
import type { Logger } from '../../../../main/logging/logger';

/** Mid-grey noise: sharp edges everywhere, no glare, not dark; passes every check at ≥ 250 dpi. */
export async function noiseJpeg(width = 1600, height = 1100, seed = 1): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  let x = seed * 2654435761;
  for (let i = 0; i < data.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = 60 + ((x >>> 16) % 140);
  }
  return sharp(data, { raw: { width, height, channels: 1 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A flat grey picture: no edges at all, so the blur check fails (a blocking failure by default). */
export async function flatJpeg(width = 1600, height = 1100): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } }).jpeg().toBuffer();
}

/** Four coloured quadrants (red, green / blue, white) to see where rotation and crop put pixels. */
export async function quadrantsPng(width = 400, height = 200): Promise<Buffer> {
  const w = width / 2;
  const h = height / 2;
  const block = (r: number, g: number, b: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#000' } })
    .composite([
      { input: await block(255, 0, 0), left: 0, top: 0 },
      { input: await block(0, 255, 0), left: w, top: 0 },
      { input: await block(0, 0, 255), left: 0, top: h },
      { input: await block(255, 255, 255), left: w, top: h },
    ])
    .png()
    .toBuffer();
}

/** The colour of the pixel at fractions (fx, fy) of an image, rounded to 0 / 255 per channel. */
export async function colourAt(bytes: Uint8Array, fx: number, fy: number): Promise<string> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const x = Math.min(info.width - 1, Math.floor(fx * info.width));
  const y = Math.min(info.height - 1, Math.floor(fy * info.height));
  const at = (y * info.width + x) * info.channels;
  const name = (v: number) => (v > 127 ? '1' : '0');
  return `${name(data[at]!)}${name(data[at + 1]!)}${name(data[at + 2]!)}`;
}

/** Stands in for the device service: the capture sees only these four members of it. */
export class FakeDevices implements CaptureDevices {
  lights: ImageLight[] = ['white'];
  expectMrz = true;
  /** Sides each device can tell apart (default: both). */
  sides = new Map<string, ImageSide[]>();
  private listeners = new Set<(deviceId: string, read: DeviceRead) => void>();

  onRead(listener: (deviceId: string, read: DeviceRead) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  capabilitiesOf(id: string) {
    return { sides: this.sides.get(id) ?? ['front', 'back'] };
  }
  captureLights(): ImageLight[] {
    return ['white', ...this.lights.filter((l) => l !== 'white')];
  }
  mrzExpected(): boolean {
    return this.expectMrz;
  }
  listenerCount(): number {
    return this.listeners.size;
  }

  image(side: ImageSide, light: ImageLight, bytes: Uint8Array, opts: { device?: string; dpi?: number; mime?: 'image/jpeg' | 'image/png' } = {}): void {
    const read: DeviceRead = { kind: 'image', image: { side, light, bytes, mime: opts.mime ?? 'image/jpeg', source: 'test', ...(opts.dpi ? { dpi: opts.dpi } : {}) } };
    for (const l of this.listeners) l(opts.device ?? 'reader', read);
  }
  /** A document put on the reader (the driver's document-present). */
  placed(opts: { device?: string } = {}): void {
    for (const l of this.listeners) l(opts.device ?? 'reader', { kind: 'placed' });
  }
  mrz(lines: string[], opts: { device?: string; partial?: boolean } = {}): void {
    const read: DeviceRead = { kind: 'mrz', mrz: { lines, raw: new TextEncoder().encode(lines.join('\r\n')), partial: opts.partial ?? false, source: 'test' } };
    for (const l of this.listeners) l(opts.device ?? 'reader', read);
  }
}

/** A pino logger at debug level whose output lines are kept for a test to search. */
export function recordingLogger(): { log: Logger; text(): string } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { log, text: () => lines.join('') };
}
