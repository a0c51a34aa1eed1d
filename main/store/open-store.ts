// The store's front door: opens the database (integrity check, damaged-file recovery, migrations)
// and builds every repository over one connection. Main creates one Store at start-up, runs
// recover() before captures or sync begin, and closes it at shutdown. Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import type { KeyCustody } from './key-custody';
import type { Logger } from '../logging/logger';
import { fsyncDir } from './atomic-write';
import { createAuditLog, type AuditLog } from './audit-log';
import { createCaptureRepo, type CaptureRepo } from './capture-repo';
import { createAccountEvidenceRepo, type AccountEvidenceRepo } from './account-evidence-repo';
import { IMAGES_DIR, integrityProblem, openDatabase, type OpenReport } from './database';
import { createFieldDefinitionsRepo, type FieldDefinitionsRepo } from './field-definitions-repo';
import { uuidv7 } from './ids';
import { createImagesRepo, type ImagesRepo } from './images-repo';
import { createInboxRepo, type InboxRepo } from './inbox-repo';
import { keyRing } from './key-ring';
import type { Migration } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { ScryptParams } from './pin-verifier';
import { runRecovery, type RecoveryReport } from './recovery';
import { createRemoteCreatesRepo, type RemoteCreatesRepo } from './remote-creates-repo';
import { createResultsRepo, type ResultsRepo } from './results-repo';
import { createRetention, type RetentionService } from './retention';
import type { StageTimer } from './save-stages';
import { defaultFileWriter, type FileWriter } from './sealed-files';
import { createStaffRepo, type StaffRepo } from './staff-repo';
import { transactionRunner, type StoreContext } from './store-context';
import { createStoreSettings, type StoreSettingsRepo } from './store-settings';
import { createSubmissionRepo, type SubmissionRepo } from './submission-repo';
import { createTrustIdAccounts, type TrustIdAccountsRepo } from './trustid-accounts';

export type StoreOptions = {
  /** The app's data folder (AppPaths.data): database, images/ and damaged-<time> folders. */
  dataDir: string;
  /** The current key custody; a function when it can change at run time (an admin accepts a key file). */
  custody: KeyCustody | (() => KeyCustody);
  log: Logger;
  now?: () => number;
  newId?: () => string;
  /** Free bytes for this user on the data folder's file system (default: fs.statfsSync). */
  freeBytes?: (dir: string) => number;
  /** How image bytes reach a file handle (tests inject ENOSPC). */
  writeFile?: FileWriter;
  /** Tests use cheaper scrypt parameters. */
  scrypt?: ScryptParams;
  /** Tests of the migration runner pass a prefix of the list. */
  migrations?: readonly Migration[];
  /** Pages the database may grow to (SQLite max_page_count); tests simulate SQLITE_FULL with it. */
  maxPages?: number;
  /** Told how long each stage of saveCapture took; the capture bench prints the breakdown. */
  captureTimer?: StageTimer;
};

export type Store = {
  dataDir: string;
  imagesDir: string;
  opening: OpenReport;
  /** Start-up recovery with figures; run once before captures and the sync worker start. */
  recover(opts?: { verifyAudit?: boolean }): RecoveryReport;
  /** One synchronous transaction across repositories (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  /** PRAGMA integrity_check now: null when ok. */
  integrityCheck(): string | null;
  capture: CaptureRepo;
  images: ImagesRepo;
  submissions: SubmissionRepo;
  results: ResultsRepo;
  /** The results inbox: every application the kiosk can see, whatever its origin (migration 9). */
  inbox: InboxRepo;
  audit: AuditLog;
  staff: StaffRepo;
  accounts: TrustIdAccountsRepo;
  settings: StoreSettingsRepo;
  retention: RetentionService;
  /** The application form (custom field definitions) cached per TrustID account. */
  fieldDefinitions: FieldDefinitionsRepo;
  /** SUBMISSION-PROTOCOL §13.2 evidence flags per TrustID account. */
  accountEvidence: AccountEvidenceRepo;
  /** Queued applications and guest links this kiosk creates (SUBMISSION-PROTOCOL §14). */
  remoteCreates: RemoteCreatesRepo;
  close(): void;
};

export function statfsFreeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

export function openStore(opts: StoreOptions): Store {
  const now = opts.now ?? Date.now;
  const { db, report } = openDatabase({ dataDir: opts.dataDir, migrations: opts.migrations ?? allMigrations, now, log: opts.log });
  if (opts.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(opts.maxPages)}`);
  const imagesDir = path.join(opts.dataDir, IMAGES_DIR);
  if (!fs.existsSync(imagesDir)) {
    fs.mkdirSync(imagesDir, { recursive: true, mode: 0o700 });
    fsyncDir(opts.dataDir);
  }
  const custody = opts.custody;
  const ctx: StoreContext = {
    db,
    dataDir: opts.dataDir,
    imagesDir,
    keys: keyRing(typeof custody === 'function' ? custody : () => custody),
    now,
    newId: opts.newId ?? (() => uuidv7(now())),
    log: opts.log,
    writeFile: opts.writeFile ?? defaultFileWriter,
    freeBytes: opts.freeBytes ?? statfsFreeBytes,
    tx: transactionRunner(db),
  };
  const audit = createAuditLog(ctx);
  const settings = createStoreSettings(ctx, audit);
  const inbox = createInboxRepo(ctx);
  const remoteCreates = createRemoteCreatesRepo(ctx);
  const retention = createRetention(ctx, { audit, settings: settings.get, inbox, remoteCreates });
  const store: Store = {
    dataDir: opts.dataDir,
    imagesDir,
    opening: report,
    recover: (o) => runRecovery(ctx, { opening: report, retention, audit }, o),
    transaction: ctx.tx,
    integrityCheck: () => integrityProblem(db),
    capture: createCaptureRepo(ctx, { audit, settings: settings.get, purgeNow: retention.purgeNow, timer: opts.captureTimer }),
    images: createImagesRepo(ctx),
    submissions: createSubmissionRepo(ctx),
    results: createResultsRepo(ctx, { audit }),
    inbox,
    audit,
    staff: createStaffRepo(ctx, { audit, settings: settings.get, ...(opts.scrypt ? { scrypt: opts.scrypt } : {}) }),
    accounts: createTrustIdAccounts(ctx, { audit }),
    settings,
    retention,
    fieldDefinitions: createFieldDefinitionsRepo(ctx),
    accountEvidence: createAccountEvidenceRepo(ctx),
    remoteCreates,
    close() {
      if (!db.open) return;
      // Folding the WAL back keeps the folder to one file between runs; a failure here loses nothing.
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        opts.log.warn({ err: (error as Error).message }, 'WAL checkpoint at close failed');
      }
      db.close();
    },
  };
  return store;
}
