// An image drawn with its rotation and crop applied, inside a box reserved from the image's known
// size so nothing moves when the pixels arrive (renderer). Used for thumbnails and the photo check.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageAdjustment } from '../../../preload/contract';
import type { MediaEntry } from '../stores/media-store';
import { cropToSource, rotatedSize, type Size } from './viewer-geometry';

/** The width:height of what is shown once rotation and crop are applied. */
export function adjustedAspect(size: Size, adjustment: ImageAdjustment): Size {
  const { sw, sh } = cropToSource(adjustment.crop, adjustment.rotation, size);
  return rotatedSize({ width: Math.max(1, sw), height: Math.max(1, sh) }, adjustment.rotation);
}

/** Draws `bitmap` rotated and cropped into `canvas`, no larger than `maxEdge` pixels. */
export function drawAdjusted(canvas: HTMLCanvasElement, bitmap: ImageBitmap, adjustment: ImageAdjustment, maxEdge: number): void {
  const { sx, sy, sw, sh } = cropToSource(adjustment.crop, adjustment.rotation, { width: bitmap.width, height: bitmap.height });
  const out = rotatedSize({ width: sw, height: sh }, adjustment.rotation);
  const k = Math.min(1, maxEdge / Math.max(out.width, out.height));
  canvas.width = Math.max(1, Math.round(out.width * k));
  canvas.height = Math.max(1, Math.round(out.height * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((adjustment.rotation * Math.PI) / 180);
  ctx.scale(k, k);
  ctx.drawImage(bitmap, sx, sy, sw, sh, -sw / 2, -sh / 2, sw, sh);
}

type Props = {
  entry: MediaEntry | undefined;
  /** The image's size as captured (from the draft), known before its pixels arrive. */
  size: Size;
  adjustment: ImageAdjustment;
  label: string;
  maxEdge?: number;
  /** A fixed box shape (e.g. 3:2 for thumbnails in a row) instead of the image's own: the
   * picture is fitted inside, so rotating it does not resize the box. */
  box?: Size;
  onRetry?: () => void;
  testId?: string;
};

export function AdjustedImage({ entry, size, adjustment, label, maxEdge = 480, box, onRetry, testId }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const bitmap = entry?.state === 'ready' ? entry.bitmap : null;
  const aspect = box ?? adjustedAspect(size, adjustment);
  const { rotation, crop } = adjustment;

  useEffect(() => {
    if (bitmap && canvas.current) drawAdjusted(canvas.current, bitmap, { rotation, crop }, maxEdge);
  }, [bitmap, rotation, crop, maxEdge]);

  return (
    <div className="image-box" style={{ aspectRatio: `${aspect.width} / ${aspect.height}` }} data-testid={testId} data-state={entry?.state ?? 'loading'}>
      {bitmap ? (
        <canvas ref={canvas} className="image-box-canvas" role="img" aria-label={label} />
      ) : entry?.state === 'error' ? (
        <div className="image-box-message" role="alert">
          <span>{t('capture.image.failed')}</span>
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('capture.image.retry')}
            </button>
          )}
        </div>
      ) : (
        <div className="image-box-message" aria-busy="true">
          <span className="visually-hidden">{t('capture.image.loading', { label })}</span>
        </div>
      )}
    </div>
  );
}
