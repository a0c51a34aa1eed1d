// The store's typed errors: stable codes and plain staff-facing messages (STYLE: Errors).
// Runs in main (plain Node).
import { AppError } from '../app-error';

export function noKeyError(reason: string): AppError {
  return new AppError(
    'store.no-key',
    `Scan Station cannot save this capture: it has no key to protect personal data on this computer. ${reason}`,
  );
}

export function diskFullError(freeMb: number | null, floorMb: number): AppError {
  const free = freeMb === null ? '' : ` Only ${freeMb} MB is free;`;
  return new AppError(
    'store.disk-full',
    `The capture was not saved because this computer's disk is nearly full.${free} Scan Station needs at least ${floorMb} MB free. Ask an administrator to free some space, then scan the document again. Applications already saved keep sending.`,
    { params: { context: 'capture', floorMb } },
  );
}

export function invalidCaptureError(why: string): AppError {
  return new AppError('store.invalid-capture', `The capture could not be saved: ${why}. Scan the document again.`);
}

export function notFoundError(what: string): AppError {
  return new AppError('store.not-found', `${what} was not found. It may have been discarded or removed after its retention period.`);
}

export function editRefusedError(why: 'sent' | 'cancelled' | 'purged'): AppError {
  const text = {
    sent: 'This application has already gone to TrustID, so it can no longer be changed here. Open it in the TrustID portal if something needs correcting.',
    cancelled: 'This application was discarded, so it can no longer be changed. Start a new capture instead.',
    purged: 'The images and details of this application have already been removed from this computer, so it can no longer be changed.',
  }[why];
  return new AppError('store.edit-refused', text);
}

export function editInFlightError(): AppError {
  return new AppError('store.edit-in-flight', 'This application is being sent to TrustID right now. Wait a few seconds and try again.');
}

export function lastDocumentError(): AppError {
  return new AppError('store.last-document', 'This is the only document in the application. Discard the application instead of removing its last document.');
}

/** Optimistic-concurrency failure: somebody changed the row since it was read. The caller reloads. */
export class StoreConflictError extends AppError {
  constructor(appId: string) {
    super('store.conflict', `Application ${appId} changed while it was being updated. Try again.`);
  }
}

/** A stored image is missing or fails its seal or its SHA-256: the application needs a retake. */
export class ImageIntegrityError extends AppError {
  constructor(
    readonly kind: 'missing' | 'corrupt',
    readonly appId: string,
    readonly imageId: string,
  ) {
    super(
      kind === 'missing' ? 'store.image-missing' : 'store.image-corrupt',
      kind === 'missing'
        ? 'A stored image of this application is missing from the disk. Scan the document again (Retake).'
        : 'A stored image of this application is damaged. Scan the document again (Retake).',
    );
  }
}

export function writeFailedError(cause: unknown): AppError {
  return new AppError('store.write-failed', 'The capture could not be written to the disk, so it was not saved. Try again; if it keeps failing, ask an administrator to check the disk.', { cause });
}

export function newerDatabaseError(versions: number[]): AppError {
  return new AppError(
    'store.newer-database',
    `The local database was written by a newer version of Scan Station (schema ${versions.join(', ')}). Install that version again; this one will not change the database.`,
  );
}

/** True for the errno codes that mean "no room left" (ENOSPC, EDQUOT) and SQLite's equivalent. */
export function isNoSpace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
