// Runs `scanimage` as a child process: its own process group (so cancel and timeout kill everything
// it started), English messages, an optional repo-local SANE_CONFIG_DIR. Thin edge. Runs in main.
import { spawn } from 'node:child_process';
import { AppError } from '../../app-error';
import { missingScanimage } from './sane-status';

export type ScanimageOptions = {
  /** Program to run; `scanimage` from PATH unless set. */
  scanimagePath?: string;
  /** Base environment (process.env unless set); PATH in it decides which scanimage runs. */
  env?: NodeJS.ProcessEnv;
  /** Folder with a dll.conf (resources/sane for tests and demo); null leaves SANE's own config. */
  saneConfigDir?: string | null;
  cwd?: string;
  timeoutMs: number;
  /** Aborting kills the process group (the driver's cancel). */
  signal?: AbortSignal;
  /** Called with each complete stdout line as it arrives (`--batch-print` names each finished page). */
  onLine?: (line: string) => void;
  /** How long SIGTERM gets before SIGKILL. */
  killGraceMs?: number;
};

export type ScanimageResult = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The tail of stderr (bounded): scanimage's messages. */
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
  pid: number | undefined;
};

const maxStdout = 1024 * 1024;
const maxStderr = 64 * 1024;

export function scanimageEnvironment(base: NodeJS.ProcessEnv, saneConfigDir: string | null | undefined): NodeJS.ProcessEnv {
  // LC_ALL=C: stderr is matched against SANE's English status strings (sane-status.ts).
  const env: NodeJS.ProcessEnv = { ...base, LC_ALL: 'C', LANG: 'C', LANGUAGE: '' };
  if (saneConfigDir) env.SANE_CONFIG_DIR = saneConfigDir;
  return env;
}

/** Resolves with how the run ended; rejects only when scanimage cannot be started at all. */
export function runScanimage(args: string[], opts: ScanimageOptions): Promise<ScanimageResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      resolve({ exitCode: null, signal: null, stdout: '', stderr: '', timedOut: false, cancelled: true, pid: undefined });
      return;
    }
    const child = spawn(opts.scanimagePath ?? 'scanimage', args, {
      cwd: opts.cwd,
      env: scanimageEnvironment(opts.env ?? process.env, opts.saneConfigDir),
      // Its own process group: kill(-pid) then reaches anything scanimage (or a wrapper) started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let pending = '';
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const killGroup = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), opts.killGraceMs ?? 2000);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killGroup();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < maxStdout) stdout += chunk;
      if (!opts.onLine) return;
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line) opts.onLine(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxStderr);
    });

    const finish = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      clearTimeout(killTimer);
      if (error.code === 'ENOENT') reject(new AppError(missingScanimage.code, missingScanimage.message, { cause: error }));
      else reject(new AppError('scanner.failed', `The scanner program could not be started (${error.code ?? error.message}).`, { cause: error }));
    });
    child.on('close', (exitCode, signal) => {
      finish();
      // Anything the group left behind goes too (a wrapper's child holding our pipes is gone by now,
      // but a stray grandchild that closed its pipes early is not).
      if (child.pid !== undefined && (timedOut || cancelled)) signalGroup(child.pid, 'SIGKILL');
      clearTimeout(killTimer);
      if (pending && opts.onLine) opts.onLine(pending);
      resolve({ exitCode, signal, stdout, stderr, timedOut, cancelled, pid: child.pid });
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
