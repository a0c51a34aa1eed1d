// Saving a capture and the edits the protocol allows. "Saved" means durable (SUBMISSION-PROTOCOL W0):
// every sealed image file is written and fsynced first, then the application, its documents and
// images and its initial submission state (CREATE_CONTAINER / PENDING) commit in one transaction,
// and only then does saveCapture return. Runs in main (plain Node).
import { sealApplicationFields, validateApplicationFields, type ApplicationFieldValue } from './application-fields';
import type { AuditLog } from './audit-log';
import { sealDocumentFields, validateDocumentFields, type DocumentFieldValue } from './document-fields';
import { assertEditable, restartAfterEdit } from './edit-guard';
import type { DiscardReason } from '../../preload/contract';
import { imageAad, type ImageMime, type StoredImageLight, type StoredImageSide } from './images-repo';
import { sealParts } from './seal';
import { sealField, surnameHmac } from './sealed-fields';
import { noStageTimer, timed, type StageTimer } from './save-stages';
import { removeSealedFiles, sealedFileName, sha256Hex, startSealedFiles, type SealedFileBatch } from './sealed-files';
import type { StoreContext } from './store-context';
import { diskFullError, invalidCaptureError, isNoSpace, lastDocumentError, notFoundError, StoreConflictError, writeFailedError } from './store-errors';
import type { StoreSettings } from './store-settings';

/** What was read from a document: all of it personal, all of it sealed at rest. */
export type PersonalFields = {
  surname?: string;
  givenNames?: string;
  documentNumber?: string;
  dateOfBirth?: string;
  expiryDate?: string;
  nationality?: string;
  issuingState?: string;
  sex?: string;
  documentCode?: string;
  /** The printed MRZ, lines joined with '\n'. */
  mrz?: string;
  /** The chip-read MRZ, when there is one. */
  rfidMrz?: string;
};

/**
 * An image sealed before Submit, while staff were still reviewing (sealAhead): Submit then only
 * writes it. Used only for the very bytes it sealed, for its app, under the key still in use.
 */
export type SealedAhead = {
  appId: string;
  imageId: string;
  /** The plaintext it sealed: the capture's own buffer, compared by identity at save. */
  source: Uint8Array;
  header: Buffer;
  body: Buffer;
  sha256: string;
  keyFingerprint: string;
};

export type CaptureImage = {
  bytes: Uint8Array;
  mime: ImageMime;
  /** The same bytes sealed ahead (sealAhead); sealed now when absent or not usable. */
  sealed?: SealedAhead;
  /** The applicant photo is saved apart (CaptureInput.applicantPhoto), never as a document side. */
  side: Exclude<StoredImageSide, 'photo'>;
  light?: StoredImageLight;
  /** The TrustID `__TT_ImageType` it will be uploaded as (RAW-API §9.2). */
  imageType: number;
};

export type CaptureDocument = {
  /** Non-personal layout label such as 'TD1', 'TD3' or 'unknown'. */
  format?: string;
  personal: PersonalFields;
  images: CaptureImage[];
  /** Document-level custom field values (issue 10 §5, RAW-API §7.9), sent with createDocument. Personal: sealed. */
  customFields?: DocumentFieldValue[];
};

export type CaptureInput = {
  /** Generated here (UUID v7) when absent; becomes ClientApplicationReference (§2). */
  appId?: string;
  /** The TrustID account it will sync under: 'kiosk' (shared mode, the default) or a personal one. */
  accountId?: string;
  /** Staff id of who captured it, or null; recorded in the audit log as the actor. */
  capturedBy: string | null;
  documents: CaptureDocument[];
  applicantPhoto?: { bytes: Uint8Array; mime: ImageMime; imageType?: number };
  /** The application's custom field values (issue 6 item 3), sent with createDocumentContainer. Personal: sealed. */
  applicationFields?: ApplicationFieldValue[];
  /**
   * Completes this queued application instead of creating a container (SUBMISSION-PROTOCOL §13.2):
   * the app is committed with origin `queued`, step CHECK_QUEUED and its one container attempt, C.
   * `label` is what staff picked it by (flexible-field values, who prepared it): personal, sealed.
   */
  queuedContainer?: { containerId: string; label: string };
};

