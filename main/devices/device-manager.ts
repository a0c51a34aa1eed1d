// Runs the configured readers: creates their drivers from settings, forwards their events with the
// device id, reconnects with backoff after a failure or unplug (no restart needed), keeps a status
// snapshot for the UI, runs "test this reader", and keeps failed reads' raw bytes for support.
// Runs in main (plain Node).
import { EventEmitter } from 'node:events';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import { exponentialBackoff, type Backoff } from './device-backoff';
import { createFailedReadRing, type FailedRead } from './device-failed-reads';
import type { ManagerDeviceView, TestReadResult } from './manager-view';
import type { DeviceConfig, DeviceSettings } from './device-settings';
import type { Driver, DriverStatus, ImageEvent, MrzEvent, ReadErrorEvent } from './driver';
import type { DriverRegistry } from './driver-registry';
import type { SaneDevice } from './sane/sane-device-list';

/** A serial port as list-serial-ports.ts reports it (only the fields the manager passes on). */
export type SerialPortSummary = {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
  /** Set when the vendor/product ids belong to a known reader, e.g. "Access IS ATOM". */
  knownReader?: string | null;
};

export type DeviceManagerEvents = {
  /** The whole status snapshot, after any change. */
  changed: [ManagerDeviceView[]];
  status: [string, DriverStatus];
  'document-present': [string];
  'document-removed': [string];
  mrz: [string, MrzEvent];
  image: [string, ImageEvent];
  'read-error': [string, ReadErrorEvent];
};

export type DeviceManagerOptions = {
  registry: DriverRegistry;
  log: Logger;
  now?: () => number;
  backoff?: Backoff;
  /** Runs `fn` after `ms`, returning a canceller; tests replace it to control reconnect timing. */
  schedule?: (fn: () => void, ms: number) => () => void;
  listSerialPorts?: () => Promise<SerialPortSummary[]>;
  listScanners?: () => Promise<SaneDevice[]>;
  failedReadCapacity?: number;
  /** A driver whose start() has not returned by then counts as failed. */
  startTimeoutMs?: number;
  /** A driver whose stop() hangs is abandoned after this. */
  stopTimeoutMs?: number;
};

