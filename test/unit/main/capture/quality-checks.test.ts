import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LONG_EDGE_INCHES, defaultQualityThresholds, judgeQuality, measureImage, type ImageMeasures } from '../../../../main/capture/quality-checks';

/** A document-like image: light card, dark text lines, at a given size. */
async function documentImage(width: number, height: number): Promise<Buffer> {
  const lines = Array.from({ length: 14 }, (_, i) => `<text x="40" y="${80 + i * (height / 16)}" font-size="${height / 22}" font-family="monospace" fill="#111">P&lt;UTOERIKSSON&lt;&lt;ANNA&lt;MARIA&lt;&lt;&lt;${i}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#e8e4d8"/>${lines}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

const ok: ImageMeasures = { width: 1600, height: 1100, sharpness: 500, glareShare: 0, brightness: 180 };
const failed = (checks: ReturnType<typeof judgeQuality>) => checks.filter((c) => !c.passed).map((c) => `${c.id}${c.blocking ? '!' : ''}`);

describe('quality verdicts', () => {
  it('passes a good white-light image', () => {
    expect(failed(judgeQuality(ok, 'white'))).toEqual([]);
  });

  it('blocks a coarse, blurred or dark image and advises on glare, by default', () => {
    expect(failed(judgeQuality({ ...ok, width: 600, height: 400 }, 'white'))).toEqual(['resolution!']);
    expect(failed(judgeQuality(ok, 'white', defaultQualityThresholds, { dpi: 150, longEdgeInches: 3.37 }))).toEqual(['resolution!']);
    expect(failed(judgeQuality({ ...ok, sharpness: 5 }, 'white'))).toEqual(['blur!']);
    expect(failed(judgeQuality({ ...ok, brightness: 20 }, 'white'))).toEqual(['dark!']);
    expect(failed(judgeQuality({ ...ok, glareShare: 0.3 }, 'white'))).toEqual(['glare']);
  });

  it('judges only resolution for IR and UV images, which are dark by nature', () => {
    expect(failed(judgeQuality({ ...ok, brightness: 10, sharpness: 1, glareShare: 0.5 }, 'uv'))).toEqual([]);
    expect(judgeQuality(ok, 'ir').map((c) => c.id)).toEqual(['resolution']);
  });

  it('estimates the resolution from the document size when the reader gives none', () => {
    // 1600 px across a passport page (4.92 in) is ~325 dpi; across an ID card (3.37 in) ~475 dpi.
    expect(failed(judgeQuality(ok, 'white', { ...defaultQualityThresholds, minDpi: 400 }, { longEdgeInches: DOCUMENT_LONG_EDGE_INCHES.passport }))).toEqual(['resolution!']);
    expect(failed(judgeQuality(ok, 'white', { ...defaultQualityThresholds, minDpi: 400 }, { longEdgeInches: DOCUMENT_LONG_EDGE_INCHES.card }))).toEqual([]);
  });

  it('follows configured thresholds and which failures block', () => {
    const lenient = { ...defaultQualityThresholds, blurMin: 1, blocking: { ...defaultQualityThresholds.blocking, dark: false, glare: true } };
    expect(failed(judgeQuality({ ...ok, sharpness: 5 }, 'white', lenient))).toEqual([]);
    expect(failed(judgeQuality({ ...ok, brightness: 20 }, 'white', lenient))).toEqual(['dark']);
    expect(failed(judgeQuality({ ...ok, glareShare: 0.3 }, 'white', lenient))).toEqual(['glare!']);
  });
});

describe('measuring real pixels', () => {
  it('finds a sharp document sharp and the same document blurred, blurred', async () => {
    const sharpImage = await documentImage(1600, 1100);
    const blurred = await sharp(sharpImage).blur(6).toBuffer();
    const a = await measureImage(sharpImage);
    const b = await measureImage(blurred);
    expect(a.width).toBe(1600);
    expect(failed(judgeQuality(a, 'white'))).toEqual([]);
    expect(failed(judgeQuality(b, 'white'))).toContain('blur!');
  });

  it('finds an underexposed image dark and a blown-out one glaring', async () => {
    const image = await documentImage(1600, 1100);
    const dark = await sharp(image).linear(0.15, 0).toBuffer();
    const glare = await sharp(image).linear(1, 120).toBuffer();
    expect(failed(judgeQuality(await measureImage(dark), 'white'))).toContain('dark!');
    expect(failed(judgeQuality(await measureImage(glare), 'white'))).toContain('glare');
  });

  it('rejects bytes that are not an image with an error, not a crash', async () => {
    await expect(measureImage(Buffer.from('not an image'))).rejects.toThrow();
  });
});
