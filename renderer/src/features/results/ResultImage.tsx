// One image of a result, fetched from TrustID only when staff ask (`results.image`), decoded off
// the main thread into a box of fixed shape so the page does not move when it arrives (renderer).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { AdjustedImage } from '../../media/AdjustedImage';
import { resultImageKey, useImage } from '../../media/use-image';

const BOX = { width: 3, height: 2 };
const NO_ADJUSTMENT = { rotation: 0 as const, crop: null };

export function ResultImage({ resultId, imageId, label, available }: { resultId: string; imageId: string; label: string; available: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <figure className="result-image" data-testid={`result-image-${imageId}`}>
      {shown ? (
        <LoadedImage resultId={resultId} imageId={imageId} label={label} />
      ) : (
        <div className="image-box result-image-placeholder" style={{ aspectRatio: `${BOX.width} / ${BOX.height}` }}>
          <button type="button" className="button" disabled={!available} onClick={() => setShown(true)} data-testid={`show-image-${imageId}`}>
            {t('results.detail.showImage', { label })}
          </button>
        </div>
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

function LoadedImage({ resultId, imageId, label }: { resultId: string; imageId: string; label: string }) {
  const { entry, retry } = useImage(resultImageKey(resultId, imageId), () => getBridge().invoke('results.image', { id: resultId, imageId }));
  return (
    <>
      <AdjustedImage entry={entry} size={BOX} adjustment={NO_ADJUSTMENT} label={label} maxEdge={900} onRetry={retry} />
      {entry?.state === 'error' && <p className="error-text">{entry.message}</p>}
    </>
  );
}