export type DeviceManager = EventEmitter<DeviceManagerEvents> & {
  /** Makes the running devices match the settings: starts new ones, restarts changed ones, stops removed ones. */
  apply(settings: DeviceSettings): Promise<void>;
  list(): ManagerDeviceView[];
  /** The running driver of a device (e.g. the camera driver for camera.submitStill). */
  get(id: string): Driver | undefined;
  trigger(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  /** "Retry": reconnects now, forgetting the backoff. */
  reconnect(id: string): Promise<void>;
  /** Waits for the device's next MRZ or image (triggering it where it can), or says what went wrong. */
  testRead(id: string, timeoutMs: number): Promise<TestReadResult>;
  failedReads(): FailedRead[];
  /** Serial ports and SANE scanners, for "add a reader"; a failing lister leaves a problem, not an error. */
  discover(): Promise<{ serialPorts: SerialPortSummary[]; scanners: SaneDevice[]; problems: Array<{ code: string; message: string }> }>;
  stop(): Promise<void>;
};

type Entry = {
  config: DeviceConfig;
  /** Settings as compared between apply() calls. */
  key: string;
  driver: Driver | null;
  status: DriverStatus;
  lastError: { code: string; message: string; at: number } | null;
  /** Consecutive failed connections (reset once the device is ready). */
  attempt: number;
  retry: { cancel: () => void; at: number } | null;
  /** Bumped whenever the driver is replaced: events from an older driver are ignored. */
  epoch: number;
  detach: () => void;
  /** Lifecycle steps of this device run one after another (a port is closed before it is reopened). */
  queue: Promise<void>;
  removed: boolean;
};

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

const disabledStatus: DriverStatus = { state: 'offline', detail: 'Turned off in Settings.' };

export function createDeviceManager(opts: DeviceManagerOptions): DeviceManager {
  const emitter = new EventEmitter<DeviceManagerEvents>();
  const log = opts.log;
  const now = opts.now ?? Date.now;
  const backoff = opts.backoff ?? exponentialBackoff();
  const schedule = opts.schedule ?? defaultSchedule;
  const startTimeoutMs = opts.startTimeoutMs ?? 20_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 5_000;
  const ring = createFailedReadRing({ capacity: opts.failedReadCapacity ?? 32 });
  const entries = new Map<string, Entry>();
  let order: string[] = [];
  let applying: Promise<void> = Promise.resolve();
  let stopped = false;

  const view = (e: Entry): ManagerDeviceView => ({
    id: e.config.id,
    kind: e.config.kind,
    label: e.config.label,
    enabled: e.config.enabled,
    status: e.config.enabled ? e.status : disabledStatus,
    lastError: e.lastError,
    reconnect: e.retry ? { attempt: e.attempt, at: e.retry.at } : null,
    canTrigger: typeof e.driver?.trigger === 'function',
  });
  const list = () => order.flatMap((id) => (entries.has(id) ? [view(entries.get(id)!)] : []));
  const changed = () => emitter.emit('changed', list());

  const enqueue = (e: Entry, step: () => Promise<void>): Promise<void> => {
    e.queue = e.queue.then(step).catch((error: unknown) => log.error({ device: e.config.id, err: error }, 'device step failed'));
    return e.queue;
  };

  function recordError(e: Entry, code: string, message: string) {
    e.lastError = { code, message, at: now() };
  }

  /** Creates, wires and starts the driver; any failure leads to a scheduled reconnect. */
  async function connect(e: Entry): Promise<void> {
    if (e.removed || stopped) return;
    const epoch = ++e.epoch;
    const id = e.config.id;
    let driver: Driver;
    try {
      driver = opts.registry.create(e.config, { log: log.child({ device: id, kind: e.config.kind }), now });
    } catch (error) {
      return failed(e, epoch, error);
    }
    e.driver = driver;
    const live = () => e.epoch === epoch && !e.removed;
    const onStatus = (status: DriverStatus) => {
      if (!live()) return;
      e.status = status;
      log.info({ device: id, state: status.state, ...(status.state === 'error' ? { code: status.code } : {}) }, 'device status');
      if (status.state === 'ready') e.attempt = 0;
      if (status.state === 'error') recordError(e, status.code, status.message);
      emitter.emit('status', id, status);
      changed();
      // A driver reports `error` when its device is unusable (unplugged, port taken): reconnect,
      // unless the driver does that itself.
      if (status.state === 'error' && !opts.registry.traits(e.config.kind).reconnectsItself) scheduleReconnect(e, epoch);
    };
    const onReadError = (event: ReadErrorEvent) => {
      if (!live()) return;
      recordError(e, event.code, event.message);
      if (event.raw?.length) ring.push({ deviceId: id, at: now(), code: event.code, raw: event.raw });
      // Only the code: the message may quote what the reader sent, the raw bytes may hold an MRZ.
      log.warn({ device: id, code: event.code, rawBytes: event.raw?.length ?? 0 }, 'read failed');
      emitter.emit('read-error', id, event);
      changed();
    };
    const onMrz = (event: MrzEvent) => live() && emitter.emit('mrz', id, event);
    const onImage = (event: ImageEvent) => live() && emitter.emit('image', id, event);
    const onPresent = () => live() && emitter.emit('document-present', id);
    const onRemoved = () => live() && emitter.emit('document-removed', id);
    driver.on('status', onStatus);
    driver.on('read-error', onReadError);
    driver.on('mrz', onMrz);
    driver.on('image', onImage);
    driver.on('document-present', onPresent);
    driver.on('document-removed', onRemoved);
    e.detach = () => {
      driver.off('status', onStatus);
      driver.off('read-error', onReadError);
      driver.off('mrz', onMrz);
      driver.off('image', onImage);
      driver.off('document-present', onPresent);
      driver.off('document-removed', onRemoved);
    };
    try {
      await withTimeout(Promise.resolve().then(() => driver.start()), startTimeoutMs, 'start');
    } catch (error) {
      failed(e, epoch, error);
    }
  }

  function failed(e: Entry, epoch: number, error: unknown) {
    if (e.epoch !== epoch || e.removed) return;
    const code = error instanceof AppError ? error.code : error instanceof StepTimeout ? 'device.start-timeout' : 'device.start-failed';
    const message =
      error instanceof AppError
        ? error.message
        : error instanceof StepTimeout
          ? `"${e.config.label}" did not answer when it was started. Check that it is plugged in; Scan Station tries again by itself.`
          : `"${e.config.label}" could not be started. Check that it is plugged in; Scan Station tries again by itself.`;
    log.warn({ device: e.config.id, code, err: error instanceof AppError ? undefined : error }, 'device start failed');
    e.status = { state: 'error', code, message };
    recordError(e, code, message);
    emitter.emit('status', e.config.id, e.status);
    changed();
    scheduleReconnect(e, epoch);
  }

  /** Stops the failed driver, then starts a fresh one after the backoff delay. */
  function scheduleReconnect(e: Entry, epoch: number) {
    if (e.retry || e.removed || stopped || e.epoch !== epoch) return;
    // A kind this build has no driver for will not grow one by retrying.
    if (e.lastError?.code === 'device.unsupported') return;
    e.attempt += 1;
    const delay = backoff(e.attempt);
    // Claimed before the old driver is even stopped, so a second error cannot schedule twice.
    const retry = { cancel: () => undefined as void, at: now() + delay };
    e.retry = retry;
    void enqueue(e, () => release(e));
    const cancel = schedule(() => {
      if (e.retry !== retry) return;
      e.retry = null;
      void enqueue(e, () => connect(e));
    }, delay);
    retry.cancel = cancel;
    log.info({ device: e.config.id, attempt: e.attempt, delayMs: delay }, 'device reconnect scheduled');
    changed();
  }

  /** Detaches and stops the current driver; a stop that throws or hangs is logged and abandoned. */
  async function release(e: Entry): Promise<void> {
    const driver = e.driver;
    e.driver = null;
    e.detach();
    e.detach = () => undefined;
    if (!driver) return;
    try {
      await withTimeout(Promise.resolve().then(() => driver.stop()), stopTimeoutMs, 'stop');
    } catch (error) {
      log.warn({ device: e.config.id, err: error instanceof AppError ? error.code : error }, 'device stop failed');
    }
  }

  function cancelRetry(e: Entry) {
    e.retry?.cancel();
    e.retry = null;
  }

  function entryOf(id: string): Entry {
    const e = entries.get(id);
    if (!e) throw new AppError('device.unknown', 'That reader is not configured any more. Reopen the devices screen.');
    return e;
  }

  function ready(e: Entry): Driver {
    const driver = e.driver;
    if (!e.config.enabled) throw new AppError('device.disabled', `"${e.config.label}" is turned off in Settings.`, { params: { device: e.config.label } });
    if (!driver || (e.status.state !== 'ready' && e.status.state !== 'reading')) {
      const why = e.status.state === 'error' ? ` ${e.status.message}` : ' Wait for it to connect, then try again.';
      throw new AppError('device.not-ready', `"${e.config.label}" is not connected.${why}`, { params: { device: e.config.label } });
    }
    return driver;
  }

  async function applySettings(settings: DeviceSettings): Promise<void> {
    const wanted = new Map(settings.devices.map((c) => [c.id, c]));
    for (const [id, e] of entries) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === e.key) continue;
      // Removed or changed: stop the old driver first, so a changed device never has two.
      e.removed = true;
      cancelRetry(e);
      entries.delete(id);
      await enqueue(e, () => release(e));
    }
    order = settings.devices.map((c) => c.id);
    for (const config of settings.devices) {
      if (entries.has(config.id)) continue;
      const e: Entry = {
        config,
        key: JSON.stringify(config),
        driver: null,
        status: config.enabled ? { state: 'connecting' } : disabledStatus,
        lastError: null,
        attempt: 0,
        retry: null,
        epoch: 0,
        detach: () => undefined,
        queue: Promise.resolve(),
        removed: false,
      };
      entries.set(config.id, e);
      if (config.enabled) void enqueue(e, () => connect(e));
    }
    changed();
  }

  const manager = Object.assign(emitter, {
    apply(settings: DeviceSettings) {
      if (stopped) return Promise.reject(new Error('device manager is stopped'));
      applying = applying.then(() => applySettings(settings));
      return applying;
    },

    list,

    get: (id: string) => entries.get(id)?.driver ?? undefined,

    async trigger(id: string) {
      const driver = ready(entryOf(id));
      if (!driver.trigger) throw new AppError('device.no-trigger', 'This reader reads by itself when a document is placed on it.');
      await driver.trigger();
    },

    async cancel(id: string) {
      await entryOf(id).driver?.cancel?.();
    },

    async reconnect(id: string) {
      const e = entryOf(id);
      if (!e.config.enabled) throw new AppError('device.disabled', `"${e.config.label}" is turned off in Settings.`, { params: { device: e.config.label } });
      cancelRetry(e);
      e.attempt = 0;
      e.status = { state: 'connecting' };
      changed();
      await enqueue(e, async () => {
        await release(e);
        await connect(e);
      });
    },

    async testRead(id: string, timeoutMs: number): Promise<TestReadResult> {
      const e = entryOf(id);
      const started = now();
      const elapsedMs = () => Math.max(0, Math.round(now() - started));
      let driver: Driver;
      try {
        driver = ready(e);
      } catch (error) {
        const { code, message } = error as AppError;
        return { ok: false, elapsedMs: 0, code, message };
      }
      return new Promise<TestReadResult>((resolve) => {
        let done = false;
        const finish = (result: TestReadResult) => {
          if (done) return;
          done = true;
          cancelTimer();
          emitter.off('mrz', onMrz);
          emitter.off('image', onImage);
          emitter.off('read-error', onError);
          resolve(result);
        };
        const onMrz = (from: string, m: MrzEvent) =>
          from === id && finish({ ok: true, what: 'mrz', elapsedMs: elapsedMs(), lineLengths: m.lines.map((l) => l.length), partial: m.partial });
        const onImage = (from: string, i: ImageEvent) =>
          from === id &&
          finish({ ok: true, what: 'image', elapsedMs: elapsedMs(), side: i.side, light: i.light, mime: i.mime, bytes: i.bytes.length, dpi: i.dpi ?? null });
        const onError = (from: string, r: ReadErrorEvent) => from === id && finish({ ok: false, elapsedMs: elapsedMs(), code: r.code, message: r.message });
        emitter.on('mrz', onMrz);
        emitter.on('image', onImage);
        emitter.on('read-error', onError);
        const seconds = Math.round(timeoutMs / 1000);
        const cancelTimer = schedule(() => {
          const hint = driver.trigger ? 'Check that a document is on the reader and try again.' : 'Place a document on the reader within that time and try again.';
          finish({ ok: false, elapsedMs: elapsedMs(), code: 'device.test-timeout', message: `Nothing was read within ${seconds} seconds. ${hint}` });
        }, timeoutMs);
        if (driver.trigger) {
          driver.trigger().catch((error: unknown) => {
            const known = error instanceof AppError;
            finish({
              ok: false,
              elapsedMs: elapsedMs(),
              code: known ? error.code : 'device.test-failed',
              message: known ? error.message : `"${e.config.label}" could not be asked to read. Try again; if it keeps failing, press Retry.`,
            });
          });
        }
      });
    },

    failedReads: () => ring.list(),

    async discover() {
      const problems: Array<{ code: string; message: string }> = [];
      const attempt = async <T>(lister: (() => Promise<T[]>) | undefined, what: string): Promise<T[]> => {
        if (!lister) return [];
        try {
          return await lister();
        } catch (error) {
          problems.push(
            error instanceof AppError ? { code: error.code, message: error.message } : { code: 'device.list-failed', message: `The list of ${what} could not be read. Try again.` },
          );
          return [];
        }
      };
      const [serialPorts, scanners] = await Promise.all([attempt(opts.listSerialPorts, 'serial ports'), attempt(opts.listScanners, 'scanners')]);
      return { serialPorts, scanners, problems };
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      await applying.catch(() => undefined);
      const all = [...entries.values()];
      for (const e of all) {
        e.removed = true;
        cancelRetry(e);
      }
      await Promise.all(all.map((e) => enqueue(e, () => release(e))));
      entries.clear();
      order = [];
    },
  });
  return manager as DeviceManager;
}

class StepTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`driver ${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
