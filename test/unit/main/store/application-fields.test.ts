// Application custom field values in the store: saved sealed with the capture, opened for sync,
// refused when malformed before anything is written, and gone with the purge.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, type KeyCustody } from '../../../../main/store/key-custody';
import type { ApplicationFieldValue } from '../../../../main/store/application-fields';
import { DATABASE_FILE } from '../../../../main/store/database';
import { listFiles, openTestStore, sampleApplicationFields, sampleCapture, visitor } from './store-fixture';

function sealedColumn(dir: string, appId: string): Buffer | null {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT fields_sealed FROM applications WHERE id = ?').pluck().get(appId) as Buffer | null) ?? null;
  } finally {
    db.close();
  }
}

describe('application custom field values in the store', () => {
  it('come back from submissions.applicationFields exactly as the capture gave them', async () => {
    const { store, dir } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(1, { fields: true }));
    expect(store.submissions.applicationFields(appId)).toEqual(sampleApplicationFields(1));
    // Sealed: the column holds no plain text of the note.
    const sealed = sealedColumn(dir, appId);
    expect(sealed).not.toBeNull();
    expect(sealed!.includes(Buffer.from(visitor(1).fieldNote))).toBe(false);
  });

  it('are an empty list for a capture without any, and nothing is stored for it', async () => {
    const { store, dir } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(2));
    expect(store.submissions.applicationFields(appId)).toEqual([]);
    expect(sealedColumn(dir, appId)).toBeNull();
    const { appId: empty } = await store.capture.saveCapture({ ...sampleCapture(3), applicationFields: [] });
    expect(store.submissions.applicationFields(empty)).toEqual([]);
  });

  it('keep only the four members of a value, whatever else the caller attached', async () => {
    const { store } = openTestStore();
    const extra = { fieldId: 'f1', kind: 'string', value: 'x', label: 'Host', secret: 'y' } as unknown as ApplicationFieldValue;
    const { appId } = await store.capture.saveCapture({ ...sampleCapture(4), applicationFields: [extra] });
    expect(store.submissions.applicationFields(appId)).toEqual([{ fieldId: 'f1', kind: 'string', value: 'x' }]);
  });

  it.each<[string, ApplicationFieldValue[]]>([
    ['an empty value', [{ fieldId: 'f1', kind: 'string', value: '' }]],
    ['a fraction for a whole number', [{ fieldId: 'f1', kind: 'int', value: '2.5' }]],
    ['a whole number beyond Int32', [{ fieldId: 'f1', kind: 'int', value: '2147483648' }]],
    ['words for a decimal', [{ fieldId: 'f1', kind: 'decimal', value: 'twelve' }]],
    ['a day that does not exist', [{ fieldId: 'f1', kind: 'date', value: '2026-02-30' }]],
    ['an unknown kind', [{ fieldId: 'f1', kind: 'boolean' as never, value: 'true' }]],
    ['the same field twice', [{ fieldId: 'f1', kind: 'string', value: 'ZQ-first' }, { fieldId: 'f1', kind: 'string', value: 'ZQ-second' }]],
    ['an id with spaces', [{ fieldId: 'not an id', kind: 'string', value: 'ZQ-value' }]],
    ['an overlong value', [{ fieldId: 'f1', kind: 'string', value: 'x'.repeat(1001) }]],
  ])('refuse %s before anything is written', async (_what, applicationFields) => {
    const { store } = openTestStore();
    const error = await store.capture.saveCapture({ ...sampleCapture(5), applicationFields }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store.invalid-capture' });
    // The message names the field's position, never its value.
    expect((error as Error).message).not.toContain(applicationFields[0]!.value || '\u0000');
    expect(listFiles(store.imagesDir)).toEqual([]);
    expect(store.submissions.list()).toEqual([]);
  });

  it('are cleared by the purge, and then read as null', async () => {
    const { store, dir } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(6, { fields: true }));
    store.capture.discard({ appId, actor: 'staff-1', reason: 'test' });
    expect(sealedColumn(dir, appId)).toBeNull();
    expect(store.submissions.applicationFields(appId)).toBeNull();
  });

  it('are cleared by the retention purge once the final result is in, like the document fields', async () => {
    const { store, dir, clock } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(10, { fields: true }));
    const rec = store.submissions.load(appId)!;
    store.submissions.save(
      { ...rec, app: { ...rec.app, step: 'COMPLETED', publishedAt: clock.now(), resultStatus: 'final', resultCheckedAt: clock.now() } },
      { expectRevision: rec.revision },
    );
    expect(store.retention.runDue().purged).toBe(1);
    expect(sealedColumn(dir, appId)).toBeNull();
    expect(store.submissions.applicationFields(appId)).toBeNull();
  });

  it('read as null for an unknown application, a key that cannot open them, and a seal moved to another row', async () => {
    const dir = openTestStore().dir;
    let custody: KeyCustody = ephemeralCustody();
    const { store } = openTestStore({ dir: path.join(dir, 'x'), custody: () => custody });
    const a = await store.capture.saveCapture(sampleCapture(7, { fields: true }));
    const b = await store.capture.saveCapture(sampleCapture(8, { fields: true }));
    expect(store.submissions.applicationFields('01890000-0000-7000-8000-000000000000')).toBeNull();

    // The associated data names the row: a's sealed values copied onto b do not open as b's.
    const db = new Database(path.join(store.dataDir, DATABASE_FILE));
    db.prepare('UPDATE applications SET fields_sealed = (SELECT fields_sealed FROM applications WHERE id = ?) WHERE id = ?').run(a.appId, b.appId);
    db.close();
    expect(store.submissions.applicationFields(b.appId)).toBeNull();
    expect(store.submissions.applicationFields(a.appId)).toEqual(sampleApplicationFields(7));

    custody = ephemeralCustody();
    expect(store.submissions.applicationFields(a.appId)).toBeNull();
  });

  it('are counted, not quoted, in the audit entry of the capture', async () => {
    const { store } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(9, { fields: true }));
    const saved = store.audit.list({ appId }).find((r) => r.action === 'capture.saved')!;
    expect(saved.detail).toMatchObject({ applicationFields: 3 });
    expect(JSON.stringify(saved)).not.toContain(visitor(9).fieldNote);
  });
});
