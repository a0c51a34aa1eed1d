import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectImage } from '../../../../main/devices/device-image-check';

let jpeg: Buffer;
let tiff: Buffer;
beforeAll(async () => {
  const page = sharp({ create: { width: 1016, height: 638, channels: 3, background: '#e8e0d0' } });
  jpeg = await page.clone().jpeg({ quality: 90 }).withMetadata({ density: 300 }).toBuffer();
  tiff = await page.clone().tiff().withMetadata({ density: 300 }).toBuffer();
});

describe('checking image bytes before they are handed on', () => {
  it('accepts a whole JPEG with its size and dpi', async () => {
    const r = await inspectImage(jpeg, { accept: ['jpeg'] });
    expect(r).toMatchObject({ ok: true, kind: 'jpeg', mime: 'image/jpeg', width: 1016, height: 638, dpi: 300 });
    if (r.ok) expect(r.bytes).toBe(jpeg);
  });

  it('turns a TIFF into a PNG of the same size', async () => {
    const r = await inspectImage(tiff, { accept: ['jpeg', 'png', 'tiff'] });
    expect(r).toMatchObject({ ok: true, kind: 'tiff', mime: 'image/png', width: 1016 });
    if (r.ok) expect((await sharp(r.bytes).metadata()).format).toBe('png');
  });

  it('calls a cut-short JPEG truncated, so a caller can wait for the writer', async () => {
    expect(await inspectImage(jpeg.subarray(0, jpeg.length >> 1), { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('rejects a JPEG whose body is damaged behind a good header and end marker', async () => {
    const damaged = Buffer.from(jpeg);
    // Keep the header (first 600 bytes) and the end marker; scramble the entropy-coded data.
    for (let i = 600; i < damaged.length - 2; i += 1) damaged[i] = (i * 7919) & 0xff;
    expect(await inspectImage(damaged, { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'undecodable' });
  });

  it('rejects kinds the caller does not take, and what is not an image', async () => {
    expect(await inspectImage(tiff, { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'wrong-kind' });
    expect(await inspectImage(new TextEncoder().encode('hello'), { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'not-image' });
  });

  it('rejects tiny images, huge dimensions and oversized files', async () => {
    const tiny = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(await inspectImage(tiny, { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'too-small' });
    const wide = await sharp({ create: { width: 13_000, height: 300, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(await inspectImage(wide, { accept: ['jpeg'] })).toMatchObject({ ok: false, problem: 'too-large' });
    expect(await inspectImage(jpeg, { accept: ['jpeg'], limits: { maxBytes: 1000 } })).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses a small file that claims a giant picture (decompression bomb)', async () => {
    const bomb = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    const r = await inspectImage(bomb, { accept: ['png'], limits: { maxPixels: 20_000_000 } });
    expect(r).toMatchObject({ ok: false, problem: 'undecodable' });
    expect((await inspectImage(bomb, { accept: ['png'], limits: { maxPixels: 40_000_000 } })).ok).toBe(true);
  });

  it('never throws on hostile bytes behind an image header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(jpeg.subarray(0, 3), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), fc.uint8Array({ maxLength: 2048 }), async (head, tail) => {
        const r = await inspectImage(Buffer.concat([head, tail, Buffer.from([0xff, 0xd9])]), { accept: ['jpeg', 'png'] });
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
