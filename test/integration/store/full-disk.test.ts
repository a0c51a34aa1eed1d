// Full disk (issue 5 "Proof"): with the real statfs, a floor above the free space refuses a capture
// before anything is written; ENOSPC in the middle of a write (injected) leaves no partial file and
// no row; in both cases the queue keeps working and the message tells staff what to do.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody } from '../../../main/config/key-custody';
import { silentLogger } from '../../../main/logging/logger';
import { openStore, statfsFreeBytes } from '../../../main/store/open-store';
import type { FileWriter } from '../../../main/store/sealed-files';
import { sampleCapture, tempDir } from '../../unit/main/store/store-fixture';

const MB = 1024 * 1024;

describe('full disk', () => {
  it('refuses a capture before writing anything when the floor is above the real free space', async () => {
    const dataDir = tempDir('scan-disk-');
    const store = openStore({ dataDir, custody: ephemeralCustody(), log: silentLogger() });
    const { appId: queued } = await store.capture.saveCapture(sampleCapture(1));
    const freeMb = Math.floor(statfsFreeBytes(dataDir) / MB);
    store.settings.update({ capture: { minFreeMb: freeMb + 1024 } }, 'admin');
    const before = fs.readdirSync(store.imagesDir).sort();

    const error = await store.capture.saveCapture(sampleCapture(2)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store.disk-full' });
    expect((error as Error).message).toMatch(/disk is nearly full/);
    expect((error as Error).message).toMatch(/Applications already saved keep sending/);
    expect(fs.readdirSync(store.imagesDir).sort()).toEqual(before);
    expect(store.results.search().map((s) => s.appId)).toEqual([queued]);

    // The queue keeps syncing: the worker can still read images and save state.
    expect(store.images.verify(queued)).toEqual([]);
    const rec = store.submissions.load(queued)!;
    expect(store.submissions.save({ ...rec, app: { ...rec.app, phase: 'SENT', sentAt: 1 } }, { expectRevision: rec.revision })).toBe(rec.revision + 1);
    store.close();
  });

  it('cleans up after ENOSPC part-way through the second of three files and reports store.disk-full', async () => {
    const dataDir = tempDir('scan-disk-');
    let writes = 0;
    let full = false;
    const writer: FileWriter = async (handle, data) => {
      writes++;
      if (full && writes % 3 === 2) {
        await handle.write(data, 0, 4096);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
      }
      await handle.writeFile(data);
    };
    const store = openStore({ dataDir, custody: ephemeralCustody(), log: silentLogger(), writeFile: writer });
    await store.capture.saveCapture(sampleCapture(1, { images: 3, imageBytes: 200_000 }));
    const before = fs.readdirSync(store.imagesDir).sort();
    full = true;
    writes = 0;
    await expect(store.capture.saveCapture(sampleCapture(2, { images: 3, imageBytes: 200_000 }))).rejects.toMatchObject({ code: 'store.disk-full' });
    expect(fs.readdirSync(store.imagesDir).sort()).toEqual(before);
    expect(store.results.search()).toHaveLength(1);
    expect(store.recover().files).toMatchObject({ tempRemoved: 0, orphansRemoved: 0, present: 3 });
    full = false;
    await store.capture.saveCapture(sampleCapture(3, { images: 3, imageBytes: 200_000 }));
    expect(fs.readdirSync(path.join(dataDir, 'images'))).toHaveLength(6);
    store.close();
  });
});
