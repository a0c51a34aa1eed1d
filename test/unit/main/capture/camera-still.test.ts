import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStill } from '../../../../main/capture/camera-still';

describe('camera still payload', () => {
  it('decodes clean base64 back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        expect(Buffer.from(decodeStill(Buffer.from(bytes).toString('base64')))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('refuses text that is not clean base64 instead of skipping what it does not know', () => {
    for (const text of ['/9j/4AAQ SkZJRg==', '/9j/<script>', 'abc', '====', 'ab=c', '/9j/4AAQ\n']) {
      expect(() => decodeStill(text)).toThrow(expect.objectContaining({ code: 'camera.bad-image' }));
    }
  });
});
