import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { finalImage, keepsOriginal, uploadLimits } from '../../../../main/capture/image-adjust';
import { colourAt, noiseJpeg, quadrantsPng } from './capture-fixtures';

describe('image at save', () => {
  it('keeps an untouched JPEG within the upload limits byte for byte', async () => {
    const jpeg = await noiseJpeg(800, 500);
    const out = await finalImage(jpeg, 'image/jpeg', { rotation: 0, crop: null });
    expect(out.bytes).toBe(jpeg);
    expect(out.mime).toBe('image/jpeg');
  });

  it('rotates clockwise and crops in the rotated frame, as the review screen draws it', async () => {
    // Quadrants: red top-left, green top-right, blue bottom-left, white bottom-right (400 × 200).
    const png = await quadrantsPng(400, 200);
    const turned = await finalImage(png, 'image/png', { rotation: 90, crop: null });
    expect(turned.mime).toBe('image/jpeg');
    expect(await sharp(turned.bytes).metadata()).toMatchObject({ width: 200, height: 400, format: 'jpeg' });
    // Turned a quarter clockwise: blue is now top-left, red top-right.
    expect(await colourAt(turned.bytes, 0.25, 0.25)).toBe('001');
    expect(await colourAt(turned.bytes, 0.75, 0.25)).toBe('100');
    // The right half of the rotated frame holds red above green.
    const cropped = await finalImage(png, 'image/png', { rotation: 90, crop: { x: 0.5, y: 0, width: 0.5, height: 1 } });
    expect(await sharp(cropped.bytes).metadata()).toMatchObject({ width: 100, height: 400 });
    expect(await colourAt(cropped.bytes, 0.5, 0.2)).toBe('100');
    expect(await colourAt(cropped.bytes, 0.5, 0.8)).toBe('010');
  });

  it('brings a PNG or an oversized image within RAW-API §9.3 (JPEG, longest side at most 4000 px)', async () => {
    const big = await sharp({ create: { width: 5000, height: 3000, channels: 3, background: '#abc' } }).png().toBuffer();
    expect(keepsOriginal({ rotation: 0, crop: null }, 'image/png', { width: 5000, height: 3000 }, big.length)).toBe(false);
    const out = await finalImage(big, 'image/png', { rotation: 0, crop: null });
    expect(await sharp(out.bytes).metadata()).toMatchObject({ format: 'jpeg', width: uploadLimits.maxLongEdgePx, height: 2400 });
  });

  it('bakes in an EXIF orientation rather than trusting the receiver to apply it', async () => {
    const tagged = await sharp(await noiseJpeg(600, 300)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await finalImage(tagged, 'image/jpeg', { rotation: 0, crop: null });
    expect(out.bytes).not.toBe(tagged);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([300, 600, 1]);
  });
});
