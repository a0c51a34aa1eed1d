// Reading captured images back: rows for listing, bytes with the seal and the plaintext SHA-256
// checked, so a damaged or swapped file is caught before it is shown or uploaded
// (SUBMISSION-PROTOCOL §7.2: sha256 checked before UPLOAD_IMAGE). Runs in main (plain Node).
import { SealBrokenError, unseal } from './seal';
import { readSealedFile, sha256Hex } from './sealed-files';
import type { StoreContext } from './store-context';
import { ImageIntegrityError, notFoundError } from './store-errors';

// The stored vocabulary (migration 1's CHECKs), not the contract's: a page and the applicant photo are
// sides here, and lights are spelt out. main/capture/capture-input.ts maps one onto the other.
export type StoredImageSide = 'front' | 'back' | 'page' | 'photo';
export type StoredImageLight = 'white' | 'infrared' | 'ultraviolet';
export type ImageMime = 'image/jpeg' | 'image/png';

export type StoredImage = {
  id: string;
  appId: string;
  /** -1 for the applicant photo. */
  docIndex: number;
  /** -1 for the applicant photo. */
  imgIndex: number;
  imageType: number;
  side: StoredImageSide;
  light: StoredImageLight;
  mime: ImageMime;
  size: number;
  sha256: string;
  fileName: string;
  createdAt: number;
};

type ImageRow = {
  id: string;
  app_id: string;
  doc_index: number | null;
  img_index: number;
  image_type: number;
  side: StoredImageSide;
  light: StoredImageLight;
  mime: ImageMime;
  size: number;
  sha256: string;
  file_name: string;
  created_at: number;
};

export type ImagesRepo = {
  list(appId: string): StoredImage[];
  /** The plaintext bytes; throws ImageIntegrityError (`store.image-missing` / `store.image-corrupt`). */
  read(appId: string, docIndex: number, imgIndex: number): Buffer;
  readById(imageId: string): Buffer;
  /** Checks every image of an app without returning bytes: the ones that fail. */
  verify(appId: string): ImageIntegrityError[];
};

/** Associated data for an image file: its identity, so a file moved to another row fails to open. */
export function imageAad(appId: string, imageId: string): string {
  return `image ${appId}/${imageId}`;
}

const SELECT = `SELECT i.*, CASE WHEN i.document_id IS NULL THEN -1 ELSE d.doc_index END AS doc_index
  FROM images i LEFT JOIN documents d ON d.id = i.document_id`;

export function createImagesRepo(ctx: StoreContext): ImagesRepo {
  const byApp = ctx.db.prepare(`${SELECT} WHERE i.app_id = ? ORDER BY doc_index, i.img_index`);
  const byId = ctx.db.prepare(`${SELECT} WHERE i.id = ?`);

  function openImage(row: ImageRow): Buffer {
    let sealed: Buffer;
    try {
      sealed = readSealedFile(ctx.imagesDir, row.file_name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImageIntegrityError('missing', row.app_id, row.id);
      throw error;
    }
    let plain: Buffer;
    try {
      plain = unseal(ctx.keys.images(), sealed, imageAad(row.app_id, row.id));
    } catch (error) {
      if (error instanceof SealBrokenError) throw new ImageIntegrityError('corrupt', row.app_id, row.id);
      throw error;
    }
    // The seal already proves the bytes are the ones written; the SHA-256 ties them to the row too.
    if (plain.length !== row.size || sha256Hex(plain) !== row.sha256) throw new ImageIntegrityError('corrupt', row.app_id, row.id);
    return plain;
  }

  return {
    list: (appId) => (byApp.all(appId) as ImageRow[]).map(fromRow),
    read(appId, docIndex, imgIndex) {
      const row = (byApp.all(appId) as ImageRow[]).find((r) => r.doc_index === docIndex && r.img_index === imgIndex);
      if (!row) throw notFoundError(`Image ${docIndex}/${imgIndex} of application ${appId}`);
      return openImage(row);
    },
    readById(imageId) {
      const row = byId.get(imageId) as ImageRow | undefined;
      if (!row) throw notFoundError(`Image ${imageId}`);
      return openImage(row);
    },
    verify(appId) {
      const failures: ImageIntegrityError[] = [];
      for (const row of byApp.all(appId) as ImageRow[]) {
        try {
          openImage(row);
        } catch (error) {
          if (error instanceof ImageIntegrityError) failures.push(error);
          else throw error;
        }
      }
      return failures;
    },
  };
}

function fromRow(r: ImageRow): StoredImage {
  return {
    id: r.id,
    appId: r.app_id,
    docIndex: r.doc_index ?? -1,
    imgIndex: r.img_index,
    imageType: r.image_type,
    side: r.side,
    light: r.light,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    fileName: r.file_name,
    createdAt: r.created_at,
  };
}
