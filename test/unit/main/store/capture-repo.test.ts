import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, noCustody, type KeyCustody } from '../../../../main/store/key-custody';
import { defaultFileWriter, type FileWriter } from '../../../../main/store/sealed-files';
import { ImageIntegrityError } from '../../../../main/store/store-errors';
import { fakeJpeg, listFiles, openTestStore, sampleCapture, sha256, visitor } from './store-fixture';

const MB = 1024 * 1024;

const appCount = (store: ReturnType<typeof openTestStore>['store']) => store.submissions.list({ limit: 10_000 }).length;

describe('saveCapture', () => {
  it('stores sealed files and rows that read back byte for byte, due now at CREATE_CONTAINER/PENDING', async () => {
    const { store, clock } = openTestStore();
    const input = sampleCapture(1, { images: 2, photo: true });
    const saved = await store.capture.saveCapture(input);
    expect(saved).toMatchObject({ documents: 1, images: 3, capturedAt: clock.now() });

    const record = store.submissions.load(saved.appId)!;
    expect(record.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', accountId: 'kiosk', nextAttemptAt: clock.now(), failures: 0 });
    expect(record.shape).toEqual({ documents: [{ imageTypes: [2, 3] }], hasApplicantPhoto: true });

    const docImages = input.documents[0]!.images;
    expect(sha256(store.images.read(saved.appId, 0, 0))).toBe(sha256(docImages[0]!.bytes));
    expect(sha256(store.images.read(saved.appId, 0, 1))).toBe(sha256(docImages[1]!.bytes));
    expect(store.images.read(saved.appId, -1, -1).equals(Buffer.from(input.applicantPhoto!.bytes))).toBe(true);
    const files = listFiles(store.imagesDir);
    expect(files).toHaveLength(3);
    for (const f of files) {
      const onDisk = fs.readFileSync(path.join(store.imagesDir, f));
      expect(docImages.some((i) => onDisk.includes(Buffer.from(i.bytes).subarray(100, 164)))).toBe(false);
      if (process.platform !== 'win32') expect(fs.statSync(path.join(store.imagesDir, f)).mode & 0o077).toBe(0);
    }

    const detail = store.results.detail(saved.appId, 'staff-1');
    expect(detail.documents[0]!.personal).toEqual(input.documents[0]!.personal);
    expect(store.audit.list({ appId: saved.appId }).map((r) => r.action)).toEqual(['capture.saved', 'result.viewed']);
  });

  it('uses the given app id and account, and records who captured it', async () => {
    const { store } = openTestStore();
    const staff = await store.staff.create({ name: 'Ada', pin: '1234', role: 'staff' }, 'system');
    const account = store.accounts.savePersonal({ staffId: staff.id, username: 'ada@example.org', password: 'pw' }, staff.id);
    const appId = '01970000-0000-7000-8000-000000000001';
    await store.capture.saveCapture({ ...sampleCapture(2), appId, accountId: account.id, capturedBy: staff.id });
    expect(store.results.summary(appId)).toMatchObject({ accountId: account.id, capturedBy: staff.id });
    expect(store.audit.list({ appId })[0]).toMatchObject({ action: 'capture.saved', actor: staff.id });
  });

  it('refuses with store.no-key, writing nothing, when there is no key custody', async () => {
    const { store } = openTestStore({ custody: noCustody('This computer offers no secure key store.') });
    await expect(store.capture.saveCapture(sampleCapture(1))).rejects.toMatchObject({ code: 'store.no-key', message: expect.stringContaining('no secure key store') });
    expect(listFiles(store.imagesDir)).toEqual([]);
    expect(store.submissions.list()).toEqual([]);
  });

  it('refuses with store.disk-full before writing anything when free space would fall below the floor', async () => {
    let free = 600 * MB;
    const { store } = openTestStore({ freeBytes: () => free });
    // 600 MB free, 500 MB floor: a capture of 2 x 4 KB fits ...
    await store.capture.saveCapture(sampleCapture(1));
    // ... but not once the disk has filled up.
    free = 500 * MB + 1000;
    await expect(store.capture.saveCapture(sampleCapture(2))).rejects.toMatchObject({ code: 'store.disk-full', message: expect.stringMatching(/500 MB/) });
    expect(listFiles(store.imagesDir)).toHaveLength(2);
    expect(appCount(store)).toBe(1);
    // The floor is a store setting.
    store.settings.update({ capture: { minFreeMb: 100 } }, 'admin-1');
    await store.capture.saveCapture(sampleCapture(3));
    expect(appCount(store)).toBe(2);
  });

  it('turns ENOSPC in the middle of a file into store.disk-full and leaves no partial file or row', async () => {
    let failNext = false;
    const writer: FileWriter = async (fd, chunks) => {
      if (failNext) {
        const data = Buffer.concat(chunks);
        fs.writeSync(fd, data, 0, Math.floor(data.byteLength / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      await defaultFileWriter(fd, chunks);
    };
    const { store } = openTestStore({ writeFile: writer });
    await store.capture.saveCapture(sampleCapture(1, { images: 3 }));
    failNext = true;
    await expect(store.capture.saveCapture(sampleCapture(2, { images: 3 }))).rejects.toMatchObject({ code: 'store.disk-full' });
    expect(listFiles(store.imagesDir)).toHaveLength(3);
    expect(appCount(store)).toBe(1);
    failNext = false;
    await store.capture.saveCapture(sampleCapture(3, { images: 1 }));
    expect(listFiles(store.imagesDir)).toHaveLength(4);
  });

  it('reports other write failures as store.write-failed, also leaving nothing behind', async () => {
    const { store } = openTestStore({
      writeFile: async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    });
    await expect(store.capture.saveCapture(sampleCapture(1))).rejects.toMatchObject({ code: 'store.write-failed' });
    expect(listFiles(store.imagesDir)).toEqual([]);
  });

  it('rejects empty, oversized or mislabelled input with store.invalid-capture', async () => {
    const { store } = openTestStore();
    const bad = [
      { ...sampleCapture(1), documents: [] },
      { ...sampleCapture(1), documents: [{ personal: {}, images: [] }] },
      { ...sampleCapture(1), documents: [{ personal: {}, images: [{ bytes: new Uint8Array(0), mime: 'image/jpeg' as const, side: 'front' as const, imageType: 2 }] }] },
      { ...sampleCapture(1), documents: [{ personal: {}, images: [{ bytes: fakeJpeg(10, 1), mime: 'image/gif' as never, side: 'front' as const, imageType: 2 }] }] },
      { ...sampleCapture(1), documents: [{ personal: { surname: 'x'.repeat(401) }, images: [{ bytes: fakeJpeg(10, 1), mime: 'image/jpeg' as const, side: 'front' as const, imageType: 2 }] }] },
      { ...sampleCapture(1), appId: 'not-a-uuid' },
      { ...sampleCapture(1), accountId: 'no-such-account' },
    ];
    for (const input of bad) await expect(store.capture.saveCapture(input)).rejects.toMatchObject({ code: 'store.invalid-capture' });
    expect(listFiles(store.imagesDir)).toEqual([]);
  });

  it('starts writing each image file before the next image is sealed, and acknowledges only after every fsync and the commit', async () => {
    const events: string[] = [];
    let ids = 0;
    const { store } = openTestStore({
      // An image's id is taken just before it is sealed, so it marks where sealing starts.
      newId: () => {
        const id = `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;
        events.push(`id ${ids}`);
        return id;
      },
      writeFile: async (fd, chunks) => {
        events.push('write');
        await defaultFileWriter(fd, chunks);
      },
      captureTimer: (stage) => {
        if (stage === 'fsync' || stage === 'dir-fsync' || stage === 'commit') events.push(stage);
      },
    });
    await store.capture.saveCapture(sampleCapture(1, { images: 3 }));
    events.push('saved');
    // ids: 1 the app, 2 the document, 3-5 the images.
    expect(events.slice(0, 7)).toEqual(['id 1', 'id 2', 'id 3', 'write', 'id 4', 'write', 'id 5']);
    expect(events.filter((e) => e === 'fsync')).toHaveLength(3);
    expect(events.slice(-3)).toEqual(['dir-fsync', 'commit', 'saved']);
    expect(events.lastIndexOf('fsync')).toBeLessThan(events.indexOf('dir-fsync'));
  });

  describe('images sealed ahead, before Submit (issue 13)', () => {
    const APP = '01970000-0000-7000-8000-0000000000aa';

    it('writes the seal made ahead instead of sealing again, and it reads back byte for byte', async () => {
      const stages: string[] = [];
      const { store } = openTestStore({ captureTimer: (stage) => void stages.push(stage) });
      const input = { ...sampleCapture(1, { images: 2 }), appId: APP };
      const images = input.documents[0]!.images;
      const ahead = images.map((i) => store.capture.sealAhead(APP, i.bytes));
      await store.capture.saveCapture({ ...input, documents: [{ ...input.documents[0]!, images: images.map((i, n) => ({ ...i, sealed: ahead[n] })) }] });
      expect(stages).not.toContain('seal');
      expect(stages).not.toContain('hash');
      expect(store.images.list(APP).map((i) => i.id)).toEqual(ahead.map((a) => a.imageId));
      expect(sha256(store.images.read(APP, 0, 0))).toBe(sha256(images[0]!.bytes));
      expect(sha256(store.images.read(APP, 0, 1))).toBe(sha256(images[1]!.bytes));
    });

    it('seals afresh when the seal was made for other bytes, another app, or was written already', async () => {
      const { store } = openTestStore();
      const input = { ...sampleCapture(1, { images: 3 }), appId: APP };
      const [a, b, c] = input.documents[0]!.images;
      const otherBytes = store.capture.sealAhead(APP, Buffer.from(a!.bytes)); // equal content, another buffer
      const otherApp = store.capture.sealAhead('01970000-0000-7000-8000-0000000000bb', b!.bytes);
      const good = store.capture.sealAhead(APP, c!.bytes);
      await store.capture.saveCapture({ ...input, documents: [{ ...input.documents[0]!, images: [{ ...a!, sealed: otherBytes }, { ...b!, sealed: otherApp }, { ...c!, sealed: good }] }] });
      const ids = store.images.list(APP).map((i) => i.id);
      expect(ids).not.toContain(otherBytes.imageId);
      expect(ids).not.toContain(otherApp.imageId);
      expect(ids).toContain(good.imageId);
      for (let n = 0; n < 3; n++) expect(sha256(store.images.read(APP, 0, n))).toBe(sha256(input.documents[0]!.images[n]!.bytes));

      // The same seal handed in again (a second app with the same buffer) is never written twice.
      const again = { ...sampleCapture(2, { images: 1 }), appId: APP.replace('aa', 'cc') };
      await store.capture.saveCapture({ ...again, documents: [{ ...again.documents[0]!, images: [{ ...c!, sealed: good }] }] });
      expect(store.images.list(again.appId!).map((i) => i.id)).not.toContain(good.imageId);
    });

    it('seals afresh when the data key changed since the seal was made', async () => {
      let custody: KeyCustody = ephemeralCustody();
      const { store } = openTestStore({ custody: () => custody });
      const input = { ...sampleCapture(1, { images: 1 }), appId: APP };
      const image = input.documents[0]!.images[0]!;
      const ahead = store.capture.sealAhead(APP, image.bytes);
      custody = ephemeralCustody();
      await store.capture.saveCapture({ ...input, documents: [{ ...input.documents[0]!, images: [{ ...image, sealed: ahead }] }] });
      expect(store.images.list(APP).map((i) => i.id)).not.toContain(ahead.imageId);
      expect(sha256(store.images.read(APP, 0, 0))).toBe(sha256(image.bytes));
    });
  });

  it('removes the files already written when sealing a later image fails', async () => {
    // Call 1 is the key check before anything is written; calls 2-4 seal the three images.
    let keyCalls = 0;
    const key = ephemeralCustody();
    const flaky: KeyCustody = {
      ...key,
      dataKey: () => {
        if (++keyCalls === 4) throw new Error('the key store went away');
        return key.dataKey();
      },
    };
    const { store: second } = openTestStore({ custody: flaky });
    await expect(second.capture.saveCapture(sampleCapture(1, { images: 3 }))).rejects.toMatchObject({ code: 'store.no-key' });
    expect(keyCalls).toBe(4);
    expect(listFiles(second.imagesDir)).toEqual([]);
    expect(appCount(second)).toBe(0);
  });

  it('removes the files again when the commit fails', async () => {
    const { store } = openTestStore();
    const appId = '01970000-0000-7000-8000-000000000002';
    await store.capture.saveCapture({ ...sampleCapture(1), appId });
    // Same app id again: the files get written, the INSERT fails on the primary key.
    await expect(store.capture.saveCapture({ ...sampleCapture(2), appId })).rejects.toThrow(/UNIQUE|PRIMARY/);
    expect(listFiles(store.imagesDir)).toHaveLength(2);
    expect(appCount(store)).toBe(1);
  });
});

describe('reading images back', () => {
  it('detects a flipped byte in a sealed file as store.image-corrupt, naming the app and image', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(1));
    const image = store.images.list(appId)[1]!;
    const file = path.join(store.imagesDir, image.fileName);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const error = (() => {
      try {
        store.images.read(appId, 0, 1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImageIntegrityError);
    expect(error).toMatchObject({ code: 'store.image-corrupt', appId, imageId: image.id });
    expect(store.images.verify(appId).map((e) => e.imageId)).toEqual([image.id]);
    expect(() => store.images.read(appId, 0, 0)).not.toThrow();
  });

  it('detects a file swapped in from another image as corrupt, and a missing file as missing', async () => {
    const { store } = openTestStore();
    const a = await store.capture.saveCapture(sampleCapture(1));
    const b = await store.capture.saveCapture(sampleCapture(2));
    const [ia] = store.images.list(a.appId);
    const [ib] = store.images.list(b.appId);
    fs.copyFileSync(path.join(store.imagesDir, ib!.fileName), path.join(store.imagesDir, ia!.fileName));
    expect(() => store.images.read(a.appId, 0, 0)).toThrow(expect.objectContaining({ code: 'store.image-corrupt' }));
    fs.rmSync(path.join(store.imagesDir, ib!.fileName));
    expect(() => store.images.readById(ib!.id)).toThrow(expect.objectContaining({ code: 'store.image-missing', kind: 'missing' }));
  });
});

describe('edits', () => {
  async function appWithContainer(store: ReturnType<typeof openTestStore>['store'], opts: { phase?: 'PENDING' | 'SENT'; publish?: 'none' | 'ambiguous' | 'ok' } = {}) {
    const { appId } = await store.capture.saveCapture(sampleCapture(1, { images: 2 }));
    const rec = store.submissions.load(appId)!;
    const containerId = 'c-1';
    store.submissions.save(
      {
        app: { ...rec.app, step: opts.publish && opts.publish !== 'none' ? 'PUBLISH' : 'UPLOAD_IMAGE', stepImgIndex: 1, phase: opts.phase ?? 'PENDING', currentContainerId: containerId, failures: 2 },
        containers: [
          {
            containerId,
            appId,
            origin: 'kiosk',
            createdAt: 1,
            publishAttempted: opts.publish !== undefined && opts.publish !== 'none',
            publishAmbiguous: opts.publish === 'ambiguous',
            publishLastOutcome: opts.publish ?? 'none',
            publishedConfirmedAt: null,
            abandonedAt: null,
            abandonReason: null,
          },
        ],
        remoteDocuments: [{ containerId, docIndex: 0, documentId: 'd-1' }],
        remoteImages: [],
      },
      { expectRevision: rec.revision },
    );
    return { appId, containerId };
  }

  it('retake replaces one image, abandons the container as edited and restarts the app', async () => {
    const { store } = openTestStore();
    const { appId, containerId } = await appWithContainer(store);
    const oldFile = store.images.list(appId)[1]!.fileName;
    const fresh = fakeJpeg(5000, 777);
    await store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex: 1 }, image: { bytes: fresh, mime: 'image/jpeg', imageType: 3 }, actor: 'staff-1' });

    expect(store.images.read(appId, 0, 1).equals(fresh)).toBe(true);
    expect(store.images.list(appId)[1]).toMatchObject({ side: 'back', imageType: 3 });
    expect(listFiles(store.imagesDir)).not.toContain(oldFile);
    expect(listFiles(store.imagesDir)).toHaveLength(2);
    const rec = store.submissions.load(appId)!;
    expect(rec.app).toMatchObject({ step: 'CREATE_CONTAINER', phase: 'PENDING', currentContainerId: null, failures: 0, restarts: 1 });
    expect(rec.containers[0]).toMatchObject({ containerId, abandonReason: 'edited' });
    expect(rec.remoteDocuments).toHaveLength(1); // kept for audit (§7.3)
    expect(store.audit.list({ appId }).at(-1)).toMatchObject({ action: 'capture.retake', actor: 'staff-1', containerIds: [containerId] });
  });

  it('refuses edits while a request is in flight and once a publish may have happened', async () => {
    const { store } = openTestStore();
    const inFlight = await appWithContainer(store, { phase: 'SENT' });
    await expect(store.capture.retakeImage({ appId: inFlight.appId, position: { docIndex: 0, imgIndex: 0 }, image: { bytes: fakeJpeg(100, 1), mime: 'image/jpeg', imageType: 2 }, actor: 's' })).rejects.toMatchObject({
      code: 'store.edit-in-flight',
    });
    for (const publish of ['ambiguous', 'ok'] as const) {
      const t = openTestStore();
      const app = await appWithContainer(t.store, { publish });
      expect(() => t.store.capture.discard({ appId: app.appId, actor: 'admin', reason: 'duplicate' })).toThrow(expect.objectContaining({ code: 'store.edit-refused' }));
      expect(listFiles(t.store.imagesDir)).toHaveLength(2);
    }
    // Nothing was written for the refused retake.
    expect(listFiles(store.imagesDir)).toHaveLength(2);
  });

  it('a retake that loses the race with the worker leaves no file behind', async () => {
    const { store } = openTestStore();
    const { appId } = await appWithContainer(store);
    const pending = store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex: 0 }, image: { bytes: fakeJpeg(100, 2), mime: 'image/jpeg', imageType: 2 }, actor: 's' });
    // While the file is being written, the worker commits SENT for its next step.
    const rec = store.submissions.load(appId)!;
    store.submissions.save({ ...rec, app: { ...rec.app, phase: 'SENT' } }, { expectRevision: rec.revision });
    await expect(pending).rejects.toMatchObject({ code: 'store.edit-in-flight' });
    expect(listFiles(store.imagesDir)).toHaveLength(2);
  });

  it('a retake whose document was removed meanwhile is refused as a conflict, leaving no file', async () => {
    const { store } = openTestStore();
    const two = sampleCapture(1);
    two.documents.push(sampleCapture(2).documents[0]!);
    const { appId } = await store.capture.saveCapture(two);
    // Staff retake the first document's front while someone removes that document: the second
    // document moves to index 0, and the retake must not land on it.
    const pending = store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex: 0 }, image: { bytes: fakeJpeg(100, 3), mime: 'image/jpeg', imageType: 2 }, actor: 's' });
    store.capture.removeDocument({ appId, docIndex: 0, actor: 's' });
    await expect(pending).rejects.toMatchObject({ code: 'store.conflict' });
    expect(listFiles(store.imagesDir)).toHaveLength(2);
    expect(store.images.read(appId, 0, 0).equals(Buffer.from(two.documents[1]!.images[0]!.bytes))).toBe(true);
  });

  it('removing a document keeps indices dense and refuses the last one', async () => {
    const { store } = openTestStore();
    const two = sampleCapture(1);
    two.documents.push({ ...sampleCapture(2).documents[0]!, format: 'TD1' }, { ...sampleCapture(3).documents[0]!, format: 'TD2' });
    const { appId } = await store.capture.saveCapture(two);
    store.capture.removeDocument({ appId, docIndex: 1, actor: 's' });
    expect(store.results.detail(appId, 's').documents.map((d) => [d.docIndex, d.format, d.personal?.surname])).toEqual([
      [0, 'TD3', visitor(1).surname],
      [1, 'TD2', visitor(3).surname],
    ]);
    expect(listFiles(store.imagesDir)).toHaveLength(4);
    expect(store.images.read(appId, 1, 0).equals(Buffer.from(two.documents[2]!.images[0]!.bytes))).toBe(true);
    store.capture.removeDocument({ appId, docIndex: 0, actor: 's' });
    expect(() => store.capture.removeDocument({ appId, docIndex: 0, actor: 's' })).toThrow(expect.objectContaining({ code: 'store.last-document' }));
  });

  it('correcting a document replaces its sealed fields and search key, and restarts the app', async () => {
    const { store } = openTestStore();
    const { appId, containerId } = await appWithContainer(store);
    const corrected = { ...sampleCapture(1).documents[0]!.personal, surname: 'CORRECTEDNAME', mrz: 'P<GBRCORRECTEDNAME' };
    store.capture.correctDocument({ appId, docIndex: 0, personal: corrected, actor: 'staff-1' });
    expect(store.submissions.documentFields(appId, 0)).toEqual({ mrz: 'P<GBRCORRECTEDNAME' });
    expect(store.results.search({ surname: 'Correctedname' }).map((s) => s.appId)).toEqual([appId]);
    expect(store.results.search({ surname: visitor(1).surname })).toEqual([]);
    expect(store.submissions.load(appId)!.containers[0]).toMatchObject({ containerId, abandonReason: 'edited' });
    expect(store.audit.list({ appId }).at(-1)).toMatchObject({ action: 'capture.corrected', detail: { docIndex: 0 } });
    expect(() => store.capture.correctDocument({ appId, docIndex: 3, personal: corrected, actor: 's' })).toThrow(expect.objectContaining({ code: 'store.not-found' }));
  });

  it('discard cancels the app, abandons its container and removes its images and personal data at once', async () => {
    const { store } = openTestStore();
    const { appId, containerId } = await appWithContainer(store);
    store.capture.discard({ appId, actor: 'admin-1', reason: 'captured-in-error' });
    const rec = store.submissions.load(appId)!;
    expect(rec.app.step).toBe('CANCELLED');
    expect(rec.containers[0]).toMatchObject({ containerId, abandonReason: 'cancelled' });
    expect(listFiles(store.imagesDir)).toEqual([]);
    expect(store.results.detail(appId, 'admin-1')).toMatchObject({ summary: { purged: true }, images: [], documents: [{ personal: null }] });
    expect(store.audit.list({ appId }).map((r) => r.action)).toEqual(['capture.saved', 'capture.discarded', 'store.purged', 'result.viewed']);
    expect(() => store.capture.removeDocument({ appId, docIndex: 0, actor: 's' })).toThrow(expect.objectContaining({ code: 'store.edit-refused' }));
  });
});

describe('SQLite full (issue 12 §2, injected with max_page_count)', () => {
  it('a commit that meets SQLITE_FULL is store.disk-full, removes its files and keeps every earlier capture', async () => {
    const first = openTestStore();
    const saved = await first.store.capture.saveCapture(sampleCapture(1, { images: 2 }));
    first.store.close();
    // SQLite's own "database or disk is full": the database may not grow beyond a few more pages.
    const { store } = openTestStore({ dir: first.dir, custody: first.custody, maxPages: pageCount(first.dir) + 3 });
    let error: unknown = null;
    for (let n = 2; n < 60 && error === null; n++) {
      await store.capture.saveCapture(sampleCapture(n, { fields: true })).catch((e: unknown) => (error = e));
    }
    expect(error).toMatchObject({ code: 'store.disk-full' });
    expect(store.integrityCheck()).toBeNull();
    expect(store.images.verify(saved.appId)).toEqual([]);
    // Files only for the captures whose rows committed: the refused one left none behind.
    expect(listFiles(store.imagesDir)).toHaveLength(2 * appCount(store));
  });
});

function pageCount(dir: string): number {
  const file = fs.readdirSync(dir).find((f) => /\.(db|sqlite3?)$/.test(f))!;
  const db = new Database(path.join(dir, file), { readonly: true });
  try {
    return db.pragma('page_count', { simple: true }) as number;
  } finally {
    db.close();
  }
}
