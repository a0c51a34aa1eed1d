// Pure helpers over the draft's documents and steps (renderer): what to scan next, how far along,
// which guidance to show, which image shows the holder's photo.
import type { CaptureDocument, CaptureDraft, CapturedImage, DocumentType, ImageLight, ImageSide } from '../../../../preload/contract';

export const documentTypes: DocumentType[] = ['passport', 'id-card', 'driving-licence', 'residence-permit', 'other'];

export type Step = CaptureDocument['steps'][number];

export function currentStep(doc: CaptureDocument): Step | null {
  return doc.steps.find((s) => s.image === null) ?? null;
}

export function stepsDone(doc: CaptureDocument): number {
  return doc.steps.filter((s) => s.image !== null).length;
}

/** The lights a side still needs, in the order the steps list them. */
export function lightsFor(doc: CaptureDocument, side: ImageSide): ImageLight[] {
  return doc.steps.filter((s) => s.side === side).map((s) => s.light);
}

/**
 * Guidance is per document type and side: a passport is opened at the photo page, a card is
 * placed photo side first and then turned over. The key under `capture.guidance`.
 */
export function guidanceKey(type: DocumentType, side: ImageSide): string {
  const family = type === 'passport' ? 'passport' : type === 'other' ? 'other' : 'card';
  return `${family}.${side}`;
}

export function capturedImages(doc: CaptureDocument): CapturedImage[] {
  return doc.steps.flatMap((s) => (s.image ? [s.image] : []));
}

/** Images whose blocking quality check failed: they must be retaken before Submit. */
export function blockingImages(doc: CaptureDocument): CapturedImage[] {
  return capturedImages(doc).filter((image) => image.quality.some((q) => !q.passed && q.blocking));
}

/** The image staff compare with the person at the desk: the first document's front in white light. */
export function holderPhoto(draft: CaptureDraft): CapturedImage | null {
  for (const doc of draft.documents) {
    const front = doc.steps.find((s) => s.side === 'front' && s.light === 'white' && s.image)?.image;
    if (front) return front;
  }
  return null;
}
