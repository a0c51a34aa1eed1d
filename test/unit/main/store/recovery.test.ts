import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, noCustody } from '../../../../main/store/key-custody';
import { DATABASE_FILE } from '../../../../main/store/database';
import { listFiles, openTestStore, sampleCapture } from './store-fixture';

describe('start-up recovery', () => {
  it('on a fresh store reports a clean start and records the key fingerprint', () => {
    const { store } = openTestStore();
    const report = store.recover();
    expect(report).toMatchObject({
      integrity: 'ok',
      damaged: null,
      key: 'first-use',
      purgesFinished: 0,
      files: { present: 0, tempRemoved: 0, orphansRemoved: 0, missing: 0, unknown: 0 },
      rows: { applications: 0, documents: 0, images: 0, auditLog: 0 },
      audit: { ok: true, rows: 0 },
      messages: [],
    });
    expect(report.openMs).toBeGreaterThan(0);
  });

  it('removes temp files and orphans, keeps referenced files and unknown files, and names apps with missing files', async () => {
    const custody = ephemeralCustody();
    const { store, dir } = openTestStore({ custody });
    store.recover();
    const a = await store.capture.saveCapture(sampleCapture(1));
    const b = await store.capture.saveCapture(sampleCapture(2));
    fs.writeFileSync(path.join(store.imagesDir, '.0197-x.sealed.abc123.tmp'), 'half');
    fs.writeFileSync(path.join(store.imagesDir, '0197-orphan.sealed'), 'no row');
    fs.writeFileSync(path.join(store.imagesDir, 'README.txt'), 'someone put this here');
    fs.rmSync(path.join(store.imagesDir, store.images.list(b.appId)[0]!.fileName));
    store.close();

    const again = openTestStore({ dir, custody }).store;
    const report = again.recover();
    expect(report.files).toEqual({ present: 3, tempRemoved: 1, orphansRemoved: 1, missing: 1, unknown: 1 });
    expect(report.appsWithMissingFiles).toEqual([b.appId]);
    expect(report.key).toBe('matches');
    expect(report.messages.join(' ')).toMatch(/1 stored image file\(s\) of 1 application\(s\) are missing/);
    expect(listFiles(again.imagesDir)).toEqual([...again.images.list(a.appId).map((i) => i.fileName), again.images.list(b.appId)[1]!.fileName, 'README.txt'].sort());
    expect(again.images.verify(a.appId)).toEqual([]);
  });

  it('says plainly when the data key changed or is missing', async () => {
    const first = openTestStore();
    await first.store.capture.saveCapture(sampleCapture(1));
    first.store.recover();
    first.store.close();
    const changed = openTestStore({ dir: first.dir }).store.recover();
    expect(changed.key).toBe('changed');
    expect(changed.messages.join(' ')).toMatch(/key that protects personal data .* has changed/);

    const none = openTestStore({ dir: first.dir, custody: noCustody('This computer offers no secure key store.') }).store.recover();
    expect(none.key).toBe('unavailable');
    expect(none.messages.join(' ')).toMatch(/No captures can be saved .* no secure key store/);
  });

  it('reports a damaged database moved aside, and audits it in the fresh one', () => {
    const { store: first, dir } = openTestStore();
    first.close();
    fs.writeFileSync(path.join(dir, DATABASE_FILE), 'not a database'.repeat(500));
    const { store } = openTestStore({ dir });
    const report = store.recover();
    expect(report.integrity).toBe('recovered');
    expect(report.messages[0]).toMatch(/database was damaged, so Scan Station moved it/);
    expect(store.audit.list()).toEqual([expect.objectContaining({ action: 'store.damaged-database-moved' })]);
  });

  it('reports a broken audit chain without stopping', async () => {
    const { store, dir } = openTestStore();
    await store.capture.saveCapture(sampleCapture(1));
    await store.capture.saveCapture(sampleCapture(2));
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;");
    raw.close();
    const report = store.recover();
    expect(report.audit).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    expect(report.messages.join(' ')).toMatch(/audit log has been tampered with or damaged from entry 1/);
    expect(store.recover({ verifyAudit: false }).audit).toBeNull();
  });
});
