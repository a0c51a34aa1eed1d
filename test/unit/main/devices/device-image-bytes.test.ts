import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { looksComplete, sniffImage } from '../../../../main/devices/device-image-bytes';

let jpeg: Buffer;
let png: Buffer;
let tiff: Buffer;
beforeAll(async () => {
  const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } });
  jpeg = await base.clone().jpeg().toBuffer();
  png = await base.clone().png().toBuffer();
  tiff = await base.clone().tiff().toBuffer();
});

describe('recognising images by their bytes', () => {
  it('knows JPEG, PNG and TIFF by their magic numbers', () => {
    expect(sniffImage(jpeg)).toBe('jpeg');
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(tiff)).toBe('tiff');
  });

  it('knows nothing else, nor half a header', () => {
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(sniffImage(png.subarray(0, 5))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });

  it('sees that a whole JPEG or PNG is whole, and that any prefix of one is not', () => {
    expect(looksComplete(jpeg, 'jpeg')).toBe(true);
    expect(looksComplete(png, 'png')).toBe(true);
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(looksComplete(jpeg.subarray(0, n % (jpeg.length - 1)), 'jpeg')).toBe(false);
        expect(looksComplete(png.subarray(0, n % (png.length - 1)), 'png')).toBe(false);
      }),
    );
  });

  it('accepts a JPEG padded with a few zero bytes after its end marker', () => {
    expect(looksComplete(Buffer.concat([jpeg, Buffer.alloc(4)]), 'jpeg')).toBe(true);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const kind = sniffImage(bytes);
        if (kind) looksComplete(bytes, kind);
      }),
      { numRuns: 5000 },
    );
  });
});
