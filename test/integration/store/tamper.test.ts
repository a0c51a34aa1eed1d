// Tamper (issue 5 "Proof"): a flipped byte in a sealed image is detected on read, before any upload,
// and the application can be stopped for a retake and repaired by one; an audit row changed in the
// database file itself (where SQLite notices nothing) is reported by the chain verifier.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { silentLogger } from '../../../main/logging/logger';
import { DATABASE_FILE } from '../../../main/store/database';
import { openStore } from '../../../main/store/open-store';
import { ImageIntegrityError } from '../../../main/store/store-errors';
import { fakeJpeg, sampleCapture, tempDir } from '../../unit/main/store/store-fixture';

function open(home: string) {
  return openStore({ dataDir: path.join(home, 'data'), custody: fileKeyCustody(path.join(home, 'data.key'), true), log: silentLogger() });
}

describe('tamper detection', () => {
  it('a flipped byte anywhere in a sealed image is caught on read, and a retake repairs the application', async () => {
    const home = tempDir('scan-tamper-');
    let store = open(home);
    const { appId } = await store.capture.saveCapture(sampleCapture(1, { images: 3, imageBytes: 20_000 }));
    const victim = store.images.list(appId)[2]!;
    const file = path.join(store.imagesDir, victim.fileName);
    store.close();

    // Header, nonce, tag and body: a flip in any part is detected.
    const original = fs.readFileSync(file);
    for (const offset of [0, 5, 20, 40, original.length - 1]) {
      const bytes = Buffer.from(original);
      bytes[offset]! ^= 0x40;
      fs.writeFileSync(file, bytes);
      store = open(home);
      expect(() => store.images.read(appId, 0, 2), `offset ${offset}`).toThrow(ImageIntegrityError);
      store.close();
    }

    // What the sync worker does before UPLOAD_IMAGE (SUBMISSION-PROTOCOL §7.2): check, then stop the app.
    store = open(home);
    const failures = store.images.verify(appId);
    expect(failures).toEqual([expect.objectContaining({ code: 'store.image-corrupt', appId, imageId: victim.id })]);
    const rec = store.submissions.load(appId)!;
    store.submissions.save({ ...rec, app: { ...rec.app, attentionReason: 'local_image_corrupt' } }, { expectRevision: rec.revision });
    expect(store.submissions.list({ attentionOnly: true }).map((a) => a.id)).toEqual([appId]);

    // Staff retake the damaged image: the app is whole again and back in the queue.
    const fresh = fakeJpeg(20_000, 4242);
    await store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex: 2 }, image: { bytes: fresh, mime: 'image/jpeg', imageType: 3 }, actor: 'staff-1' });
    expect(store.images.verify(appId)).toEqual([]);
    expect(store.images.read(appId, 0, 2).equals(fresh)).toBe(true);
    expect(store.submissions.load(appId)!.app).toMatchObject({ attentionReason: null, step: 'CREATE_CONTAINER', phase: 'PENDING' });
    expect(fs.existsSync(file)).toBe(false);
    store.close();
  });

  it('an audit row edited in the database file is reported by the verifier though integrity_check passes', async () => {
    const home = tempDir('scan-tamper-');
    let store = open(home);
    for (let i = 1; i <= 4; i++) await store.capture.saveCapture(sampleCapture(i));
    store.settings.update({ retention: { resultDays: 12 } }, 'admin-7');
    store.close(); // checkpoints the WAL into the main file

    // Change the recorded new value 12 → 19 in place, in the file's bytes.
    const dbFile = path.join(home, 'data', DATABASE_FILE);
    const bytes = fs.readFileSync(dbFile);
    const needle = Buffer.from('"to":12');
    const at = bytes.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    bytes[at + needle.length - 1] = '9'.charCodeAt(0);
    fs.writeFileSync(dbFile, bytes);

    store = open(home);
    expect(store.integrityCheck()).toBeNull();
    const verdict = store.audit.verify();
    expect(verdict).toEqual({ ok: false, rows: 5, firstBrokenSeq: 5, problem: 'its content was changed after it was written' });
    expect(store.recover().messages.join(' ')).toMatch(/audit log has been tampered with or damaged from entry 5/);
    store.close();
  });
});