export type SavedCapture = { appId: string; capturedAt: number; documents: number; images: number; bytes: number };

export type ImagePosition = { docIndex: number; imgIndex: number } | 'applicant-photo';

export type CaptureRepo = {
  saveCapture(input: CaptureInput): Promise<SavedCapture>;
  /**
   * Seals an image of app `appId` as it arrives, so that saveCapture has only to write it (issue 13).
   * Nothing is written; the result holds ciphertext only and is the caller's to drop.
   */
  sealAhead(appId: string, bytes: Uint8Array): SealedAhead;
  /** Replaces one image (or the applicant photo) with a new scan; the app starts its upload again. */
  retakeImage(input: { appId: string; position: ImagePosition; image: Omit<CaptureImage, 'side'> & { side?: CaptureImage['side'] }; actor: string }): Promise<void>;
  removeDocument(input: { appId: string; docIndex: number; actor: string }): void;
  /** Replaces a document's personal fields, e.g. a corrected MRZ (§7.8); the app starts its upload again. */
  correctDocument(input: { appId: string; docIndex: number; personal: PersonalFields; actor: string }): void;
  /** Staff or an admin throw away an unsent application; its images and personal data go at once. The reason is coded (never free text) so no visitor's name reaches the audit log. */
  discard(input: { appId: string; actor: string; reason: DiscardReason }): void;
};

const MAX_DOCUMENTS = 10;
const MAX_IMAGES_PER_DOCUMENT = 12;
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
const MAX_FIELD_CHARS = 400;
const MB = 1024 * 1024;
const MIMES: readonly string[] = ['image/jpeg', 'image/png'];
const LIGHTS: readonly string[] = ['white', 'infrared', 'ultraviolet'];
const SIDES: readonly string[] = ['front', 'back', 'page'];

type PlannedImage = {
  id: string;
  docId: string | null;
  imgIndex: number;
  imageType: number;
  side: StoredImageSide;
  light: StoredImageLight;
  mime: ImageMime;
  size: number;
  sealedSize: number;
  sha256: string;
  name: string;
};

export type CaptureRepoDeps = {
  audit: AuditLog;
  settings: () => StoreSettings;
  purgeNow: (appId: string, actor: string) => void;
  /** Told how long each stage of saveCapture took (the bench); the app passes none. */
  timer?: StageTimer;
};

