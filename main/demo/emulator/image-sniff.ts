// Recognises uploaded images by their magic bytes and reads their pixel size (RAW-API §9.3: the
// emulator accepts JPEG and PNG only). Runs wherever the emulator runs. Pure.

export type ImageInfo = {
  mime: 'image/jpeg' | 'image/png';
  /** Image.FileType: 1 was seen for JPEG (§7.4); 2 for PNG is our choice. */
  fileType: number;
  extension: 'jpg' | 'png';
  width: number;
  height: number;
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    return { mime: 'image/jpeg', fileType: 1, extension: 'jpg', width: size?.width ?? 0, height: size?.height ?? 0 };
  }
  if (bytes.length >= 8 && PNG_SIGNATURE.every((value, index) => bytes[index] === value)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hasHeader = bytes.length >= 24;
    return {
      mime: 'image/png',
      fileType: 2,
      extension: 'png',
      width: hasHeader ? view.getUint32(16) : 0,
      height: hasHeader ? view.getUint32(20) : 0,
    };
  }
  return null;
}

/** Walks JPEG segments to the first start-of-frame marker; null when the stream is cut short. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      return { width, height };
    }
    offset += 2 + length;
  }
  return null;
}

/** A 1×1 PNG the emulator attaches when a simulated guest or app user "captures" a document. */
export const SPECIMEN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
