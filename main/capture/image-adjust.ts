// Applies staff's rotation and crop to a captured image when the capture is saved, and brings it
// within the upload rules (RAW-API §9.3: JPEG, quality ≥ 90, longest side ≤ 4000 px, ≤ 8 MB).
// Runs in main (Node, sharp).
import sharp from 'sharp';
import type { ImageAdjustment } from '../../preload/contract';


export type FinalImage = { bytes: Uint8Array; mime: 'image/jpeg' | 'image/png' };

export const uploadLimits = { maxLongEdgePx: 4000, maxBytes: 8 * 1024 * 1024, jpegQuality: 92 } as const;

/**
 * True when the bytes can go as they are: no rotation or crop, a JPEG already upright (an EXIF
 * orientation is baked in rather than trusted to the receiver), within §9.3's limits.
 */
export function keepsOriginal(adjustment: ImageAdjustment, mime: string, size: { width: number; height: number }, byteLength: number, orientation = 1): boolean {
  return (
    adjustment.rotation === 0 &&
    orientation === 1 &&
    adjustment.crop === null &&
    mime === 'image/jpeg' &&
    Math.max(size.width, size.height) <= uploadLimits.maxLongEdgePx &&
    byteLength <= uploadLimits.maxBytes
  );
}

/**
 * The bytes to save. An untouched JPEG within the limits is kept byte for byte (no second
 * compression); anything else is decoded once, turned upright (EXIF), rotated clockwise, cropped in
 * the rotated frame (the contract's Crop is in fractions of the rotated image), shrunk to the
 * longest side allowed and encoded as JPEG.
 */
export async function finalImage(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png', adjustment: ImageAdjustment): Promise<FinalImage> {
  const meta = await sharp(bytes).metadata();
  const size = { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 };
  if (keepsOriginal(adjustment, mime, size, bytes.byteLength, meta.orientation ?? 1)) return { bytes, mime };
  // Two passes: rotation is settled on raw pixels first, so the crop is cut from the rotated frame
  // whatever order sharp would otherwise apply its operations in.
  const turned = await sharp(bytes).autoOrient().rotate(adjustment.rotation).raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = turned.info;
  let pipeline = sharp(turned.data, { raw: { width, height, channels } });
  if (adjustment.crop) {
    const c = adjustment.crop;
    const left = Math.min(width - 1, Math.max(0, Math.round(c.x * width)));
    const top = Math.min(height - 1, Math.max(0, Math.round(c.y * height)));
    pipeline = pipeline.extract({
      left,
      top,
      width: Math.max(1, Math.min(width - left, Math.round(c.width * width))),
      height: Math.max(1, Math.min(height - top, Math.round(c.height * height))),
    });
  }
  const out = await pipeline
    .resize({ width: uploadLimits.maxLongEdgePx, height: uploadLimits.maxLongEdgePx, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: uploadLimits.jpegQuality })
    .toBuffer();
  return { bytes: out, mime: 'image/jpeg' };
}
