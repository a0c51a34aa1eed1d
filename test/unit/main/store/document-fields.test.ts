// Document-level custom field values in the store (issue 10 §5): sealed with the document, opened for
// sync, refused when malformed, cleared by the purge.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestStore, sampleCapture } from './store-fixture';

const BADGE = 'QZXBADGE-7731';

function dbBytes(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).filter((f) => /\.(db|sqlite3?)(-wal)?$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f))));
}

describe('document custom fields in the store', () => {
  it('keeps the values sealed with their document and hands them to sync in slot order', async () => {
    const { store, dir } = openTestStore();
    const input = sampleCapture(1);
    input.documents[0]!.customFields = [
      { propertyName: 'VisitorBadge', index: 3, value: BADGE },
      { propertyName: 'Desk', index: 1, value: 'North' },
    ];
    const { appId } = await store.capture.saveCapture(input);
    expect(store.submissions.documentFields(appId, 0)?.customFields).toEqual([
      { propertyName: 'Desk', index: 1, value: 'North' },
      { propertyName: 'VisitorBadge', index: 3, value: BADGE },
    ]);
    expect(dbBytes(dir).includes(Buffer.from(BADGE))).toBe(false);
    // A document with none sends none.
    const plain = await store.capture.saveCapture(sampleCapture(2));
    expect(store.submissions.documentFields(plain.appId, 0)).not.toHaveProperty('customFields');
  });

  it('refuses malformed values before anything is written, naming the problem, not the value', async () => {
    const { store } = openTestStore();
    for (const bad of [
      [{ propertyName: 'x y', value: 'v' }],
      [{ propertyName: 'Desk', index: 12, value: 'v' }],
      [{ propertyName: 'Desk', value: '' }],
      [{ propertyName: 'Desk', value: 'a' }, { propertyName: 'Desk', value: 'b' }],
    ]) {
      const input = sampleCapture(3);
      input.documents[0]!.customFields = bad;
      const error = await store.capture.saveCapture(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'store.invalid-capture' });
      expect((error as Error).message).not.toContain('x y');
    }
    expect(store.submissions.list()).toEqual([]);
  });

  it('the purge clears them with the rest of the personal data', async () => {
    const { store } = openTestStore();
    const input = sampleCapture(4);
    input.documents[0]!.customFields = [{ propertyName: 'Desk', index: 1, value: 'North' }];
    const { appId } = await store.capture.saveCapture(input);
    store.retention.purgeNow(appId, 'admin-1');
    expect(store.submissions.documentFields(appId, 0)).toBeNull();
  });
});
