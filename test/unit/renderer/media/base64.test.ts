// Base64 helpers for images crossing the contract.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBlob, base64ToBytes, blobToBase64, bytesToBase64 } from '../../../../renderer/src/media/base64';

describe('base64', () => {
  it('round-trips any bytes, including more than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });

  it('agrees with the platform’s encoding', () => {
    const bytes = new Uint8Array([0, 255, 1, 254, 128, 64]);
    expect(bytesToBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
  });

  it('carries a blob’s bytes and type both ways', async () => {
    const blob = base64ToBlob('JVBERi0xLjQ=', 'application/pdf');
    expect(blob.type).toBe('application/pdf');
    expect(await blobToBase64(blob)).toBe('JVBERi0xLjQ=');
  });
});
