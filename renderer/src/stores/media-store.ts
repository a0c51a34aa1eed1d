// Decoded images and object URLs the renderer holds for the current visitor (capture images,
// result images, the PDF report). Personal data: everything here is released by resetMedia(),
// which Finish, sign-out and the idle lock's "start again" call — bitmaps closed, URLs revoked.
import { create } from 'zustand';
import { onVisitorReset } from '../app/visitor-reset';
import type { Res } from '../../../preload/contract';
import { defaultDecoder, type ImageDecoder } from '../media/image-decoder';

/** An image as the contract carries it (capture.image, results.image). */
type ContractImage = Res<'capture.image'>;

export type MediaEntry = { state: 'loading' } | { state: 'ready'; bitmap: ImageBitmap } | { state: 'error'; message: string };

type MediaState = {
  images: Record<string, MediaEntry>;
  urls: Record<string, string>;
};

export const useMediaStore = create<MediaState>(() => ({ images: {}, urls: {} }));

let decoder: ImageDecoder | null = null;
// Each load holds a token; a release or reset drops it, so a bitmap that arrives afterwards is
// closed at once instead of bringing a finished visitor's image back into memory.
const inflight = new Map<string, symbol>();

/** Tests (and benchmarks) install their own decoder; null goes back to the default. */
export function setImageDecoder(next: ImageDecoder | null): void {
  decoder = next;
}

function currentDecoder(): ImageDecoder {
  decoder ??= defaultDecoder();
  return decoder;
}

function setEntry(key: string, entry: MediaEntry | null) {
  useMediaStore.setState((s) => {
    const images = { ...s.images };
    if (entry) images[key] = entry;
    else delete images[key];
    return { images };
  });
}

/** Fetches and decodes once per key; later calls for a loading or ready key do nothing. */
export async function loadImage(key: string, fetch: () => Promise<ContractImage>): Promise<void> {
  const existing = useMediaStore.getState().images[key];
  if (existing && existing.state !== 'error') return;
  const token = Symbol(key);
  inflight.set(key, token);
  setEntry(key, { state: 'loading' });
  try {
    const bitmap = await currentDecoder().decode(await fetch());
    if (inflight.get(key) !== token) {
      bitmap.close();
      return;
    }
    inflight.delete(key);
    setEntry(key, { state: 'ready', bitmap });
  } catch (error) {
    if (inflight.get(key) !== token) return;
    inflight.delete(key);
    setEntry(key, { state: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Closes and forgets the images whose keys match (e.g. a retaken image, a closed result). */
export function releaseImages(match: (key: string) => boolean): void {
  const { images } = useMediaStore.getState();
  const keys = new Set([...Object.keys(images), ...inflight.keys()].filter(match));
  if (keys.size === 0) return;
  for (const key of keys) {
    inflight.delete(key);
    const entry = images[key];
    if (entry?.state === 'ready') entry.bitmap.close();
  }
  useMediaStore.setState((s) => ({ images: Object.fromEntries(Object.entries(s.images).filter(([k]) => !keys.has(k))) }));
}

/** An object URL for a blob, tracked so resetMedia() revokes it; replaces any URL under the key. */
export function keepObjectUrl(key: string, blob: Blob): string {
  revokeObjectUrl(key);
  const url = URL.createObjectURL(blob);
  useMediaStore.setState((s) => ({ urls: { ...s.urls, [key]: url } }));
  return url;
}

export function revokeObjectUrl(key: string): void {
  const url = useMediaStore.getState().urls[key];
  if (!url) return;
  URL.revokeObjectURL(url);
  useMediaStore.setState((s) => {
    const urls = { ...s.urls };
    delete urls[key];
    return { urls };
  });
}

/** Forgets every image and URL of the visitor. */
export function resetMedia(): void {
  const { images, urls } = useMediaStore.getState();
  inflight.clear();
  for (const entry of Object.values(images)) if (entry.state === 'ready') entry.bitmap.close();
  for (const url of Object.values(urls)) URL.revokeObjectURL(url);
  useMediaStore.setState({ images: {}, urls: {} });
}

onVisitorReset(resetMedia);
