// The holder of the visitor's image bytes: its own copy, sharp work on it, and wiping that waits
// for that work. Real images through sharp.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHeldImages } from '../../../../main/capture/held-images';
import { noiseJpeg } from './capture-fixtures';

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await noiseJpeg(800, 550, 3);
});

describe('held images', () => {
  it('keeps its own copy of the reader’s bytes, and serves nothing once dropped', () => {
    const held = createHeldImages();
    const source = Buffer.from(jpeg);
    held.keep('a', source, 'image/jpeg');
    source.fill(1);
    const full = held.full('a', { width: 800, height: 550 });
    expect(Buffer.from(full!.base64, 'base64').equals(jpeg)).toBe(true);
    held.drop('a');
    expect(held.has('a')).toBe(false);
    expect(held.full('a', { width: 1, height: 1 })).toBeNull();
  });

  it('lets sharp work in flight finish before the bytes are zeroed', async () => {
    const held = createHeldImages();
    held.keep('a', jpeg, 'image/jpeg');
    const measuring = held.measure('a');
    const thumbnail = held.thumbnail('a');
    held.dropAll();
    await expect(measuring).resolves.toMatchObject({ width: 800, height: 550 });
    await expect(thumbnail).resolves.toMatchObject({ width: 320, height: 220 });
    expect(held.measure('a')).toBeNull();
  });

  it('an image that cannot be decoded fails its thumbnail each time it is asked; a dropped one has none', async () => {
    const held = createHeldImages();
    held.keep('bad', Buffer.from('not an image'), 'image/jpeg');
    await expect(held.thumbnail('bad')).rejects.toThrow();
    await expect(held.thumbnail('bad')).rejects.toThrow();
    expect(await held.thumbnail('gone')).toBeNull();
  });
});
