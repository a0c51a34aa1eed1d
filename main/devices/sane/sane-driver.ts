// Driver for flatbed and feeder scanners through SANE's `scanimage`: probes the scanner at start,
// scans on trigger (each finished page becomes an `image` event), cancels by killing the process
// group. Thin edge over the pure planning and status mapping beside it. Runs in main (plain Node).
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../app-error';
import type { Logger } from '../../logging/logger';
import { mimeOf, sniffImage } from '../device-image-bytes';
import type { Driver, DriverEvents, DriverStatus, ImageSide } from '../driver';
import { parseCapabilities, planScan, type SaneCapabilities, type ScanPlan } from './sane-capabilities';
import { describeDevice, deviceListFormat, parseDeviceList, type SaneDevice } from './sane-device-list';
import type { SaneOptions } from './sane-settings';
import { describeScanFailure, judgeScanRun, missingScanimage, timedOut, type SaneFailure } from './sane-status';
import { runScanimage, type ScanimageOptions } from './scanimage-process';

export type SaneProcessOptions = Pick<ScanimageOptions, 'scanimagePath' | 'env' | 'saneConfigDir' | 'killGraceMs'>;

export type SaneDriverOptions = SaneProcessOptions & {
  id: string;
  options: SaneOptions;
  log: Logger;
  /** Where pages are written while scanning (owner-only temp folder inside it, removed after). */
  tempDir?: string;
  /** Time allowed for listing scanners and reading their options; network scanners can be slow. */
  probeTimeoutMs?: number;
  /** Extra scanimage arguments, for tests (`--read-return-value=…`) — never from settings. */
  extraArgs?: string[];
};

export type SaneDriver = Driver & {
  readonly kind: 'sane';
  /** What the scanner offered at the last successful probe. */
  capabilities(): SaneCapabilities | null;
  /** Scans one document; resolves once its pages are out as events, rejects with the plain failure. */
  trigger(): Promise<void>;
  cancel(): Promise<void>;
};

