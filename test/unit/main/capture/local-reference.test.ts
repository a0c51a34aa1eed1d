import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localReference } from '../../../../main/capture/local-reference';

describe('local reference', () => {
  it('is six Crockford characters in two groups, the same every time for one application', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const ref = localReference(id);
        expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
        expect(localReference(id)).toBe(ref);
      }),
    );
  });

  it('differs between applications (no clash among a thousand ids)', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `0190f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expect(new Set(ids.map(localReference)).size).toBe(1000);
  });
});
