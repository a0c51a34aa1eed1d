// Real pseudo-terminal pairs from socat, standing in for a serial reader in tests and benchmarks
// (ENVIRONMENT.md: `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`). Runs in the test process.
//
// `a` is the end the code under test opens (the "reader port"); `b` is the far end a test (or the
// simulated reader) writes to. `unplug()` kills socat, which serialport reports as 'close' with
// `disconnected: true`; `replug()` starts socat again with the same link names.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PtyPair = {
  /** The folder holding the two links (removed by `close()` when this helper created it). */
  readonly dir: string;
  /** Path of the end the code under test opens, e.g. `/tmp/pty-xyz/reader`. */
  readonly a: string;
  /** Path of the far end, where the test plays the reader. */
  readonly b: string;
  /** socat's process id while it runs, else null. */
  pid(): number | null;
  /** Kills socat (as if the USB cable were pulled) and waits until it has gone. Idempotent. */
  unplug(): Promise<void>;
  /** Starts socat again with the same link names and waits until both ends exist. */
  replug(): Promise<void>;
  /** Kills socat and removes the folder. Idempotent. */
  close(): Promise<void>;
};

export type PtyPairOptions = {
  /** Folder for the links; a fresh temp folder when omitted. */
  dir?: string;
  /** Link names inside `dir`. */
  names?: [string, string];
  /** How long to wait for socat to be ready (default 5 s). */
  readyTimeoutMs?: number;
};

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed test must not leave socat running behind the test process.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** True when socat is installed (tests that need it say so when it is not). */
export function hasSocat(): boolean {
  return (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter).some((d) => fs.existsSync(path.join(d, 'socat')));
}

export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  installExitHook();
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scan-station-pty-'));
  const [nameA, nameB] = options.names ?? ['reader', 'far-end'];
  const a = path.join(dir, nameA);
  const b = path.join(dir, nameB);
  const readyTimeoutMs = options.readyTimeoutMs ?? 5000;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    // Stale links from a killed socat would make us believe it is ready before it is.
    for (const p of [a, b]) fs.rmSync(p, { force: true });
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    live.add(proc);
    exited = new Promise((resolve) => {
      proc.once('exit', () => {
        live.delete(proc);
        if (child === proc) child = null;
        resolve();
      });
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`socat was not ready within ${readyTimeoutMs} ms: ${stderr.slice(-500)}`));
      }, readyTimeoutMs);
      const check = (): void => {
        // "starting data transfer loop" is socat's -d -d message once both PTYs exist and the links are made.
        if (stderr.includes('starting data transfer loop') && fs.existsSync(a) && fs.existsSync(b)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stderr?.setEncoding('utf8');
      proc.stderr?.on('data', (text: string) => {
        stderr = (stderr + text).slice(-4000);
        check();
      });
      proc.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`socat exited early (${code ?? signal}): ${stderr.slice(-500)}`));
      });
    });
    proc.stderr?.removeAllListeners('data');
    proc.stderr?.resume();
  }

  async function unplug(): Promise<void> {
    const proc = child;
    if (!proc) return;
    proc.kill('SIGTERM');
    await exited;
  }

  await start();
  return {
    dir,
    a,
    b,
    pid: () => (child as ChildProcess | null)?.pid ?? null,
    unplug,
    async replug() {
      await unplug();
      await start();
    },
    async close() {
      await unplug();
      if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
