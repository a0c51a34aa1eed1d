// Recognises image files by their bytes, never by name: what kind of image it is and whether the
// file is whole. Pure. Runs in main. Used by the hot folder, the SANE and the camera drivers.

export type ImageKind = 'jpeg' | 'png' | 'tiff';

export const mimeOf = { jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff' } as const;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The image kind from the magic bytes, or null for anything else (PDF, text, half a header). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, pngSignature)) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

/**
 * Whether the file looks whole: a JPEG ends with its EOI marker (FF D9, some writers pad a few
 * zero bytes after it), a PNG with its IEND chunk. A TIFF has no end marker; its decoder decides.
 */
export function looksComplete(bytes: Uint8Array, kind: ImageKind): boolean {
  if (kind === 'jpeg') {
    let end = bytes.length;
    while (end > 2 && bytes.length - end < 16 && bytes[end - 1] === 0x00) end -= 1;
    return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
  }
  if (kind === 'png') {
    // The last 12 bytes: length 0, "IEND", CRC AE 42 60 82.
    const tail = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
    return bytes.length >= pngSignature.length + tail.length && tail.every((b, i) => bytes[bytes.length - tail.length + i] === b);
  }
  return true;
}
