// Where saving a capture spends its time, stage by stage, for whoever asks: the capture bench prints
// the breakdown beside its bare floor (issue 13). The app passes no timer. Runs in main (plain Node).

/**
 * checks: validation, key, free space, account. seal / hash: AES-GCM and SHA-256 of the image bytes.
 * fields: sealing the personal row values. write / fsync: per image file (they overlap in time).
 * files: wall time from the batch's start until every file is written and fsynced.
 * dir-fsync: the one folder fsync. rows: the inserts and the audit row inside the transaction.
 * commit: SQLite's COMMIT (WAL write + fsync, synchronous=FULL).
 */
export type SaveStage = 'checks' | 'seal' | 'hash' | 'fields' | 'write' | 'fsync' | 'files' | 'dir-fsync' | 'rows' | 'commit';

export type StageTimer = (stage: SaveStage, ms: number) => void;

export const noStageTimer: StageTimer = () => undefined;

/** Runs `fn` and reports its wall time under `stage`. */
export function timed<T>(timer: StageTimer, stage: SaveStage, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    timer(stage, performance.now() - started);
  }
}
