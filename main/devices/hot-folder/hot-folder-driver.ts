// Driver for vendor reader software that drops each scan into a folder: polls it, takes whole
// scans only, emits their MRZ and images, and moves them to done/ (or failed/ with the reason).
// Thin edge over folder-tracker, scan-names and sidecar. Runs in main (plain Node).
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logging/logger';
import { inspectImage, type ImageLimits, type InspectedImage } from '../device-image-check';
import type { Driver, DriverEvents, DriverStatus, ImageEvent, ImageLight, ImageSide } from '../driver';
import { createFolderTracker, type ListedFile, type ReadyScan } from './folder-tracker';
import type { HotFolderOptions } from './hot-folder-settings';
import { classifyScanFile } from './scan-names';
import { parseSidecar } from './sidecar';

export type HotFolderDriverOptions = {
  id: string;
  options: HotFolderOptions;
  log: Logger;
  now?: () => number;
  /** Runs `fn` after `ms` and returns a canceller; tests replace it and poll with pollNow(). */
  schedule?: (fn: () => void, ms: number) => () => void;
  imageLimits?: Partial<ImageLimits>;
};

export type HotFolderDriver = Driver & {
  readonly kind: 'hot-folder';
  /** Lists the folder once now (serialised with the timer's polls); resolves when its scans are handled. */
  pollNow(): Promise<void>;
};

export const doneFolder = 'done';
export const failedFolder = 'failed';

/** Bytes of a bad file kept in a read-error for support (never logged). */
const maxRawBytes = 4096;
const pruneEveryMs = 10 * 60 * 1000;

const sideOrder: Record<ImageSide, number> = { front: 0, back: 1 };
const lightOrder: Record<ImageLight, number> = { white: 0, ir: 1, uv: 2 };

