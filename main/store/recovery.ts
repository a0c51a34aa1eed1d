// Start-up recovery, run once after the database opens and before any capture or sync: finish
// interrupted purges, sweep temp and orphan image files, note rows whose file is missing, check the
// data key and the audit chain, and report figures (SUBMISSION-PROTOCOL §7.7 "Recovery also removes
// temp files and image files no row refers to"). The sync engine's own SENT-phase recovery is
// separate (main/sync). Runs in main (plain Node).
import type { AuditVerdict, AuditLog } from './audit-log';
import type { DamagedDatabase, OpenReport } from './database';
import type { RetentionService } from './retention';
import { sweepSealedFiles } from './sealed-files';
import type { StoreContext } from './store-context';

export type KeyStatus = 'matches' | 'first-use' | 'changed' | 'unavailable';

export type RecoveryReport = {
  integrity: 'ok' | 'recovered';
  damaged: DamagedDatabase | null;
  migrationsApplied: number[];
  key: KeyStatus;
  purgesFinished: number;
  files: { present: number; tempRemoved: number; orphansRemoved: number; missing: number; unknown: number };
  /** Applications with at least one image file missing: they will stop for a retake when sent. */
  appsWithMissingFiles: string[];
  rows: { applications: number; documents: number; images: number; auditLog: number };
  audit: AuditVerdict | null;
  /** Opening (integrity check, migrations) and recovery, in milliseconds. */
  openMs: number;
  recoveryMs: number;
  /** Plain words for staff and administrators; empty when all is well. */
  messages: string[];
};

export function runRecovery(
  ctx: StoreContext,
  deps: { opening: OpenReport; retention: RetentionService; audit: AuditLog },
  opts: { verifyAudit?: boolean } = {},
): RecoveryReport {
  const started = performance.now();
  const db = ctx.db;
  const messages: string[] = [];

  if (deps.opening.damaged) {
    messages.push(deps.opening.damaged.message);
    deps.audit.append({ action: 'store.damaged-database-moved', actor: 'system', detail: { folder: deps.opening.damaged.dir.split(/[\\/]/).pop() ?? '' } });
  }

  const purgesFinished = deps.retention.finishInterrupted();

  const referenced = new Set(db.prepare('SELECT file_name FROM images').pluck().all() as string[]);
  const sweep = sweepSealedFiles(ctx.imagesDir, referenced);
  let appsWithMissingFiles: string[] = [];
  if (sweep.missing.length > 0) {
    const missing = new Set(sweep.missing);
    const rows = db.prepare('SELECT DISTINCT app_id, file_name FROM images').all() as Array<{ app_id: string; file_name: string }>;
    appsWithMissingFiles = [...new Set(rows.filter((r) => missing.has(r.file_name)).map((r) => r.app_id))];
    messages.push(`${sweep.missing.length} stored image file(s) of ${appsWithMissingFiles.length} application(s) are missing from the disk. Those applications will ask for the document to be scanned again.`);
    ctx.log.warn({ missing: sweep.missing.length, apps: appsWithMissingFiles.length }, 'image files missing at start-up');
  }

  const key = checkKey(ctx);
  if (key === 'changed') {
    messages.push('The key that protects personal data on this computer has changed since Scan Station last ran, so details and images saved before cannot be opened any more. New captures are saved normally. Applications that were waiting to be sent will ask for their documents to be scanned again.');
  } else if (key === 'unavailable') {
    messages.push(`No captures can be saved until a key is available to protect personal data: ${ctx.keys.reason()}`);
  }

  const audit = opts.verifyAudit === false ? null : deps.audit.verify();
  if (audit && !audit.ok) {
    messages.push(`The audit log has been tampered with or damaged from entry ${audit.firstBrokenSeq} on (${audit.problem}). Tell your administrator.`);
    ctx.log.error({ firstBrokenSeq: audit.firstBrokenSeq, problem: audit.problem }, 'audit chain broken');
  }

  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const report: RecoveryReport = {
    integrity: deps.opening.integrity,
    damaged: deps.opening.damaged,
    migrationsApplied: deps.opening.migrationsApplied,
    key,
    purgesFinished,
    files: { present: sweep.files, tempRemoved: sweep.tempRemoved, orphansRemoved: sweep.orphansRemoved, missing: sweep.missing.length, unknown: sweep.unknown },
    appsWithMissingFiles,
    rows: { applications: count('applications'), documents: count('documents'), images: count('images'), auditLog: count('audit_log') },
    audit,
    openMs: deps.opening.ms,
    recoveryMs: performance.now() - started,
    messages,
  };
  ctx.log.info(
    { integrity: report.integrity, key, purgesFinished, files: report.files, rows: report.rows, openMs: Math.round(report.openMs), recoveryMs: Math.round(report.recoveryMs) },
    'store recovered',
  );
  return report;
}

/** Compares the data key's fingerprint with the one recorded at first use. */
function checkKey(ctx: StoreContext): KeyStatus {
  if (!ctx.keys.available()) return 'unavailable';
  let fingerprint: string;
  try {
    fingerprint = ctx.keys.fingerprint();
  } catch {
    return 'unavailable';
  }
  const stored = ctx.db.prepare("SELECT value FROM meta WHERE key = 'data_key_fingerprint'").pluck().get() as string | undefined;
  if (stored === fingerprint) return 'matches';
  ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('data_key_fingerprint', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(fingerprint);
  if (stored === undefined) return 'first-use';
  ctx.log.warn('data key changed since the last start');
  return 'changed';
}
