// The visitor's decoded images and object URLs: loaded once, released on retake, all closed on reset.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepObjectUrl, loadImage, releaseImages, resetMedia, revokeObjectUrl, setImageDecoder, useMediaStore } from '../../../../renderer/src/stores/media-store';
import { recordingDecoder } from '../features/capture/capture-fixtures';

const jpeg = (base64: string) => async () => ({ mime: 'image/jpeg' as const, base64, width: 10, height: 10 });

afterEach(() => {
  resetMedia();
  setImageDecoder(null);
  vi.restoreAllMocks();
});

describe('media store', () => {
  it('fetches and decodes an image once however often it is asked for', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    const fetch = vi.fn(jpeg('a'));
    await Promise.all([loadImage('capture:a:full', fetch), loadImage('capture:a:full', fetch)]);
    await loadImage('capture:a:full', fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(bitmaps).toHaveLength(1);
    expect(useMediaStore.getState().images['capture:a:full']).toMatchObject({ state: 'ready' });
  });

  it('records a failure with its message and tries again on the next request', async () => {
    setImageDecoder(recordingDecoder().decoder);
    await loadImage('k', () => Promise.reject(new Error('The image is no longer on this kiosk.')));
    expect(useMediaStore.getState().images.k).toEqual({ state: 'error', message: 'The image is no longer on this kiosk.' });
    await loadImage('k', jpeg('b'));
    expect(useMediaStore.getState().images.k).toMatchObject({ state: 'ready' });
  });

  it('closes released bitmaps and keeps the others', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    await loadImage('capture:a:full', jpeg('a'));
    await loadImage('capture:b:full', jpeg('b'));
    releaseImages((key) => key.startsWith('capture:a:'));
    expect(bitmaps.map((b) => [b.source, b.closed])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(Object.keys(useMediaStore.getState().images)).toEqual(['capture:b:full']);
  });

  it('closes an image that finishes decoding after the visitor was reset', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    let answer!: (value: { mime: 'image/jpeg'; base64: string; width: number; height: number }) => void;
    const loading = loadImage('capture:late:full', () => new Promise((resolve) => (answer = resolve)));
    resetMedia();
    answer({ mime: 'image/jpeg', base64: 'late', width: 1, height: 1 });
    await loading;
    expect(bitmaps[0]?.closed).toBe(true);
    expect(useMediaStore.getState().images).toEqual({});
  });

  it('revokes object URLs when replaced, released or reset', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const first = keepObjectUrl('pdf:1', new Blob(['1']));
    const second = keepObjectUrl('pdf:1', new Blob(['2']));
    expect(revoke).toHaveBeenCalledWith(first);
    const third = keepObjectUrl('pdf:2', new Blob(['3']));
    revokeObjectUrl('pdf:2');
    expect(revoke).toHaveBeenCalledWith(third);
    resetMedia();
    expect(revoke).toHaveBeenCalledWith(second);
    expect(useMediaStore.getState().urls).toEqual({});
  });
});