type Taken = { images: Array<ImageEvent>; mrz: { lines: string[]; raw: Uint8Array } | null };

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export function createHotFolderDriver(opts: HotFolderDriverOptions): HotFolderDriver {
  const emitter = new EventEmitter<DriverEvents>();
  const folder = opts.options.folder;
  const now = opts.now ?? Date.now;
  const schedule = opts.schedule ?? defaultSchedule;
  const source = `hot-folder:${opts.id}`;
  let status: DriverStatus = { state: 'offline' };
  let running = false;
  let generation = 0;
  let cancelTimer: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();
  let tracker = newTracker();
  let lastPrune = Number.NEGATIVE_INFINITY;

  function newTracker() {
    return createFolderTracker({
      stablePolls: opts.options.stablePolls,
      settleMs: opts.options.settleMs,
      giveUpMs: opts.options.incompleteGraceMs,
    });
  }

  const setStatus = (next: DriverStatus) => {
    status = next;
    emitter.emit('status', next);
  };

  function folderProblem(error: unknown): DriverStatus {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        state: 'error',
        code: 'folder.missing',
        message: `The scan folder ${folder} cannot be found. Check the folder in Settings, or that the network share is connected; Scan Station keeps checking.`,
      };
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return {
        state: 'error',
        code: 'folder.no-access',
        message: `Scan Station may not read and write the scan folder ${folder}. Ask your administrator to give this user access to it.`,
      };
    }
    return {
      state: 'error',
      code: 'folder.unavailable',
      message: `The scan folder ${folder} cannot be read (${code ?? 'unknown error'}). Check the folder or network share; Scan Station keeps checking.`,
    };
  }

  async function openFolder(gen: number): Promise<void> {
    try {
      const info = await fs.stat(folder);
      if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await fs.access(folder, fsConstants.R_OK | fsConstants.W_OK | fsConstants.X_OK);
      // done/ and failed/ are made inside a folder that exists, never the folder itself: a share
      // that is not mounted must not be papered over by a local folder of the same name.
      await fs.mkdir(path.join(folder, doneFolder), { recursive: true });
      await fs.mkdir(path.join(folder, failedFolder), { recursive: true });
    } catch (error) {
      if (gen === generation) setStatus(folderProblem(error));
      return;
    }
    if (gen !== generation) return;
    setStatus({ state: 'ready', detail: `Watching ${folder}` });
    scheduleNext(gen);
  }

  function scheduleNext(gen: number) {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void pollNow().finally(() => {
        if (running && gen === generation && status.state !== 'error') scheduleNext(gen);
      });
    }, opts.options.pollIntervalMs);
  }

  function pollNow(): Promise<void> {
    const gen = generation;
    chain = chain
      .then(() => pollOnce(gen))
      .catch((error: unknown) => {
        opts.log.error({ device: opts.id, err: error }, 'hot folder poll failed');
      });
    return chain;
  }

  async function pollOnce(gen: number): Promise<void> {
    if (!running || gen !== generation || status.state === 'error') return;
    let listed: ListedFile[];
    try {
      listed = await listFiles();
    } catch (error) {
      if (gen === generation) setStatus(folderProblem(error));
      return;
    }
    for (const scan of tracker.observe(listed, now())) {
      if (gen !== generation) return;
      await takeScan(scan, gen);
    }
    if (gen === generation) await pruneDone();
  }

  async function listFiles(): Promise<ListedFile[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const files: ListedFile[] = [];
    // Regular files only: sub-folders (done/, failed/) and symlinks (which could point anywhere) are left alone.
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      try {
        const info = await fs.stat(path.join(folder, entry.name));
        files.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
      } catch {
        // Gone between the listing and the stat (renamed away by its writer): not ours.
      }
    }
    return files;
  }

  /** Reads, checks and hands on one whole scan; 'later' when an image may still be being written. */
  async function readScan(scan: ReadyScan): Promise<{ ok: true; taken: Taken } | { ok: false; reason: string; raw?: Uint8Array } | 'later' | 'gone'> {
    const taken: Taken = { images: [], mrz: null };
    let sidecars = 0;
    for (const name of scan.files) {
      const file = classifyScanFile(name);
      if (file.role === 'ignored') continue;
      let bytes: Uint8Array;
      try {
        const info = await fs.stat(path.join(folder, name));
        const limit = file.role === 'sidecar' ? 256 * 1024 : (opts.imageLimits?.maxBytes ?? 40 * 1024 * 1024);
        if (info.size > limit) return { ok: false, reason: `${name} is too large (${Math.round(info.size / 1024)} KB)` };
        bytes = await fs.readFile(path.join(folder, name));
      } catch {
        return 'gone';
      }
      if (file.role === 'sidecar') {
        sidecars += 1;
        const parsed = parseSidecar(bytes, file.format);
        if (!parsed.ok) return { ok: false, reason: `${name}: ${parsed.reason}`, raw: bytes.subarray(0, maxRawBytes) };
        if (parsed.mrz) taken.mrz = { lines: parsed.mrz, raw: bytes.subarray(0, maxRawBytes) };
        continue;
      }
      const image = await inspectImage(bytes, { accept: ['jpeg', 'png', 'tiff'], limits: opts.imageLimits });
      if (!image.ok) {
        // A writer may pause longer than the stable polls; wait for it before calling the file broken.
        const empty = bytes.length === 0;
        if ((image.problem === 'truncated' || empty) && now() - scan.lastChange < opts.options.incompleteGraceMs) return 'later';
        const why = empty ? 'the file is empty' : image.reason;
        return { ok: false, reason: `${name}: ${why}`, raw: bytes.subarray(0, 64) };
      }
      const clash = taken.images.find((i) => i.side === file.side && i.light === file.light);
      if (clash) return { ok: false, reason: `two images of the ${file.side} in ${file.light} light` };
      taken.images.push(toEvent(image, file.side, file.light));
    }
    if (sidecars > 1) return { ok: false, reason: 'more than one sidecar (JSON/XML) file' };
    if (!taken.images.length && !taken.mrz) return { ok: false, reason: 'it has neither an image nor an MRZ' };
    taken.images.sort((a, b) => sideOrder[a.side] - sideOrder[b.side] || lightOrder[a.light] - lightOrder[b.light]);
    return { ok: true, taken };
  }

  function toEvent(image: InspectedImage, side: ImageSide, light: ImageLight): ImageEvent {
    return { side, light, mime: image.mime, bytes: image.bytes, ...(image.dpi ? { dpi: image.dpi } : {}), source };
  }

  async function takeScan(scan: ReadyScan, gen: number): Promise<void> {
    const result = await readScan(scan);
    if (result === 'later' || result === 'gone' || gen !== generation) return;
    if (!result.ok) {
      opts.log.warn({ device: opts.id, files: scan.files.length }, 'hot folder scan rejected');
      const moved = await moveAll(failedFolder, scan.files);
      if (moved) await writeReason(scan.scan, result.reason);
      emitter.emit('read-error', {
        code: 'folder.bad-scan',
        message: `A scan in the scan folder could not be used: ${result.reason}. It was moved to the "${failedFolder}" folder; scan the document again.`,
        ...(result.raw ? { raw: Uint8Array.from(result.raw) } : {}),
      });
      return;
    }
    const { images, mrz } = result.taken;
    setStatus({ state: 'reading', detail: `Watching ${folder}` });
    emitter.emit('document-present');
    if (mrz) emitter.emit('mrz', { lines: mrz.lines, raw: Uint8Array.from(mrz.raw), partial: mrz.lines.length < 2, source });
    for (const image of images) emitter.emit('image', image);
    emitter.emit('document-removed');
    opts.log.info({ device: opts.id, images: images.length, mrz: mrz !== null }, 'hot folder scan taken');
    await moveAll(doneFolder, scan.files);
    if (gen === generation) setStatus({ state: 'ready', detail: `Watching ${folder}` });
  }

  /** Moves files into a sub-folder, never overwriting; false (files then left alone) when it cannot. */
  async function moveAll(sub: string, names: string[]): Promise<boolean> {
    const left = [...names];
    try {
      while (left.length) {
        const name = left[0]!;
        await fs.rename(path.join(folder, name), await freeName(path.join(folder, sub), name));
        left.shift();
      }
      return true;
    } catch (error) {
      // Without this the scan would be taken again at every poll.
      tracker.ignoreUntilChanged(left);
      opts.log.error({ device: opts.id, code: (error as NodeJS.ErrnoException).code }, 'hot folder could not move a scan');
      emitter.emit('read-error', {
        code: 'folder.cannot-move',
        message: `Scan Station could not move a scan into the "${sub}" folder of ${folder}. Ask your administrator to check the folder's permissions.`,
      });
      return false;
    }
  }

  async function writeReason(scan: string, reason: string): Promise<void> {
    const file = await freeName(path.join(folder, failedFolder), `${scan}.reason.txt`);
    const text = `Scan Station could not use this scan (${new Date(now()).toISOString()}):\n${reason}.\n`;
    await fs.writeFile(file, text, { mode: 0o640 }).catch(() => undefined);
  }

  async function pruneDone(): Promise<void> {
    const hours = opts.options.doneRetentionHours;
    const t = now();
    if (hours === 0 || t - lastPrune < pruneEveryMs) return;
    lastPrune = t;
    const dir = path.join(folder, doneFolder);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(dir, name);
      const info = await fs.lstat(file).catch(() => null);
      // Identity documents are kept no longer than needed (DESIGN: Purge).
      if (info?.isFile() && t - info.mtimeMs > hours * 3600_000) await fs.rm(file, { force: true });
    }
  }

  const driver = Object.assign(emitter, {
    id: opts.id,
    kind: 'hot-folder' as const,

    async start() {
      if (running) return;
      running = true;
      const gen = ++generation;
      tracker = newTracker();
      setStatus({ state: 'connecting', detail: folder });
      await openFolder(gen);
    },

    async stop() {
      if (!running) return;
      running = false;
      generation += 1;
      cancelTimer?.();
      cancelTimer = null;
      await chain;
      setStatus({ state: 'offline' });
    },

    pollNow,
  });
  return driver as HotFolderDriver;
}

/** `dir/name`, or `dir/name~2…` (the suffix before the first dot) when that is taken. */
async function freeName(dir: string, name: string): Promise<string> {
  const dot = name.indexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const rest = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, n === 1 ? name : `${stem}~${n}${rest}`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}
