// One captured image (thumbnail or full) fetched with `capture.image`, drawn with its saved or
// pending rotation and crop, in a box reserved before it arrives (renderer).
import type { CapturedImage } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { AdjustedImage } from '../../media/AdjustedImage';
import { captureImageKey, useImage } from '../../media/use-image';
import { useCaptureStore } from '../../stores/capture-store';

/** Thumbnails in a row share one shape (ID-1 cards and passport pages are both about 3:2). */
export const THUMB_BOX = { width: 3, height: 2 };

type Props = { image: CapturedImage; label: string; variant?: 'thumbnail' | 'full'; maxEdge?: number; box?: { width: number; height: number }; testId?: string };

export function CaptureImage({ image, label, variant = 'thumbnail', maxEdge = 320, box, testId }: Props) {
  const { entry, retry } = useImage(captureImageKey(image.id, variant), () => getBridge().invoke('capture.image', { imageId: image.id, variant }));
  const pending = useCaptureStore((s) => s.pending[image.id]);
  const adjustment = pending ?? { rotation: image.rotation, crop: image.crop };
  return <AdjustedImage entry={entry} size={{ width: image.width, height: image.height }} adjustment={adjustment} label={label} maxEdge={maxEdge} box={box} onRetry={retry} testId={testId} />;
}
