// Turns an image from the contract (base64 JPEG/PNG) into an ImageBitmap without blocking the
// renderer's main thread: base64 decoding and image decoding both run in a Worker when the page
// can start one; otherwise createImageBitmap still decodes off-thread and only atob runs here.
import type { Res } from '../../../preload/contract';
import { base64ToBlob } from './base64';

/** An image as the contract carries it (capture.image, results.image). */
type ContractImage = Res<'capture.image'>;

export type ImageDecoder = {
  decode(image: ContractImage): Promise<ImageBitmap>;
};

type WorkerReply = { id: number; bitmap?: ImageBitmap; error?: string };

/** Decodes in-thread with createImageBitmap (which decodes off the main thread in Chromium). */
export function bitmapDecoder(): ImageDecoder {
  return {
    decode: (image) => createImageBitmap(base64ToBlob(image.base64, image.mime)),
  };
}

/** Decodes in a dedicated Worker; falls back to bitmapDecoder if the Worker cannot start. */
export function workerDecoder(start: () => Worker): ImageDecoder {
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (b: ImageBitmap) => void; reject: (e: Error) => void }>();
  const fallback = bitmapDecoder();

  function failAll(message: string) {
    broken = true;
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
    worker?.terminate();
    worker = null;
  }

  function ensureWorker(): Worker | null {
    if (worker || broken) return worker;
    try {
      worker = start();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const w = waiting.get(reply.id);
      if (!w) {
        reply.bitmap?.close();
        return;
      }
      waiting.delete(reply.id);
      if (reply.bitmap) w.resolve(reply.bitmap);
      else w.reject(new Error(reply.error ?? 'The image could not be decoded.'));
    };
    worker.onerror = () => failAll('The image decoder stopped.');
    return worker;
  }

  return {
    decode(image) {
      const w = ensureWorker();
      if (!w) return fallback.decode(image);
      const id = nextId++;
      return new Promise<ImageBitmap>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, mime: image.mime, base64: image.base64 });
      });
    },
  };
}

/** The decoder the app uses: a module Worker bundled by Vite, else in-thread createImageBitmap. */
export function defaultDecoder(): ImageDecoder {
  if (typeof Worker === 'undefined') return bitmapDecoder();
  return workerDecoder(() => new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'image-decoder' }));
}
