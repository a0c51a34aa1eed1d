import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, rowHash } from '../../../../main/store/audit-log';
import { DATABASE_FILE } from '../../../../main/store/database';
import { openTestStore } from './store-fixture';

function withEntries(n: number) {
  const t = openTestStore();
  for (let i = 0; i < n; i++) {
    t.clock.advance(1000);
    t.store.audit.append({ action: 'capture.saved', actor: `staff-${i % 3}`, appId: `app-${i}`, detail: { images: i, applicantPhoto: i % 2 === 0 } });
  }
  return t;
}

describe('audit log', () => {
  it('chains every row to the one before it from a fixed genesis', () => {
    const { store } = withEntries(5);
    const rows = store.audit.list();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(store.audit.verify()).toEqual({ ok: true, rows: 5 });
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    const { store, dir } = withEntries(2);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    raw.close();
    expect(store.audit.verify().ok).toBe(true);
  });

  it('reports the first row whose content was changed behind the triggers', () => {
    const { store, dir } = withEntries(6);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET detail = '{"applicantPhoto":true,"images":99}' WHERE seq = 4`).run();
    raw.close();
    expect(store.audit.verify()).toEqual({ ok: false, rows: 4, firstBrokenSeq: 4, problem: 'its content was changed after it was written' });
  });

  it('reports a deleted row as a broken link at the row after it', () => {
    const { store, dir } = withEntries(5);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'row 2 is missing' });
  });

  it('reports a row rewritten with a recomputed own hash by its broken link to the next row', () => {
    const { store, dir } = withEntries(4);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    // A careful forger recomputes row 2's hash; row 3 still points at the old one.
    const row = raw.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, string | number>;
    const forged = { ...row, actor: 'mallory' };
    raw.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 2').run('mallory', rowHash(String(row.prev_hash), forged as never));
    raw.close();
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'its link to the previous row does not match' });
  });

  it('commits with the caller’s transaction and vanishes with its rollback', () => {
    const { store } = withEntries(1);
    expect(() =>
      store.transaction(() => {
        store.audit.append({ action: 'sync.published', actor: 'system', appId: 'a', containerIds: ['c-1'] });
        throw new Error('the fact it records did not happen');
      }),
    ).toThrow();
    expect(store.audit.list()).toHaveLength(1);
    store.audit.append({ action: 'sync.published', actor: 'system', appId: 'a', containerIds: ['c-1'], detail: 'retrieve confirmed it' });
    expect(store.audit.list({ appId: 'a' })[0]).toMatchObject({ seq: 2, containerIds: ['c-1'], detail: { note: 'retrieve confirmed it' } });
    expect(store.audit.verify().ok).toBe(true);
  });

  it('refuses details that look like personal data and malformed action names', () => {
    const { store } = withEntries(0);
    for (const key of ['surname', 'givenNames', 'mrz', 'dateOfBirth', 'documentNumber', 'pin', 'email']) {
      expect(() => store.audit.append({ action: 'capture.saved', actor: 'system', detail: { [key]: 'x' } })).toThrow(expect.objectContaining({ code: 'store.audit-invalid' }));
    }
    expect(() => store.audit.append({ action: 'Capture Saved', actor: 'system' })).toThrow(expect.objectContaining({ code: 'store.audit-invalid' }));
    expect(() => store.audit.append({ action: 'capture.saved', actor: 'system', detail: { nested: { a: 1 } as never } })).toThrow(expect.objectContaining({ code: 'store.audit-invalid' }));
    expect(store.audit.list()).toEqual([]);
  });

  it('verifies an empty log as intact', () => {
    const { store } = withEntries(0);
    expect(store.audit.verify()).toEqual({ ok: true, rows: 0 });
  });
});
