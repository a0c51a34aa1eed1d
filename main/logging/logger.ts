// Structured logging for main: pino into a rotating file in the app data folder.
// Runs in main (plain Node). Secrets and personal data are never passed to the logger; the redact
// list below is a second line of defence for the field names that could carry them.
import path from 'node:path';
import pino from 'pino';
import { openRotatingFile, type RotatingFileOptions } from './rotating-file';

export type Logger = pino.Logger;

/** Field names whose values must never reach a log line, at any depth we know of. */
export const redactedPaths = [
  'password',
  'Password',
  'NewPassword',
  'apiKey',
  'value',
  'secret',
  'sessionId',
  'SessionId',
  'headers["tid-api-key"]',
  'headers["__tt_sessionid"]',
  '*.headers["tid-api-key"]',
  '*.headers["__tt_sessionid"]',
  '*.password',
  '*.Password',
  '*.apiKey',
  '*.secret',
  '*.sessionId',
  '*.SessionId',
  '*.value',
];

export type LogOutput = {
  log: Logger;
  file: string;
  close(): void;
  /** Lines dropped because the disk was full or the log folder unusable (reported in health). */
  dropped(): number;
};

export function createLogger(opts: { dir: string; level?: string; name?: string; file?: RotatingFileOptions }): LogOutput {
  const out = openRotatingFile(path.join(opts.dir, `${opts.name ?? 'scan-station'}.log`), opts.file);
  const log = pino(
    {
      level: opts.level ?? process.env.SCAN_STATION_LOG_LEVEL ?? 'info',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    { write: (line: string) => out.write(line) },
  );
  return { log, file: out.path, close: () => out.close(), dropped: () => out.dropped() };
}

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
