// Decides whether bytes are an image a reader may hand on: a JPEG, PNG (or TIFF, converted to PNG)
// that decodes in full and has sane dimensions. Never throws on hostile bytes; says why instead.
// Runs in main (plain Node; sharp/libvips).
import sharp from 'sharp';
import { looksComplete, sniffImage, type ImageKind } from './device-image-bytes';

export type ImageLimits = {
  maxBytes: number;
  /** Smallest side in pixels: anything smaller cannot hold a readable document. */
  minSide: number;
  maxSide: number;
  /** Decoding stops above this many pixels, so a small file cannot blow up into gigabytes. */
  maxPixels: number;
};

export const defaultImageLimits: ImageLimits = {
  maxBytes: 40 * 1024 * 1024,
  minSide: 200,
  maxSide: 12_000,
  maxPixels: 80_000_000,
};

export type InspectedImage = {
  ok: true;
  kind: ImageKind;
  /** Bytes to pass on: the input, or a PNG when the input was a TIFF. */
  bytes: Uint8Array;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** Pixels per inch from the file's header, when it says. */
  dpi?: number;
};

export type RejectedImage = {
  ok: false;
  /** `truncated` lets a caller wait for a file still being written. */
  problem: 'not-image' | 'truncated' | 'undecodable' | 'too-large' | 'too-small' | 'wrong-kind';
  /** Plain English, no file contents. */
  reason: string;
};

export async function inspectImage(
  bytes: Uint8Array,
  opts: { accept: readonly ImageKind[]; limits?: Partial<ImageLimits> },
): Promise<InspectedImage | RejectedImage> {
  const limits = { ...defaultImageLimits, ...opts.limits };
  if (bytes.length > limits.maxBytes) {
    return { ok: false, problem: 'too-large', reason: `it is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB` };
  }
  const kind = sniffImage(bytes);
  if (!kind) return { ok: false, problem: 'not-image', reason: 'its content is not a JPEG, PNG or TIFF image' };
  if (!opts.accept.includes(kind)) {
    return { ok: false, problem: 'wrong-kind', reason: `it is a ${kind.toUpperCase()} image, expected ${opts.accept.map((k) => k.toUpperCase()).join(' or ')}` };
  }
  if (!looksComplete(bytes, kind)) return { ok: false, problem: 'truncated', reason: 'the image is cut short (the file was not completely written)' };
  try {
    const input = sharp(bytes, { failOn: 'truncated', limitInputPixels: limits.maxPixels });
    const meta = await input.metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (Math.min(width, height) < limits.minSide) {
      return { ok: false, problem: 'too-small', reason: `the image is only ${width} × ${height} pixels` };
    }
    if (Math.max(width, height) > limits.maxSide) {
      return { ok: false, problem: 'too-large', reason: `the image is ${width} × ${height} pixels, more than a document scan needs` };
    }
    // Decoding a small thumbnail reads every compressed byte (JPEG shrink-on-load keeps it cheap),
    // so a file with a good header and a broken body is caught here, not later in the pipeline.
    const out = kind === 'tiff' ? await input.png().toBuffer() : (await input.resize(64).raw().toBuffer(), bytes);
    return {
      ok: true,
      kind,
      bytes: out,
      mime: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
      width,
      height,
      ...(meta.density ? { dpi: Math.round(meta.density) } : {}),
    };
  } catch {
    return { ok: false, problem: 'undecodable', reason: 'the image data is damaged and cannot be decoded' };
  }
}
