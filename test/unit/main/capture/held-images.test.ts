// The holder of the visitor's image bytes: its own copy, sharp work on it, and wiping that waits
// for that work. Real images through sharp.
import { setImmediate as turn } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHeldImages, type SealAhead } from '../../../../main/capture/held-images';
import type { SealedAhead } from '../../../../main/store/capture-repo';
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

  describe('sealed ahead (issue 13)', () => {
    const recordingSealer = () => {
      const calls: Array<{ appId: string; bytes: Uint8Array }> = [];
      const seal: SealAhead = (appId, bytes) => {
        calls.push({ appId, bytes });
        return { appId, imageId: `img-${calls.length}`, source: bytes } as SealedAhead;
      };
      return { calls, seal };
    };

    it('seals each image for its app after the arrival’s own work, and hands it out only for the very bytes kept', async () => {
      const { calls, seal } = recordingSealer();
      const held = createHeldImages(seal);
      held.keep('a', jpeg, 'image/jpeg', 'app-1');
      expect(calls).toHaveLength(0); // not in the reader event's own turn
      await turn();
      expect(calls.map((c) => c.appId)).toEqual(['app-1']);
      const final = await held.final('a', { rotation: 0, crop: null });
      expect(held.sealedFor('a', final.bytes)?.imageId).toBe('img-1');
      const turned = await held.final('a', { rotation: 90, crop: null });
      expect(held.sealedFor('a', turned.bytes)).toBeUndefined();
    });

    it('seals nothing without an app, for an image dropped before its turn, or when the sealer fails', async () => {
      const { calls, seal } = recordingSealer();
      const held = createHeldImages(seal);
      held.keep('no-app', jpeg, 'image/jpeg', null);
      held.keep('gone', jpeg, 'image/jpeg', 'app-1');
      held.drop('gone');
      await turn();
      expect(calls).toHaveLength(0);

      const failing = createHeldImages(() => {
        throw new Error('no key');
      });
      failing.keep('a', jpeg, 'image/jpeg', 'app-1');
      await turn();
      const final = await failing.final('a', { rotation: 0, crop: null });
      expect(failing.sealedFor('a', final.bytes)).toBeUndefined();
    });
  });
});
