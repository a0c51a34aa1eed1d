// Hook: one decoded image by key, loading it on first use (renderer). Selects only its own entry.
import { useEffect, useRef } from 'react';
import type { Res } from '../../../preload/contract';
import { loadImage, releaseImages, useMediaStore, type MediaEntry } from '../stores/media-store';

/** An image as the contract carries it (capture.image, results.image). */
type ContractImage = Res<'capture.image'>;

export function useImage(key: string | null, fetch: () => Promise<ContractImage>): { entry: MediaEntry | undefined; retry(): void } {
  const entry = useMediaStore((s) => (key ? s.images[key] : undefined));
  // The latest fetch is used without making it an effect dependency: callers pass a new closure
  // every render, but only a new key means a new image.
  const fetchRef = useRef(fetch);
  useEffect(() => {
    fetchRef.current = fetch;
  });
  useEffect(() => {
    if (key) void loadImage(key, () => fetchRef.current());
  }, [key]);
  return {
    entry,
    retry: () => {
      if (!key) return;
      releaseImages((k) => k === key);
      void loadImage(key, () => fetchRef.current());
    },
  };
}

export const captureImageKey = (imageId: string, variant: 'thumbnail' | 'full') => `capture:${imageId}:${variant}`;
export const resultImageKey = (resultId: string, imageId: string) => `result:${resultId}:${imageId}`;
