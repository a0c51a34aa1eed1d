// The build sequence of SUBMISSION-PROTOCOL §7.1: container → documents (each followed by its
// images) → applicant photo (when there is one) → publish. Pure. Runs in main.
import type { AppShape, MutatingStep } from './submission-types';

export type Position = { step: MutatingStep; docIndex: number; imgIndex: number };

function afterDocumentImages(shape: AppShape, docIndex: number): Position {
  if (docIndex + 1 < shape.documents.length) return { step: 'CREATE_DOCUMENT', docIndex: docIndex + 1, imgIndex: 0 };
  if (shape.hasApplicantPhoto) return { step: 'UPLOAD_APPLICANT_PHOTO', docIndex: 0, imgIndex: 0 };
  return { step: 'PUBLISH', docIndex: 0, imgIndex: 0 };
}

/** Where to go after CREATE_CONTAINER succeeded. */
export function positionAfterContainer(shape: AppShape): Position {
  if (shape.documents.length > 0) return { step: 'CREATE_DOCUMENT', docIndex: 0, imgIndex: 0 };
  return afterDocumentImages(shape, -1);
}

/** Where to go after CREATE_DOCUMENT(i) succeeded. */
export function positionAfterDocument(shape: AppShape, docIndex: number): Position {
  const images = shape.documents[docIndex]?.imageTypes.length ?? 0;
  if (images > 0) return { step: 'UPLOAD_IMAGE', docIndex, imgIndex: 0 };
  return afterDocumentImages(shape, docIndex);
}

/** Where to go after UPLOAD_IMAGE(i, j) succeeded. */
export function positionAfterImage(shape: AppShape, docIndex: number, imgIndex: number): Position {
  const images = shape.documents[docIndex]?.imageTypes.length ?? 0;
  if (imgIndex + 1 < images) return { step: 'UPLOAD_IMAGE', docIndex, imgIndex: imgIndex + 1 };
  return afterDocumentImages(shape, docIndex);
}

/** The number of mutating calls a clean run makes for this shape: 1 + documents + images + photo + publish. */
export function mutatingCallCount(shape: AppShape): number {
  const images = shape.documents.reduce((n, d) => n + d.imageTypes.length, 0);
  return 1 + shape.documents.length + images + (shape.hasApplicantPhoto ? 1 : 0) + 1;
}