export function createCaptureRepo(ctx: StoreContext, deps: CaptureRepoDeps): CaptureRepo {
  const db = ctx.db;
  const timer = deps.timer ?? noStageTimer;
  // Prepared once: saveCapture runs them on every acknowledgement (issue 13).
  const accountKnown = db.prepare('SELECT 1 FROM trustid_accounts WHERE id = ?');
  const insertApplication = db.prepare(
    `INSERT INTO applications (id, account_id, captured_at, captured_by, step, phase, next_attempt_at, updated_at, fields_sealed)
     VALUES (?, ?, ?, ?, 'CREATE_CONTAINER', 'PENDING', ?, ?, ?)`,
  );
  const insertDocument = db.prepare(
    'INSERT INTO documents (id, app_id, doc_index, format, personal_sealed, surname_hmac, created_at, fields_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertImage = db.prepare(
    `INSERT INTO images (id, app_id, document_id, img_index, image_type, side, light, mime, size, sealed_size, sha256, file_name, created_at)
     VALUES (@id, @app_id, @document_id, @img_index, @image_type, @side, @light, @mime, @size, @sealed_size, @sha256, @file_name, @created_at)`,
  );

  /**
   * Seals one image and starts writing its file at once, then hashes it while the disk works: the
   * next image is sealed while this one is written (issue 13). The file is durable only once
   * writeImages has returned.
   */
  function planImage(
    files: SealedFileBatch,
    appId: string,
    docId: string | null,
    imgIndex: number,
    image: { bytes: Uint8Array; mime: ImageMime; imageType: number; side: PlannedImage['side']; light?: StoredImageLight; sealed?: SealedAhead | undefined },
  ): PlannedImage {
    const ahead = usableAhead(image.sealed, appId, image.bytes);
    const id = ahead?.imageId ?? ctx.newId();
    const name = sealedFileName(id);
    const { header, body } = ahead ?? timed(timer, 'seal', () => sealParts(ctx.keys.images(), image.bytes, imageAad(appId, id)));
    files.add(name, [header, body]);
    return {
      id,
      docId,
      imgIndex,
      imageType: image.imageType,
      side: image.side,
      light: image.light ?? 'white',
      mime: image.mime,
      size: image.bytes.byteLength,
      sealedSize: header.byteLength + body.byteLength,
      sha256: ahead?.sha256 ?? timed(timer, 'hash', () => sha256Hex(image.bytes)),
      name,
    };
  }

  function sealAhead(appId: string, bytes: Uint8Array): SealedAhead {
    const imageId = ctx.newId();
    const { header, body } = sealParts(ctx.keys.images(), bytes, imageAad(appId, imageId));
    return { appId, imageId, source: bytes, header, body, sha256: sha256Hex(bytes), keyFingerprint: ctx.keys.fingerprint() };
  }

  // A seal made ahead is written once at most: its image id must never name two files.
  const usedAhead = new WeakSet<SealedAhead>();

  /** A seal made ahead counts only for these very bytes, this app and the key in use now, once. */
  function usableAhead(sealed: SealedAhead | undefined, appId: string, bytes: Uint8Array): SealedAhead | null {
    if (!sealed || usedAhead.has(sealed) || sealed.appId !== appId || sealed.source !== bytes) return null;
    if (sealed.keyFingerprint !== ctx.keys.fingerprint()) return null;
    usedAhead.add(sealed);
    return sealed;
  }

  function insertPlanned(appId: string, p: PlannedImage, now: number): void {
    insertImage.run({
      id: p.id,
      app_id: appId,
      document_id: p.docId,
      img_index: p.imgIndex,
      image_type: p.imageType,
      side: p.side,
      light: p.light,
      mime: p.mime,
      size: p.size,
      sealed_size: p.sealedSize,
      sha256: p.sha256,
      file_name: p.name,
      created_at: now,
    });
  }

  /** Refuses before anything is written when the disk is below the floor (issue 5). */
  function checkFreeSpace(incomingBytes: number): void {
    const floorMb = deps.settings().capture.minFreeMb;
    let free: number;
    try {
      free = ctx.freeBytes(ctx.dataDir);
    } catch (error) {
      // A file system without statfs must not stop the front desk; ENOSPC is still caught below.
      ctx.log.warn({ err: (error as Error).message }, 'free-space check unavailable');
      return;
    }
    if (free - incomingBytes < floorMb * MB) throw diskFullError(Math.floor(free / MB), floorMb);
  }

  /**
   * Seals and writes the images that `plan` adds, then waits until every file and the folder are
   * fsynced. On any failure, in planning or on disk, nothing of this call is left on disk.
   */
  async function writeImages<T>(plan: (files: SealedFileBatch) => T): Promise<T> {
    let files: SealedFileBatch;
    let planned: T;
    try {
      files = startSealedFiles(ctx.imagesDir, ctx.writeFile, timer);
    } catch (error) {
      throw fileError(error);
    }
    try {
      planned = plan(files);
    } catch (error) {
      await files.abandon();
      throw error;
    }
    try {
      await files.done();
    } catch (error) {
      throw fileError(error);
    }
    return planned;
  }

  function fileError(error: unknown): Error {
    return isNoSpace(error) ? diskFullError(null, deps.settings().capture.minFreeMb) : writeFailedError(error);
  }

  /** Runs the commit; if it fails, the files written for it are removed before the error goes up. */
  function commitOrRemove<T>(planned: readonly PlannedImage[], commit: () => T): T {
    try {
      return ctx.tx(commit);
    } catch (error) {
      removeSealedFiles(ctx.imagesDir, planned.map((p) => p.name));
      if (isNoSpace(error)) throw diskFullError(null, deps.settings().capture.minFreeMb);
      throw error;
    }
  }

  return {
    sealAhead,

    async saveCapture(input) {
      const checksStarted = performance.now();
      validateCapture(input);
      // No key, no personal data: refuse before anything is written (issue 5 "Key custody").
      ctx.keys.rows();
      const incoming = input.documents.reduce((n, d) => n + d.images.reduce((m, i) => m + i.bytes.byteLength, 0), 0) + (input.applicantPhoto?.bytes.byteLength ?? 0);
      checkFreeSpace(incoming);
      const accountId = input.accountId ?? 'kiosk';
      if (!accountKnown.get(accountId)) throw invalidCaptureError('its TrustID account is not known on this kiosk');
      timer('checks', performance.now() - checksStarted);

      const appId = input.appId ?? ctx.newId();
      const capturedAt = ctx.now();
      // Images first, so their files are on their way to disk while the row values are sealed.
      const { docs, photo, fieldsSealed } = await writeImages((files) => {
        const withImages = input.documents.map((d, docIndex) => {
          const docId = ctx.newId();
          return { d, docId, docIndex, images: d.images.map((img, imgIndex) => planImage(files, appId, docId, imgIndex, img)) };
        });
        const applicantPhoto = input.applicantPhoto ? planImage(files, appId, null, -1, { ...input.applicantPhoto, imageType: input.applicantPhoto.imageType ?? 1, side: 'photo' }) : null;
        return timed(timer, 'fields', () => ({
          docs: withImages.map(({ d, docId, docIndex, images }) => ({
            docId,
            docIndex,
            format: d.format ?? 'unknown',
            personal: sealField(ctx.keys, 'documents', 'personal', docId, JSON.stringify(d.personal)),
            surnameHmac: d.personal.surname ? surnameHmac(ctx.keys, d.personal.surname) : null,
            fieldsSealed: sealDocumentFields(ctx.keys, docId, d.customFields),
            images,
          })),
          photo: applicantPhoto,
          fieldsSealed: sealApplicationFields(ctx.keys, appId, input.applicationFields),
        }));
      });
      const planned = [...docs.flatMap((d) => d.images), ...(photo ? [photo] : [])];
      let rowsDone = 0;
      const txStarted = performance.now();
      commitOrRemove(planned, () => {
        const rowsStarted = performance.now();
        const now = ctx.now();
        insertApplication.run(appId, accountId, capturedAt, input.capturedBy, capturedAt, now, fieldsSealed);
        if (input.queuedContainer) adoptQueuedContainer(ctx, appId, input.queuedContainer, capturedAt);
        for (const d of docs) {
          insertDocument.run(d.docId, appId, d.docIndex, d.format, d.personal, d.surnameHmac, now, d.fieldsSealed);
        }
        for (const p of planned) insertPlanned(appId, p, now);
        deps.audit.append({
          action: 'capture.saved',
          actor: input.capturedBy ?? 'system',
          appId,
          detail: { documents: docs.length, images: planned.length, applicantPhoto: photo !== null, applicationFields: input.applicationFields?.length ?? 0 },
        });
        rowsDone = performance.now();
        timer('rows', rowsDone - rowsStarted);
      });
      timer('commit', performance.now() - (rowsDone || txStarted));
      return { appId, capturedAt, documents: docs.length, images: planned.length, bytes: incoming };
    },

    async retakeImage({ appId, position, image, actor }) {
      validateImage(image.bytes, image.mime, image.imageType, image.side ?? 'front', image.light);
      const target = () => findImage(appId, position);
      const before = ctx.tx(() => {
        assertEditable(ctx, appId);
        return target();
      });
      checkFreeSpace(image.bytes.byteLength);
      const planned = await writeImages((files) =>
        planImage(files, appId, before.document_id, before.img_index, {
          ...image,
          side: position === 'applicant-photo' ? 'photo' : (image.side ?? before.side),
          light: image.light ?? (before.light as StoredImageLight),
        }),
      );
      // The world may have moved during the write (the worker, another edit): check again inside the commit.
      const old = commitOrRemove([planned], () => {
        const app = assertEditable(ctx, appId);
        const current = target();
        // A document removed or renumbered meanwhile: the position no longer means what staff saw.
        if (current.document_id !== before.document_id) throw new StoreConflictError(appId);
        db.prepare('DELETE FROM images WHERE id = ?').run(current.id);
        insertPlanned(appId, planned, ctx.now());
        restartAfterEdit(ctx, app, 'edited');
        deps.audit.append({
          action: 'capture.retake',
          actor,
          appId,
          containerIds: app.current_container_id ? [app.current_container_id] : [],
          detail: position === 'applicant-photo' ? { applicantPhoto: true } : { docIndex: position.docIndex, imgIndex: position.imgIndex },
        });
        return current.file_name;
      });
      // After the commit: a crash before this line leaves an orphan that the start-up sweep removes.
      removeSealedFiles(ctx.imagesDir, [old]);
    },

    removeDocument({ appId, docIndex, actor }) {
      const files = ctx.tx(() => {
        const app = assertEditable(ctx, appId);
        const docs = db.prepare('SELECT id, doc_index FROM documents WHERE app_id = ? ORDER BY doc_index').all(appId) as Array<{ id: string; doc_index: number }>;
        const doc = docs.find((d) => d.doc_index === docIndex);
        if (!doc) throw notFoundError(`Document ${docIndex} of application ${appId}`);
        if (docs.length === 1) throw lastDocumentError();
        const names = db.prepare('SELECT file_name FROM images WHERE document_id = ?').pluck().all(doc.id) as string[];
        db.prepare('DELETE FROM documents WHERE id = ?').run(doc.id);
        // Keep indices dense (0..n-1): the step sequence walks them in order (§7.1). Ascending
        // order never collides with UNIQUE (app_id, doc_index).
        for (const d of docs) if (d.doc_index > docIndex) db.prepare('UPDATE documents SET doc_index = ? WHERE id = ?').run(d.doc_index - 1, d.id);
        restartAfterEdit(ctx, app, 'edited');
        deps.audit.append({ action: 'capture.document-removed', actor, appId, containerIds: app.current_container_id ? [app.current_container_id] : [], detail: { docIndex } });
        return names;
      });
      removeSealedFiles(ctx.imagesDir, files);
    },

    correctDocument({ appId, docIndex, personal, actor }) {
      validatePersonal(personal);
      ctx.keys.rows();
      ctx.tx(() => {
        const app = assertEditable(ctx, appId);
        const docId = db.prepare('SELECT id FROM documents WHERE app_id = ? AND doc_index = ?').pluck().get(appId, docIndex) as string | undefined;
        if (!docId) throw notFoundError(`Document ${docIndex} of application ${appId}`);
        db.prepare('UPDATE documents SET personal_sealed = ?, surname_hmac = ? WHERE id = ?').run(
          sealField(ctx.keys, 'documents', 'personal', docId, JSON.stringify(personal)),
          personal.surname ? surnameHmac(ctx.keys, personal.surname) : null,
          docId,
        );
        restartAfterEdit(ctx, app, 'edited');
        // Which fields changed is itself personal (it hints at the values); the audit says only where.
        deps.audit.append({ action: 'capture.corrected', actor, appId, containerIds: app.current_container_id ? [app.current_container_id] : [], detail: { docIndex } });
      });
    },

    discard({ appId, actor, reason }) {
      ctx.tx(() => {
        const app = assertEditable(ctx, appId);
        restartAfterEdit(ctx, app, 'cancelled');
        deps.audit.append({ action: 'capture.discarded', actor, appId, containerIds: app.current_container_id ? [app.current_container_id] : [], detail: { reason } });
      });
      deps.purgeNow(appId, actor);
    },
  };

  function findImage(appId: string, position: ImagePosition): { id: string; document_id: string | null; img_index: number; side: PlannedImage['side']; light: string; file_name: string } {
    const row =
      position === 'applicant-photo'
        ? db.prepare('SELECT id, document_id, img_index, side, light, file_name FROM images WHERE app_id = ? AND document_id IS NULL').get(appId)
        : db
            .prepare(
              'SELECT i.id, i.document_id, i.img_index, i.side, i.light, i.file_name FROM images i JOIN documents d ON d.id = i.document_id WHERE d.app_id = ? AND d.doc_index = ? AND i.img_index = ?',
            )
            .get(appId, position.docIndex, position.imgIndex);
    if (!row) throw notFoundError(position === 'applicant-photo' ? `The applicant photo of application ${appId}` : `Image ${position.docIndex}/${position.imgIndex} of application ${appId}`);
    return row as ReturnType<typeof findImage>;
  }
}

