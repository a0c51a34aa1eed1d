// Local image quality checks before submit: blur, glare, too dark, resolution. Runs in main (Node,
// sharp). Each check says why, and whether it blocks Submit or is advice. Thresholds are settings.
import sharp from 'sharp';
import type { ImageLight, QualityCheck } from '../../preload/contract';

export type QualityThresholds = {
  /** Long edge in pixels below which an image is refused (ID-1 card at ~270 dpi ≈ 900 px). */
  minLongEdgePx: number;
  /** Long edge below which staff are advised to rescan. */
  recommendedLongEdgePx: number;
  /** Variance of the Laplacian below which text edges are too soft to read. */
  minSharpness: number;
  /** Share of near-white pixels above which a reflection likely hides detail. */
  maxGlareShare: number;
  /** Mean brightness (0–255) below which a white-light image is too dark. */
  minBrightness: number;
};

export const defaultQualityThresholds: QualityThresholds = {
  minLongEdgePx: 900,
  recommendedLongEdgePx: 1200,
  minSharpness: 60,
  maxGlareShare: 0.06,
  minBrightness: 60,
};

export type ImageMeasures = { width: number; height: number; sharpness: number; glareShare: number; brightness: number };

/** Measures an image once, on a bounded working copy so a 20-megapixel scan costs the same. */
export async function measureImage(bytes: Uint8Array): Promise<ImageMeasures> {
  const meta = await sharp(bytes).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  const grey = sharp(bytes).autoOrient().resize({ width: 1000, height: 1000, fit: 'inside', withoutEnlargement: true }).greyscale();

  const { data } = await grey.clone().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let glare = 0;
  for (const v of data) {
    sum += v;
    if (v >= 250) glare++;
  }
  // Laplacian with an offset of 128 so negative responses survive 8-bit output; the variance is
  // what matters (sharp edges → large swings either side of 128).
  const laplacian = await grey
    .clone()
    .convolve({ width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], offset: 128 })
    .raw()
    .toBuffer();
  let lapSum = 0;
  let lapSq = 0;
  for (const v of laplacian) {
    lapSum += v;
    lapSq += v * v;
  }
  const n = laplacian.length || 1;
  const mean = lapSum / n;
  return {
    width,
    height,
    sharpness: lapSq / n - mean * mean,
    glareShare: data.length ? glare / data.length : 0,
    brightness: data.length ? sum / data.length : 0,
  };
}

/** Pure: the verdicts for one image's measures. IR and UV images are dark by nature. */
export function judgeQuality(m: ImageMeasures, light: ImageLight, t: QualityThresholds = defaultQualityThresholds): QualityCheck[] {
  const longEdge = Math.max(m.width, m.height);
  const checks: QualityCheck[] = [];
  if (longEdge < t.minLongEdgePx) {
    checks.push({ id: 'resolution', passed: false, blocking: true, message: `The image is too small to read (${m.width}×${m.height} pixels). Scan it again at a higher resolution.` });
  } else if (longEdge < t.recommendedLongEdgePx) {
    checks.push({ id: 'resolution', passed: false, blocking: false, message: `The image is small (${m.width}×${m.height} pixels); details may be hard to check. A higher resolution is better.` });
  } else {
    checks.push({ id: 'resolution', passed: true, blocking: false, message: 'Resolution is good.' });
  }
  if (light === 'white') {
    checks.push(
      m.sharpness < t.minSharpness
        ? { id: 'blur', passed: false, blocking: true, message: 'The image is blurred. Hold the document flat and still, then retake it.' }
        : { id: 'blur', passed: true, blocking: false, message: 'The image is sharp.' },
    );
    checks.push(
      m.glareShare > t.maxGlareShare
        ? { id: 'glare', passed: false, blocking: false, message: 'A bright reflection may hide part of the document. Tilt it away from the light and retake if details are hidden.' }
        : { id: 'glare', passed: true, blocking: false, message: 'No glare found.' },
    );
    checks.push(
      m.brightness < t.minBrightness
        ? { id: 'dark', passed: false, blocking: true, message: 'The image is too dark. Close the reader lid or add light, then retake it.' }
        : { id: 'dark', passed: true, blocking: false, message: 'Brightness is good.' },
    );
  }
  return checks;
}