/** Lists scanners SANE can see. Rejects with `scanner.scanimage-missing` when scanimage is absent. */
export async function listSaneDevices(opts: SaneProcessOptions & { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<SaneDevice[]> {
  const run = await runScanimage([`--formatted-device-list=${deviceListFormat}`], { ...opts, timeoutMs: opts.timeoutMs ?? 30_000 });
  if (run.timedOut) throw new AppError('scanner.timeout', 'Looking for scanners took too long. Check the scanners and press Retry.');
  if (run.exitCode !== 0) {
    const failure = describeScanFailure(run.exitCode, run.stderr);
    throw new AppError(failure.code, failure.message);
  }
  return parseDeviceList(run.stdout);
}

/** `page-%d.png` with any `%` in the folder doubled, as scanimage's batch format expects. */
function batchPattern(dir: string, ext: string): string {
  return `${dir.replaceAll('%', '%%')}${path.sep}page-%d.${ext}`;
}

export function sideOfPage(page: number, pagesPerDocument: number): ImageSide {
  return pagesPerDocument === 2 && page % 2 === 0 ? 'back' : 'front';
}

export function createSaneDriver(opts: SaneDriverOptions): SaneDriver {
  const emitter = new EventEmitter<DriverEvents>();
  const source = `sane:${opts.id}`;
  const proc: SaneProcessOptions = {
    scanimagePath: opts.scanimagePath,
    env: opts.env,
    saneConfigDir: opts.saneConfigDir,
    killGraceMs: opts.killGraceMs,
  };
  let status: DriverStatus = { state: 'offline' };
  let running = false;
  // Bumped by stop(): a probe or scan from an older run must not report into a newer one.
  let generation = 0;
  let probe: AbortController | null = null;
  let scan: { abort: AbortController; done: Promise<void> } | null = null;
  let device: SaneDevice | null = null;
  let caps: SaneCapabilities | null = null;
  let plan: ScanPlan | null = null;

  const setStatus = (next: DriverStatus) => {
    status = next;
    emitter.emit('status', next);
  };
  const readyDetail = () => `${device ? describeDevice(device) : 'Scanner'}, ${plan?.resolution ?? '?'} dpi, ${plan?.feeder ? 'feeder' : 'flatbed'}`;
  const fail = (failure: SaneFailure) => setStatus({ state: 'error', code: failure.code, message: failure.message });

  async function connect(gen: number, signal: AbortSignal): Promise<void> {
    const timeoutMs = opts.probeTimeoutMs ?? 30_000;
    let found: SaneDevice;
    if (opts.options.device) {
      found = { name: opts.options.device, vendor: '', model: '', type: '' };
    } else {
      const devices = await listSaneDevices({ ...proc, timeoutMs, signal });
      if (gen !== generation) return;
      const first = devices[0];
      if (!first) {
        fail({
          code: 'scanner.none-found',
          message: 'No scanner was found. Check that it is switched on and plugged in; Scan Station keeps looking.',
          deviceLost: true,
        });
        return;
      }
      found = first;
    }
    const run = await runScanimage(['-d', found.name, '-A'], { ...proc, timeoutMs, signal });
    if (gen !== generation) return;
    if (run.timedOut) return fail({ ...timedOut(Math.round(timeoutMs / 1000)), deviceLost: true });
    if (run.exitCode !== 0) return fail(describeScanFailure(run.exitCode, run.stderr));
    const offered = parseCapabilities(run.stdout);
    const planned = planScan(offered, opts.options);
    if (!planned.ok) return fail({ code: planned.code, message: planned.message, deviceLost: false });
    device = found;
    caps = offered;
    plan = planned.plan;
    setStatus({ state: 'ready', detail: readyDetail() });
  }

  async function readPage(file: string, page: number, pages: number, gen: number): Promise<void> {
    const bytes = await fs.readFile(file);
    // The page is personal data: it lives on only in the event (the store seals it).
    await fs.rm(file, { force: true });
    const kind = sniffImage(bytes);
    if (kind !== 'jpeg' && kind !== 'png') throw new Error(`page ${page} is not a JPEG or PNG`);
    const meta = await sharp(bytes).metadata();
    if (gen !== generation) return;
    emitter.emit('image', {
      side: sideOfPage(page, pages),
      light: opts.options.light,
      mime: mimeOf[kind],
      bytes,
      dpi: meta.density ?? plan?.resolution,
      source,
    });
  }

  async function runScan(gen: number, abort: AbortController, p: ScanPlan, dev: SaneDevice): Promise<void> {
    let failure: SaneFailure | null;
    try {
      failure = await scanPages(gen, abort, p, dev);
    } catch (error) {
      // Only our own plumbing gets here (temp folder, spawn); scanimage's failures are mapped above.
      if (error instanceof AppError) failure = { code: error.code, message: error.message, deviceLost: error.code === missingScanimage.code };
      else failure = { code: 'scanner.failed', message: 'The scan could not be started. Press Scan again; if it keeps failing, restart Scan Station.', deviceLost: false };
      opts.log.error({ device: opts.id, err: error instanceof AppError ? error.code : error }, 'scan could not run');
    }
    if (gen !== generation) return;
    if (failure) {
      opts.log.warn({ device: opts.id, code: failure.code }, 'scan failed');
      emitter.emit('read-error', { code: failure.code, message: failure.message });
      emitter.emit('document-removed');
      if (failure.deviceLost) fail(failure);
      else setStatus({ state: 'ready', detail: readyDetail() });
      throw new AppError(failure.code, failure.message);
    }
    emitter.emit('document-removed');
    setStatus({ state: 'ready', detail: readyDetail() });
  }

  /** Runs scanimage in batch mode and emits each page; the failure, if any, for runScan to report. */
  async function scanPages(gen: number, abort: AbortController, p: ScanPlan, dev: SaneDevice): Promise<SaneFailure | null> {
    const ext = opts.options.format === 'png' ? 'png' : 'jpg';
    const dir = await fs.mkdtemp(path.join(opts.tempDir ?? os.tmpdir(), 'scan-station-sane-'));
    let pagesDone = 0;
    let pageWork: Promise<void> = Promise.resolve();
    const pageErrors: unknown[] = [];
    try {
      const args = [
        '-d',
        dev.name,
        `--format=${opts.options.format}`,
        '--resolution',
        String(p.resolution),
        ...(p.mode ? ['--mode', p.mode] : []),
        ...(p.source ? ['--source', p.source] : []),
        `--batch=${batchPattern(dir, ext)}`,
        `--batch-count=${p.pages}`,
        '--batch-print',
        ...(opts.extraArgs ?? []),
      ];
      const run = await runScanimage(args, {
        ...proc,
        cwd: dir,
        timeoutMs: opts.options.timeoutSeconds * 1000,
        signal: abort.signal,
        // --batch-print names each page once scanimage has renamed it from `.part` into place.
        onLine: (line) => {
          const file = path.resolve(dir, line.trim());
          if (path.dirname(file) !== dir) return;
          pagesDone += 1;
          const page = pagesDone;
          pageWork = pageWork.then(() => readPage(file, page, p.pages, gen)).catch((error: unknown) => void pageErrors.push(error));
        },
      });
      await pageWork;
      if (run.cancelled) return describeScanFailure(2, '');
      if (run.timedOut) return timedOut(opts.options.timeoutSeconds);
      const failure = judgeScanRun({ exitCode: run.exitCode, stderr: run.stderr, pages: pagesDone, feeder: p.feeder });
      if (failure) return failure;
      if (pageErrors.length) {
        return { code: 'scanner.bad-page', message: 'The scanner sent a page Scan Station could not read. Press Scan again.', deviceLost: false };
      }
      opts.log.info({ device: opts.id, pages: pagesDone }, 'scan done');
      return null;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  const driver = Object.assign(emitter, {
    id: opts.id,
    kind: 'sane' as const,

    async start() {
      if (running) return;
      running = true;
      const gen = ++generation;
      const controller = new AbortController();
      probe = controller;
      setStatus({ state: 'connecting', detail: opts.options.device ?? 'Looking for a scanner' });
      void connect(gen, controller.signal)
        .catch((error: unknown) => {
          if (gen !== generation) return;
          const failure =
            error instanceof AppError
              ? { code: error.code, message: error.message, deviceLost: true }
              : { code: 'scanner.failed', message: 'The scanner could not be opened. Press Retry.', deviceLost: true };
          fail(failure);
        })
        .finally(() => {
          if (probe === controller) probe = null;
        });
    },

    async stop() {
      if (!running) return;
      running = false;
      generation += 1;
      probe?.abort();
      probe = null;
      const current = scan;
      current?.abort.abort();
      await current?.done.catch(() => undefined);
      setStatus({ state: 'offline' });
    },

    async trigger() {
      if (status.state === 'reading') throw new AppError('scanner.busy', 'The scanner is already scanning. Wait for it to finish.');
      if (!running || status.state !== 'ready' || !plan || !device) {
        const why = status.state === 'error' ? status.message : 'The scanner is not ready yet. Wait a moment and press Scan again.';
        throw new AppError('scanner.not-ready', why);
      }
      const gen = generation;
      const abort = new AbortController();
      setStatus({ state: 'reading', detail: readyDetail() });
      emitter.emit('document-present');
      const done = runScan(gen, abort, plan, device);
      scan = { abort, done };
      try {
        await done;
      } finally {
        if (scan?.done === done) scan = null;
      }
    },

    async cancel() {
      const current = scan;
      if (!current) return;
      current.abort.abort();
      await current.done.catch(() => undefined);
    },

    capabilities: () => caps,
  });
  return driver as SaneDriver;
}