function validateCapture(input: CaptureInput): void {
  if (input.documents.length === 0) throw invalidCaptureError('it holds no document');
  if (input.documents.length > MAX_DOCUMENTS) throw invalidCaptureError(`it holds more than ${MAX_DOCUMENTS} documents`);
  if (input.appId !== undefined && !/^[0-9a-f-]{36}$/.test(input.appId)) throw invalidCaptureError('its application id is not a UUID');
  for (const d of input.documents) {
    if (d.images.length === 0) throw invalidCaptureError('a document has no image');
    if (d.images.length > MAX_IMAGES_PER_DOCUMENT) throw invalidCaptureError(`a document has more than ${MAX_IMAGES_PER_DOCUMENT} images`);
    if (d.format !== undefined && !/^[A-Za-z0-9-]{1,16}$/.test(d.format)) throw invalidCaptureError('a document format label is not valid');
    validatePersonal(d.personal);
    if (d.customFields !== undefined) validateDocumentFields(d.customFields);
    for (const img of d.images) validateImage(img.bytes, img.mime, img.imageType, img.side, img.light);
  }
  if (input.applicantPhoto) validateImage(input.applicantPhoto.bytes, input.applicantPhoto.mime, input.applicantPhoto.imageType ?? 1, 'front', 'white');
  if (input.applicationFields !== undefined) validateApplicationFields(input.applicationFields);
}

