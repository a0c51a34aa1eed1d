// Every refusal the capture gives staff, in one place: stable codes the renderer words, and the
// English fallback saying what to do. Pure constructors; runs in main.
import { AppError } from '../app-error';

export const maxDocuments = 10;

export const refuse = {
  none: () => new AppError('capture.none', 'No check is open. Start a new check.'),
  busy: () => new AppError('capture.busy', 'The check is being saved. Wait a moment.'),
  busyFinish: () => new AppError('capture.busy', 'The check is being saved. Wait a moment, then press Finish.'),
  alreadyOpen: () => new AppError('capture.already-open', 'A check is already open on this station. Finish or cancel it before starting another.'),
  queuedUnavailable: () => new AppError('capture.queued-unavailable', 'Capturing into a queued application is not available on this station yet. Start a new check instead.'),
  queuedNotFound: () => new AppError('capture.queued-not-found', 'That queued application was not found. Refresh the list and pick it again.'),
  noImage: () => new AppError('capture.no-image', 'That image is no longer part of this check. Go back to the capture screen and try again.'),
  noDocument: () => new AppError('capture.no-document', 'That document is no longer part of this check. Go back to the capture screen and try again.'),
  tooManyDocuments: () => new AppError('capture.too-many-documents', `A check can hold at most ${maxDocuments} documents.`, { params: { count: maxDocuments } }),
  lastDocument: () => new AppError('capture.last-document', 'This is the only document in the check. Use Cancel to end the check instead.'),
  badCrop: () => new AppError('capture.bad-crop', 'The crop reaches outside the image. Adjust it and save again.'),
  noCorrections: () => new AppError('capture.no-corrections', 'There are no corrections to accept for this document.'),
  noPhoto: () => new AppError('capture.no-photo', 'Scan the document first, so you can compare its photo with the person at the desk.'),
  nothingToOverride: () => new AppError('capture.nothing-to-override', 'There is nothing to vouch for: the documents do not differ in a way staff may accept.'),
  signedOut: () => new AppError('capture.signed-out', 'Nobody is signed in. Sign in, then press Submit again; the check is kept.'),
  notReady: (blockers: readonly string[]) => new AppError('capture.not-ready', `The check cannot be submitted yet. ${blockers.join(' ')}`.trim()),
  identityMismatch: () => new AppError('capture.identity-mismatch', 'The documents do not show one person. Look at what differs on the details screen.'),
  imageUnreadable: () => new AppError('capture.image-unreadable', 'This image could not be shown. Retake it.'),
  imageFailed: (side: string) => new AppError('capture.image-failed', `The ${side} image could not be prepared for saving. Retake it, then press Submit again.`),
} as const;
