// The visitor's image bytes while the check is open: the capture's own copy of each, the sharp work
// done on them (measures, thumbnail, the final bytes to save), each sealed ahead as it arrives so
// that Submit has only to write it (issue 13), and their wiping. The machine
// knows the images by id; only this holder touches bytes. Runs in main (Node, sharp).
import sharp from 'sharp';
import type { SealedAhead } from '../store/capture-repo';
import type { ImageAdjustment, ImageData } from '../../preload/contract';
import { finalImage, type FinalImage } from './image-adjust';
import { fullImageOf, thumbnailOf } from './image-variants';
import { measureImage, type ImageMeasures } from './quality-checks';

type Held = {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  thumbnail: Promise<ImageData> | null;
  /** The bytes sealed for their app, once the arrival's other work has run; null until then or without a sealer. */
  sealed: SealedAhead | null;
  /** sharp work reading `bytes` right now: they are zeroed only once it is done. */
  work: Set<Promise<unknown>>;
};

export type HeldImages = ReturnType<typeof createHeldImages>;

/** An image's upright pixel size (EXIF orientation applied); throws when it cannot be decoded. */
export async function pixelSizeOf(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes).metadata();
  return { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 };
}

/** Seals an image for its app without writing it (the store's sealAhead). */
export type SealAhead = (appId: string, bytes: Uint8Array) => SealedAhead;

export function createHeldImages(sealAhead?: SealAhead) {
  const images = new Map<string, Held>();

  /** Runs sharp work on an image's bytes, so that dropping the image waits for it. */
  function using<T>(held: Held, work: () => Promise<T>): Promise<T> {
    const run = work();
    held.work.add(run);
    void run.then(
      () => held.work.delete(run),
      () => held.work.delete(run),
    );
    return run;
  }

  function get(id: string): Held | undefined {
    return images.get(id);
  }

  function drop(id: string): void {
    const held = images.get(id);
    if (!held) return;
    images.delete(id);
    held.thumbnail = null;
    held.sealed = null;
    // Zeroed, not just released: the bytes are an identity document, and the GC frees when it
    // likes. sharp reads the Buffer in place on its own threads, so work in flight finishes first.
    const wipe = () => held.bytes.fill(0);
    if (held.work.size === 0) wipe();
    else void Promise.allSettled([...held.work]).then(wipe);
  }

  return {
    /** Keeps a copy: the reader's buffer is the driver's. */
    keep(id: string, bytes: Uint8Array, mime: 'image/jpeg' | 'image/png', appId: string | null = null): void {
      const held: Held = { bytes: Buffer.from(bytes), mime, thumbnail: null, sealed: null, work: new Set() };
      images.set(id, held);
      if (!sealAhead || appId === null) return;
      // After the read's own events: sealing (~2 ms a 1.5 MB image) must not delay the MRZ on screen.
      setImmediate(() => {
        if (images.get(id) !== held) return;
        try {
          held.sealed = sealAhead(appId, held.bytes);
        } catch {
          // No key yet, for one: Submit seals it then, and says so if it still cannot.
        }
      });
    },
    /** The seal made ahead, when `bytes` are the very bytes it sealed (no rotation or crop since). */
    sealedFor(id: string, bytes: Uint8Array): SealedAhead | undefined {
      const held = get(id);
      return held?.sealed && held.bytes === bytes ? held.sealed : undefined;
    },
    has: (id: string) => images.has(id),
    /** Null when the image is gone; rejects when its bytes cannot be measured. */
    measure(id: string): Promise<ImageMeasures> | null {
      const held = get(id);
      return held ? using(held, () => measureImage(held.bytes)) : null;
    },
    /** The cached thumbnail; a failed one is made again next time. */
    async thumbnail(id: string): Promise<ImageData | null> {
      const held = get(id);
      if (!held) return null;
      held.thumbnail ??= using(held, () => thumbnailOf(held.bytes));
      try {
        return await held.thumbnail;
      } catch (error) {
        held.thumbnail = null;
        throw error;
      }
    },
    full(id: string, size: { width: number; height: number }): ImageData | null {
      const held = get(id);
      return held ? fullImageOf(held.bytes, held.mime, size) : null;
    },
    /** The bytes to save, with staff's rotation and crop applied (image-adjust.ts). */
    final(id: string, adjustment: ImageAdjustment): Promise<FinalImage> {
      const held = get(id);
      if (!held) return Promise.reject(new Error('image no longer held'));
      return using(held, () => finalImage(held.bytes, held.mime, adjustment));
    },
    drop,
    dropAll(): void {
      for (const id of [...images.keys()]) drop(id);
    },
  };
}