function validatePersonal(personal: PersonalFields): void {
  for (const [field, value] of Object.entries(personal)) {
    if (value !== undefined && (typeof value !== 'string' || value.length > MAX_FIELD_CHARS)) throw invalidCaptureError(`the ${field} field is not valid`);
  }
}

function validateImage(bytes: Uint8Array, mime: string, imageType: number, side: string, light: string | undefined): void {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw invalidCaptureError('an image is empty');
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw invalidCaptureError(`an image is larger than ${MAX_IMAGE_BYTES / MB} MB`);
  if (!MIMES.includes(mime)) throw invalidCaptureError('an image is neither JPEG nor PNG');
  if (!Number.isInteger(imageType) || imageType < 0 || imageType > 9999) throw invalidCaptureError('an image type is not valid');
  if (!SIDES.includes(side)) throw invalidCaptureError('an image side is not valid');
  if (light !== undefined && !LIGHTS.includes(light)) throw invalidCaptureError('an image light is not valid');
}

/**
 * W0 for origin `queued` (SUBMISSION-PROTOCOL §13.2), inside the capture's transaction: the app starts
 * at CHECK_QUEUED with C fixed, and C's one container attempt is inserted with it. A container already
 * adopted by another local app is refused (unique index), so one queued application is filled once.
 */
function adoptQueuedContainer(ctx: StoreContext, appId: string, queued: { containerId: string; label: string }, at: number): void {
  const taken = ctx.db.prepare("SELECT 1 FROM containers c JOIN applications a ON a.id = c.app_id WHERE c.container_id = ? AND a.step NOT IN ('CANCELLED')").get(queued.containerId);
  if (taken) throw invalidCaptureError('this queued application is already being completed on this kiosk');
  ctx.db.prepare('DELETE FROM containers WHERE container_id = ?').run(queued.containerId);
  ctx.db
    .prepare(`UPDATE applications SET origin = 'queued', step = 'CHECK_QUEUED', current_container_id = ?, queued_label_sealed = ? WHERE id = ?`)
    .run(queued.containerId, sealField(ctx.keys, 'applications', 'queued_label', appId, queued.label), appId);
  ctx.db
    .prepare(`INSERT INTO containers (container_id, app_id, origin, created_at) VALUES (?, ?, 'queued', ?)`)
    .run(queued.containerId, appId, at);
}
