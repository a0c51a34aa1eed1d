// What every repository in the store shares: the connection, folders, keys and the injected clock,
// ids and file I/O. Built once by open-store.ts. Runs in main (plain Node).
import type Database from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import type { KeyRing } from './key-ring';
import type { FileWriter } from './sealed-files';

export type StoreContext = {
  db: Database.Database;
  dataDir: string;
  imagesDir: string;
  keys: KeyRing;
  now: () => number;
  newId: () => string;
  log: Logger;
  writeFile: FileWriter;
  /** Bytes available to this user on the data folder's file system. */
  freeBytes: (dir: string) => number;
  /**
   * Runs `fn` in one transaction (nested calls become savepoints). `fn` must be synchronous: no
   * network I/O and no await inside a transaction (SUBMISSION-PROTOCOL W3).
   */
  tx<T>(fn: () => T): T;
};

export function transactionRunner(db: Database.Database): <T>(fn: () => T) => T {
  return <T>(fn: () => T): T =>
    db.transaction(() => {
      const value = fn();
      if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
        throw new Error('a store transaction must not await (SUBMISSION-PROTOCOL W3)');
      }
      return value;
    })();
}
