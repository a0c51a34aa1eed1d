// Writes a short Y4M video of a specimen document for Chromium's fake camera
// (--use-file-for-fake-video-capture=file.y4m): raw I420 frames from sharp, the document lying on a
// grey desk. Runs in main or a script (plain Node).
import fs from 'node:fs';
import sharp from 'sharp';
import type { IsoDay } from '../../devices/mrz/mrz-dates';
import { specimenDocument, type SpecimenOptions } from './specimen-documents';
import { specimenSvg } from './specimen-images';

export type Y4mOptions = {
  specimensDir: string;
  today: IsoDay;
  document?: SpecimenOptions;
  /** Frame size; both must be even (4:2:0 chroma is subsampled by two). Default 1280 × 720. */
  width?: number;
  height?: number;
  fps?: number;
  /** Length of the clip (Chromium loops it). Default 2 s. */
  seconds?: number;
};

/** The stream header: size, frame rate, progressive, square pixels, 4:2:0 (JPEG siting). */
export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/** RGB (3 bytes a pixel) to planar I420 with BT.601 full-range coefficients, as C420jpeg expects. */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const out = new Uint8Array(ySize + 2 * cSize);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let i = 0; i < ySize; i++) {
    const r = rgb[i * 3] as number;
    const g = rgb[i * 3 + 1] as number;
    const b = rgb[i * 3 + 2] as number;
    out[i] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((y + dy) * width + (x + dx)) * 3;
        r += rgb[p] as number;
        g += rgb[p + 1] as number;
        b += rgb[p + 2] as number;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = (y / 2) * (width / 2) + x / 2;
      out[ySize + c] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[ySize + cSize + c] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

export async function writeSpecimenY4m(file: string, options: Y4mOptions): Promise<{ frames: number; width: number; height: number; bytes: number }> {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const fps = options.fps ?? 10;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('Y4M 4:2:0 frames need an even width and height');
  const specimen = specimenDocument({ kind: 'passport', ...options.document }, options.today);
  const document = await sharp(Buffer.from(specimenSvg(specimen, 'front', 'white', options.specimensDir)), { density: 300 })
    .resize({ width: Math.round(width * 0.8), height: Math.round(height * 0.8), fit: 'inside' })
    .png()
    .toBuffer();
  // The document on a grey desk, as a document camera sees it.
  const rgb = await sharp({ create: { width, height, channels: 3, background: { r: 96, g: 100, b: 108 } } })
    .composite([{ input: document, gravity: 'centre' }])
    .removeAlpha()
    .raw()
    .toBuffer();
  const frame = rgbToI420(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.byteLength), width, height);
  const frames = Math.max(1, Math.round(fps * (options.seconds ?? 2)));
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, y4mHeader(width, height, fps));
    for (let i = 0; i < frames; i++) {
      fs.writeSync(fd, 'FRAME\n');
      fs.writeSync(fd, frame);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { frames, width, height, bytes: fs.statSync(file).size };
}
