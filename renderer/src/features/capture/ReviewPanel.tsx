// Reviewing one document's images (renderer): a tab per side × light with its thumbnail, the
// viewer (zoom, pan, rotate 90°, crop), the quality checks, retake of just this image, and saving
// rotation and crop with `capture.adjustImage`. The selected tab and unsaved changes live in the
// capture store so the idle lock (which unmounts the screen) keeps them.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapturedImage, Crop } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { ImageViewer } from '../../media/ImageViewer';
import { captureImageKey, useImage } from '../../media/use-image';
import { isWholeImage, rotateBy90, rotateCropClockwise } from '../../media/viewer-geometry';
import { retakeImage, saveAdjustment, saveAllAdjustments, selectReviewImage, setPendingAdjustment, setStage, useCaptureStore } from '../../stores/capture-store';
import { CaptureImage, THUMB_BOX } from './CaptureImage';
import { blockingImages, capturedImages } from './capture-steps';
import { IdentityMessages } from './IdentityCheck';
import { QualityList } from './QualityList';
import { useActiveDocument } from './use-active-document';
import { useStageHeading } from './use-stage-heading';

export function ReviewPanel() {
  const { t } = useTranslation();
  const heading = useStageHeading();
  const { index, doc, count, identity } = useActiveDocument();
  const selectedId = useCaptureStore((s) => s.reviewImageId);
  const unsaved = useCaptureStore((s) => Object.keys(s.pending).length);
  const saving = useCaptureStore((s) => s.busy === 'adjust');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!doc) return null;
  const images = capturedImages(doc);
  const selected = images.find((i) => i.id === selectedId) ?? images[0] ?? null;
  const blocking = blockingImages(doc);
  const missing = doc.steps.length - images.length;
  const labelOf = (image: Pick<CapturedImage, 'side' | 'light'>) => t('capture.imageLabel', { side: t(`capture.sides.${image.side}`), light: t(`capture.lights.${image.light}`) });

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const enabled = tabs.current.filter((b): b is HTMLButtonElement => !!b && !b.disabled);
    const at = enabled.findIndex((b) => b === document.activeElement);
    const target = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: enabled.length - 1 }[event.key];
    if (target === undefined || enabled.length === 0) return;
    event.preventDefault();
    const next = enabled[(target + enabled.length) % enabled.length]!;
    next.focus();
    next.click();
  }

  async function toDetails() {
    if (await saveAllAdjustments()) setStage('details');
  }

  return (
    <section className="capture-stage" aria-labelledby="review-title" data-testid="review-stage">
      <h1 id="review-title" ref={heading} tabIndex={-1}>
        {t('capture.review.title', { document: t(`capture.types.${doc.type}`) })}
      </h1>
      {count > 1 && <p className="capture-subtitle">{t('capture.documentOf', { n: index + 1, count })}</p>}
      {identity && <IdentityMessages identity={identity} only={index} />}
      <div className="review-layout">
      <div className="review-side">
      <div className="review-tabs" role="tablist" aria-label={t('capture.review.tabsLabel')} onKeyDown={onTabKey}>
        {doc.steps.map((step, i) => {
          const image = step.image;
          const isSelected = !!image && image.id === selected?.id;
          const failing = image?.quality.some((q) => !q.passed && q.blocking);
          return (
            <button
              key={`${step.side}-${step.light}`}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`review-tab-${step.side}-${step.light}`}
              aria-selected={isSelected}
              aria-controls="review-panel"
              tabIndex={isSelected ? 0 : -1}
              disabled={!image}
              className="review-tab"
              data-testid={`review-tab-${step.side}-${step.light}`}
              onClick={() => image && selectReviewImage(image.id)}
            >
              <span className="review-tab-thumb">{image ? <CaptureImage image={image} label={labelOf(step)} maxEdge={160} box={THUMB_BOX} /> : <span className="image-box step-empty" />}</span>
              <span>{labelOf(step)}</span>
              {!image && <span className="review-tab-note">{t('capture.review.notCaptured')}</span>}
              {failing && <span className="review-tab-note error-text">{t('capture.review.mustRetake')}</span>}
            </button>
          );
        })}
      </div>
      {selected && (
        <div className="review-quality" data-testid="review-quality">
          <h2 className="review-quality-title">{t('capture.quality.title')}</h2>
          <QualityList checks={selected.quality} />
        </div>
      )}
      {blocking.length > 0 && (
        <div className="capture-problem" role="alert" data-testid="review-blocking">
          <p>{t('capture.review.blockingSummary', { count: blocking.length })}</p>
          <ul>
            {blocking.map((image) => (
              <li key={image.id}>
                {labelOf(image)}: {image.quality.filter((q) => !q.passed && q.blocking).map((q) => q.message).join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      </div>
      <div id="review-panel" role="tabpanel" aria-labelledby={selected ? `review-tab-${selected.side}-${selected.light}` : undefined} className="review-panel">
        {selected ? <ImageReview key={selected.id} image={selected} label={labelOf(selected)} /> : <p>{t('capture.review.noImages')}</p>}
      </div>
      </div>
      <div className="button-row capture-actions">
        <button type="button" className="button" onClick={() => setStage('scan')} data-testid="back-to-scan">
          {missing > 0 ? t('capture.review.scanMissing', { count: missing }) : t('capture.review.backToScan')}
        </button>
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void toDetails()} data-testid="to-details">
          {unsaved > 0 ? t('capture.review.saveAndContinue') : t('capture.review.continue')}
        </button>
      </div>
    </section>
  );
}

function ImageReview({ image, label }: { image: CapturedImage; label: string }) {
  const { t } = useTranslation();
  const pending = useCaptureStore((s) => s.pending[image.id]);
  const busy = useCaptureStore((s) => s.busy);
  const error = useCaptureStore((s) => (s.error?.task === 'adjust' || s.error?.task === 'retake' ? s.error.message : null));
  const [cropping, setCropping] = useState(false);
  const { entry, retry } = useImage(captureImageKey(image.id, 'full'), () => getBridge().invoke('capture.image', { imageId: image.id, variant: 'full' }));
  const adjustment = pending ?? { rotation: image.rotation, crop: image.crop };
  const bitmap = entry?.state === 'ready' ? entry.bitmap : null;
  const size = bitmap ? { width: bitmap.width, height: bitmap.height } : { width: image.width, height: image.height };

  const change = (next: typeof adjustment) => {
    const same = next.rotation === image.rotation && JSON.stringify(next.crop) === JSON.stringify(image.crop);
    setPendingAdjustment(image.id, same ? null : next);
  };
  const rotate = () => change({ rotation: rotateBy90(adjustment.rotation), crop: adjustment.crop ? rotateCropClockwise(adjustment.crop) : null });
  const onCrop = (crop: Crop) => change({ rotation: adjustment.rotation, crop: isWholeImage(crop) ? null : crop });

  return (
    <div className="image-review" data-testid="image-review" data-image-id={image.id}>
      <div className="button-row review-tools" role="toolbar" aria-label={t('capture.review.toolsLabel')}>
        <button type="button" className="button" onClick={rotate} data-testid="rotate">
          {t('capture.review.rotate')}
        </button>
        <button type="button" className="button" aria-pressed={cropping} onClick={() => setCropping((c) => !c)} data-testid="crop-toggle">
          {cropping ? t('capture.review.cropDone') : t('capture.review.crop')}
        </button>
        {/* Shown only when they can act, so the row fits beside the viewer at 1024×768. */}
        {adjustment.crop && (
          <button type="button" className="button" onClick={() => change({ rotation: adjustment.rotation, crop: null })}>
            {t('capture.review.cropReset')}
          </button>
        )}
        {pending && (
          <>
            <button type="button" className="button button-primary" disabled={busy === 'adjust'} onClick={() => void saveAdjustment(image.id)} data-testid="save-adjustment">
              {busy === 'adjust' ? t('capture.working') : t('capture.review.save')}
            </button>
            <button type="button" className="button" onClick={() => setPendingAdjustment(image.id, null)}>
              {t('capture.review.undo')}
            </button>
          </>
        )}
        <button type="button" className="button" disabled={busy === 'retake'} onClick={() => void retakeImage(image.id)} data-testid="retake">
          {t('capture.review.retake')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="capture-status" data-testid="adjust-status">
        {pending ? t('capture.review.unsaved') : busy === 'adjust' ? t('capture.review.saving') : ''}
      </p>
      {entry?.state === 'error' ? (
        <div className="capture-problem" role="alert">
          <p>{t('capture.image.failed')}</p>
          <button type="button" className="button" onClick={retry}>
            {t('capture.image.retry')}
          </button>
        </div>
      ) : (
        <ImageViewer bitmap={bitmap} size={size} rotation={adjustment.rotation} crop={adjustment.crop} cropping={cropping} onCropChange={onCrop} label={t('capture.viewer.label', { image: label })} />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
