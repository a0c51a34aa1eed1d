import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fullImageOf, thumbnailLongEdgePx, thumbnailOf } from '../../../../main/capture/image-variants';
import { noiseJpeg } from './capture-fixtures';

describe('image variants', () => {
  it('makes a JPEG thumbnail about 320 px on its long edge, keeping the shape', async () => {
    const thumb = await thumbnailOf(await noiseJpeg(1600, 1000));
    expect(thumb).toMatchObject({ mime: 'image/jpeg', width: thumbnailLongEdgePx, height: 200 });
    expect(await sharp(Buffer.from(thumb.base64, 'base64')).metadata()).toMatchObject({ width: 320, height: 200, format: 'jpeg' });
  });

  it('gives the full image as captured', async () => {
    const jpeg = await noiseJpeg(640, 480);
    const full = fullImageOf(jpeg, 'image/jpeg', { width: 640, height: 480 });
    expect(Buffer.from(full.base64, 'base64').equals(jpeg)).toBe(true);
  });
});
