// Local image quality checks before submit: blur, glare, too dark, resolution. Runs in main (Node,
// sharp). Each check says why, and whether it blocks Submit or is advice. Thresholds are settings.
import sharp from 'sharp';
import { Settings, type ImageLight, type QualityCheck } from '../../preload/contract';

/** The thresholds staff administrators set (Settings.quality). */
export type QualityThresholds = Settings['quality'];

export const defaultQualityThresholds: QualityThresholds = Settings.parse({}).quality;

/** Long edges of the documents we scan, in inches: a passport page (TD3, 125 mm) and a card (ID-1, 85.6 mm). */
export const DOCUMENT_LONG_EDGE_INCHES = { passport: 125 / 25.4, card: 85.6 / 25.4 } as const;

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

/**
 * Pure: the verdicts for one image's measures. Resolution uses the dpi the reader reported, or else
 * estimates it from the pixels across the document's long edge. IR and UV images are dark by nature:
 * only their resolution is judged.
 */
export function judgeQuality(
  m: ImageMeasures,
  light: ImageLight,
  t: QualityThresholds = defaultQualityThresholds,
  document: { dpi?: number; longEdgeInches: number } = { longEdgeInches: DOCUMENT_LONG_EDGE_INCHES.card },
): QualityCheck[] {
  const dpi = document.dpi ?? Math.round(Math.max(m.width, m.height) / document.longEdgeInches);
  const checks: QualityCheck[] = [
    dpi < t.minDpi
      ? { id: 'resolution', passed: false, blocking: t.blocking.resolution, message: `The image is too coarse to check (about ${dpi} dpi; at least ${t.minDpi} is needed). Scan it again at a higher resolution.` }
      : { id: 'resolution', passed: true, blocking: false, message: 'Resolution is good.' },
  ];
  if (light !== 'white') return checks;
  checks.push(
    m.sharpness < t.blurMin
      ? { id: 'blur', passed: false, blocking: t.blocking.blur, message: 'The image is blurred. Hold the document flat and still, then retake it.' }
      : { id: 'blur', passed: true, blocking: false, message: 'The image is sharp.' },
    m.glareShare * 100 > t.glareMaxPercent
      ? { id: 'glare', passed: false, blocking: t.blocking.glare, message: 'A bright reflection may hide part of the document. Tilt it away from the light and retake if details are hidden.' }
      : { id: 'glare', passed: true, blocking: false, message: 'No glare found.' },
    m.brightness < t.darkMin
      ? { id: 'dark', passed: false, blocking: t.blocking.dark, message: 'The image is too dark. Close the reader lid or add light, then retake it.' }
      : { id: 'dark', passed: true, blocking: false, message: 'Brightness is good.' },
  );
  return checks;
}
