import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { transactionRunner } from '../../../../main/store/store-context';
import { GroupCommit } from '../../../../main/sync/group-commit';

// A real SQLite file in WAL mode, so savepoints and rollbacks are SQLite's own.
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function database() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-group-commit-'));
  const db = new Database(path.join(dir, 'db.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  const tx = transactionRunner(db);
  let outer = 0;
  let depth = 0;
  const store = {
    transaction<T>(fn: () => T): T {
      if (depth === 0) outer += 1;
      depth += 1;
      try {
        return tx(fn);
      } finally {
        depth -= 1;
      }
    },
  };
  const insert = (k: string, v: number) => () => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run(k, v).changes;
  const rows = () => db.prepare('SELECT k FROM t ORDER BY k').pluck().all() as string[];
  return { db, store, insert, rows, outer: () => outer };
}

describe('group commit', () => {
  it('writes asked for in the same turn share one transaction, and each resolves only once it has committed', async () => {
    const d = database();
    const gc = new GroupCommit(d.store);
    const seenCommitted: boolean[] = [];
    const writes = ['a', 'b', 'c'].map((k, i) =>
      gc.commit(d.insert(k, i)).then((v) => {
        // A second connection sees the row: the transaction has committed, not merely run.
        const other = new Database(d.db.name, { readonly: true });
        seenCommitted.push(other.prepare('SELECT count(*) FROM t WHERE k = ?').pluck().get(k) === 1);
        other.close();
        return v;
      }),
    );
    expect(d.rows()).toEqual([]);
    await expect(Promise.all(writes)).resolves.toEqual([1, 1, 1]);
    expect(seenCommitted).toEqual([true, true, true]);
    expect(d.outer()).toBe(1);
    expect(gc.stats).toMatchObject({ transactions: 1, writes: 3 });
  });

  it('writes of different turns go in separate transactions', async () => {
    const d = database();
    const gc = new GroupCommit(d.store);
    await gc.commit(d.insert('a', 1));
    await gc.commit(d.insert('b', 2));
    expect(d.outer()).toBe(2);
    expect(d.rows()).toEqual(['a', 'b']);
  });

  it('a write that throws is rolled back and rejected alone; the rest of its group commits', async () => {
    const d = database();
    const gc = new GroupCommit(d.store);
    const first = gc.commit(d.insert('a', 1));
    const failing = gc.commit(() => {
      d.insert('half', 0)();
      throw new Error('conflict');
    });
    const third = gc.commit(d.insert('c', 3));
    await expect(failing).rejects.toThrow('conflict');
    await expect(Promise.all([first, third])).resolves.toEqual([1, 1]);
    expect(d.rows()).toEqual(['a', 'c']);
    expect(d.outer()).toBe(1);
  });

  it('when the transaction itself fails nothing of the group is kept and every write is rejected', async () => {
    const d = database();
    const gc = new GroupCommit(d.store, () => {
      throw new Error('disk full');
    });
    const writes = [gc.commit(d.insert('a', 1)), gc.commit(d.insert('b', 2))];
    for (const w of writes) await expect(w).rejects.toThrow('disk full');
    expect(d.rows()).toEqual([]);
    expect(gc.stats.transactions).toBe(0);
  });

  it('runs beforeCommit once per group, inside the transaction', async () => {
    const d = database();
    let calls = 0;
    const gc = new GroupCommit(d.store, () => {
      calls += 1;
      d.insert(`queue-${calls}`, 0)();
    });
    await Promise.all([gc.commit(d.insert('a', 1)), gc.commit(d.insert('b', 2))]);
    expect(calls).toBe(1);
    expect(d.rows()).toEqual(['a', 'b', 'queue-1']);
  });

  it('with a store that fsyncs off the event loop, nobody hears of a write before that fsync has returned', async () => {
    const d = database();
    let finishSync!: () => void;
    let failSync!: (e: Error) => void;
    const store = {
      transaction: d.store.transaction,
      commitThenSync<T>(fn: () => T) {
        const value = d.store.transaction(fn);
        return { value, synced: new Promise<void>((resolve, reject) => ((finishSync = resolve), (failSync = reject))) };
      },
    };
    const gc = new GroupCommit(store);
    let heard = false;
    const write = gc.commit(d.insert('a', 1)).then(() => (heard = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(d.rows()).toEqual(['a']);
    expect(heard).toBe(false);
    finishSync();
    await write;
    expect(heard).toBe(true);

    const failing = gc.commit(d.insert('b', 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    failSync(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
  });

  it('writes asked for while an fsync runs wait for it and then share the next transaction', async () => {
    const d = database();
    const syncs: (() => void)[] = [];
    const store = {
      transaction: d.store.transaction,
      commitThenSync<T>(fn: () => T) {
        return { value: d.store.transaction(fn), synced: new Promise<void>((resolve) => syncs.push(resolve)) };
      },
    };
    const gc = new GroupCommit(store);
    const first = gc.commit(d.insert('a', 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const later = [gc.commit(d.insert('b', 2)), gc.commit(d.insert('c', 3))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    // b and c wait while the first group's fsync runs.
    expect(d.rows()).toEqual(['a']);
    expect(syncs).toHaveLength(1);
    syncs[0]!();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(d.rows()).toEqual(['a', 'b', 'c']);
    expect(syncs).toHaveLength(2);
    syncs[1]!();
    await Promise.all(later);
    expect(gc.stats).toMatchObject({ transactions: 2, writes: 3 });
  });
});
