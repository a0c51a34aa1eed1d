// The pictures the review screen asks for (`capture.image`): a small thumbnail (~320 px long edge,
// JPEG) or the full image as captured. Rotation and crop are drawn by the renderer, so both are of
// the image as captured, turned upright only by its EXIF orientation. Runs in main (Node, sharp).
import sharp from 'sharp';
import type { ImageData } from '../../preload/contract';

export const thumbnailLongEdgePx = 320;

export async function thumbnailOf(bytes: Uint8Array): Promise<ImageData> {
  const { data, info } = await sharp(bytes)
    .autoOrient()
    .resize({ width: thumbnailLongEdgePx, height: thumbnailLongEdgePx, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { mime: 'image/jpeg', base64: data.toString('base64'), width: info.width, height: info.height };
}

export function fullImageOf(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png', size: { width: number; height: number }): ImageData {
  return { mime, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), width: size.width, height: size.height };
}
