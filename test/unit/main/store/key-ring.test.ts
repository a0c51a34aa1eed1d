import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, noCustody, type KeyCustody } from '../../../../main/store/key-custody';
import { keyRing } from '../../../../main/store/key-ring';
import { deriveKey } from '../../../../main/store/seal';

describe('key ring', () => {
  it('derives each sub-key once per data key, and afresh when the custody hands out another key', () => {
    let current: KeyCustody = ephemeralCustody();
    const keys = keyRing(() => current);
    const images = keys.images();
    expect(keys.images()).toBe(images);
    expect(images.equals(deriveKey(current.dataKey(), 'images'))).toBe(true);
    expect(keys.rows().equals(images)).toBe(false);

    current = { ...ephemeralCustody(), dataKey: () => crypto.randomBytes(32).fill(7) };
    expect(keys.images().equals(images)).toBe(false);
    expect(keys.images().equals(deriveKey(Buffer.alloc(32, 7), 'images'))).toBe(true);
  });

  it('fails with store.no-key, every time, while there is no custody', () => {
    const keys = keyRing(() => noCustody('no key store here'));
    expect(() => keys.images()).toThrow(expect.objectContaining({ code: 'store.no-key' }));
    expect(() => keys.rows()).toThrow(expect.objectContaining({ code: 'store.no-key' }));
  });
});
