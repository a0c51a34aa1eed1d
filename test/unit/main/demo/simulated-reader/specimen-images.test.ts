import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { specimenDocument } from '../../../../../main/demo/simulated-reader/specimen-documents';
import { renderSpecimenImage, specimenSvg } from '../../../../../main/demo/simulated-reader/specimen-images';

const specimensDir = path.resolve('resources/specimens');
const passport = specimenDocument({ kind: 'passport' }, '2026-05-01');
const card = specimenDocument({ kind: 'id-card' }, '2026-05-01');

async function meanLuma(bytes: Uint8Array): Promise<number> {
  const stats = await sharp(bytes).greyscale().stats();
  return stats.channels[0]?.mean ?? 0;
}

describe('specimen images', () => {
  it('renders JPEGs at the physical size of the document for the dpi asked', async () => {
    const front = await renderSpecimenImage(passport, 'front', 'white', { specimensDir, dpi: 100 });
    expect(front).toMatchObject({ side: 'front', light: 'white', mime: 'image/jpeg', dpi: 100 });
    const meta = await sharp(front.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    // ICAO TD3 page 125 × 88 mm; ID-1 card 85.6 × 53.98 mm.
    expect(meta.width).toBe(Math.round((125 / 25.4) * 100));
    expect(meta.height).toBe(Math.round((88 / 25.4) * 100));
    expect(meta.density).toBe(100);
    const back = await sharp((await renderSpecimenImage(card, 'back', 'white', { specimensDir, dpi: 100 })).bytes).metadata();
    expect(back.width).toBe(Math.round((85.6 / 25.4) * 100));
  });

  it('shows a dark page under UV and a grey one under IR', async () => {
    const [white, ir, uv] = await Promise.all((['white', 'ir', 'uv'] as const).map((light) => renderSpecimenImage(passport, 'front', light, { specimensDir, dpi: 60 })));
    expect(await meanLuma(uv!.bytes)).toBeLessThan((await meanLuma(white!.bytes)) / 2);
    const irStats = await sharp(ir!.bytes).stats();
    const [r, g, b] = irStats.channels;
    expect(Math.abs((r?.mean ?? 0) - (b?.mean ?? 0))).toBeLessThan(2);
    expect(Math.abs((g?.mean ?? 0) - (b?.mean ?? 0))).toBeLessThan(2);
  });

  it('puts the MRZ on the page with its fillers escaped', () => {
    const svg = specimenSvg(card, 'back', 'white', specimensDir);
    expect(svg).toContain(card.mrz[2]!.replace(/</g, '&lt;'));
    expect(svg).not.toMatch(/\{\{\w+\}\}/);
  });
});
