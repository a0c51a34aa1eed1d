// The QR path for a guest link: exactly the link's QR symbol, read back as a scanner would.
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath, QUIET_ZONE } from '../../../../../renderer/src/features/guest/qr-path';

/** Reads the dark modules back out of the SVG path, as a scanner would see them. */
function darkModules(d: string): Set<string> {
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - QUIET_ZONE},${Number(m[1]) - QUIET_ZONE}`));
}

describe('QR code', () => {
  it('draws exactly the dark modules of the link’s QR symbol, inside a quiet zone', () => {
    const url = 'https://guest.example/link/5a1f';
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    const path = qrPath(url);
    expect(darkModules(path.d)).toEqual(expected);
    expect(path.size).toBe(modules.size + 2 * QUIET_ZONE);
  });

  it('gives different links different codes', () => {
    expect(qrPath('https://guest.example/link/a').d).not.toBe(qrPath('https://guest.example/link/b').d);
  });
});
