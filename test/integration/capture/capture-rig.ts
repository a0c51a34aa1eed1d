// A capture rig with real parts: the device service (real drivers), the capture service, a real
// store in a temp folder and the dispatcher with the capture and device handlers, as the app wires
// them. Free disk space is adjustable so a test can fill the disk. Runs under vitest.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { CaptureDraft, DeviceView, InvokeChannel } from '../../../preload/contract';
import { createDispatcher, type Dispatcher } from '../../../main/app/dispatcher';
import { registerCaptureHandlers } from '../../../main/app/handlers/capture-handlers';
import { createCaptureService, type CaptureService } from '../../../main/capture/capture-service';
import { createDeviceService, type DeviceService, type DeviceServiceOptions } from '../../../main/capture/device-service';
import { simulatedReaderPlugin } from '../../../main/demo/simulated-reader/simulated-reader-plugin';
import { defaultQualityThresholds } from '../../../main/capture/quality-checks';
import { ephemeralCustody } from '../../../main/store/key-custody';
import { exponentialBackoff } from '../../../main/devices/device-backoff';
import { DeviceSettings } from '../../../main/devices/device-settings';
import { openStore, type Store } from '../../../main/store/open-store';
import { recordingLogger } from '../../unit/main/capture/capture-fixtures';

export const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
export const today = '2026-05-01';

export type CaptureRig = {
  dir: string;
  store: Store;
  devices: DeviceService;
  capture: CaptureService;
  dispatcher: Dispatcher;
  /** Calls a channel as a transport would; resolves with the envelope. */
  call(channel: InvokeChannel, payload?: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }>;
  /** Like call, but throws on a failure envelope. */
  value<T>(channel: InvokeChannel, payload?: unknown): Promise<T>;
  /** Waits for a `capture.changed` (or the current draft) that satisfies `test`. */
  untilDraft(test: (draft: CaptureDraft | null) => boolean, timeoutMs?: number): Promise<CaptureDraft | null>;
  untilDevices(test: (list: DeviceView[]) => boolean, timeoutMs?: number): Promise<DeviceView[]>;
  /** For each afterSave: whether another connection already saw the application and its image files. */
  saves: Array<{ appId: string; committed: boolean; files: number }>;
  setFreeBytes(bytes: number): void;
  logText(): string;
  close(): Promise<void>;
};

export async function openCaptureRig(opts: { settings?: unknown; demo?: boolean; device?: Partial<DeviceServiceOptions> } = {}): Promise<CaptureRig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-rig-'));
  const recorder = recordingLogger();
  const log = recorder.log;
  let freeBytes = 50 * 1024 * 1024 * 1024;
  const store = openStore({ dataDir: dir, custody: ephemeralCustody(), log, freeBytes: () => freeBytes });
  store.recover();
  const settings = DeviceSettings.parse(opts.settings ?? {});
  const deviceLists: DeviceView[][] = [];
  const deviceWaiters = new Set<() => void>();
  const devices = createDeviceService({
    settings: () => settings,
    demo: opts.demo ?? true,
    resourcesDir,
    log,
    simulatedReader: simulatedReaderPlugin({ resourcesDir, today: () => today }),
    backoff: exponentialBackoff({ initialMs: 50, maxMs: 500, jitter: 0 }),
    onDevicesChanged: (list) => {
      deviceLists.push(list);
      for (const w of deviceWaiters) w();
    },
    ...opts.device,
  });
  const drafts: Array<CaptureDraft | null> = [];
  const draftWaiters = new Set<() => void>();
  const saves: CaptureRig['saves'] = [];
  const capture = createCaptureService({
    devices,
    saveCapture: (input) => store.capture.saveCapture(input),
    afterSave: (appId) => {
      // A second connection sees only what has committed.
      const db = new Database(path.join(dir, 'scan-station.sqlite'), { readonly: true });
      try {
        const committed = db.prepare('SELECT COUNT(*) AS n FROM applications WHERE id = ?').get(appId) as { n: number };
        const names = db.prepare('SELECT file_name FROM images WHERE app_id = ?').pluck().all(appId) as string[];
        saves.push({ appId, committed: committed.n === 1, files: names.filter((n) => fs.existsSync(path.join(store.imagesDir, n))).length });
      } finally {
        db.close();
      }
    },
    who: () => ({ staffId: 'staff-1', accountId: 'kiosk' }),
    online: () => true,
    thresholds: () => defaultQualityThresholds,
    fieldDefinitions: async () => [],
    today: () => today,
    now: Date.now,
    newId: randomUUID,
    log,
    onChange: (draft) => {
      drafts.push(draft);
      for (const w of draftWaiters) w();
    },
  });
  const dispatcher = createDispatcher(log);
  registerCaptureHandlers(dispatcher, capture, devices);
  await devices.apply();

  const call: CaptureRig['call'] = (channel, payload) =>
    dispatcher.dispatch(channel, payload, { transport: 'test', clientId: 'test' }) as ReturnType<CaptureRig['call']>;

  function until<T>(current: () => T, test: (v: T) => boolean, waiters: Set<() => void>, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = current();
        if (!test(v)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(v);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${what} not reached within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    dir,
    store,
    devices,
    capture,
    dispatcher,
    call,
    async value<T>(channel: InvokeChannel, payload?: unknown) {
      const answer = await call(channel, payload);
      if (!answer.ok) throw new Error(`${channel} failed: ${answer.code} ${answer.message}`);
      return answer.value as T;
    },
    untilDraft: (test, timeoutMs = 15_000) => until(() => capture.get(), test, draftWaiters, timeoutMs, 'draft state'),
    untilDevices: (test, timeoutMs = 15_000) => until(() => devices.list(), test, deviceWaiters, timeoutMs, 'device state'),
    saves,
    setFreeBytes: (bytes) => {
      freeBytes = bytes;
    },
    logText: recorder.text,
    async close() {
      capture.stop();
      await devices.stop();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
