// The sync worker wired to real parts for integration tests: a real store (SQLite file and sealed
// images in a temp folder), the real emulator over HTTP on a random loopback port, the real TrustID
// client, and one manual clock shared by store, worker, client and emulator. `drain()` moves time to
// whenever the worker next has work, so hours of backoff and polling run in milliseconds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ephemeralCustody, type KeyCustody } from '../../../main/store/key-custody';
import { buildTd3, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../main/demo/emulator';
import pino from 'pino';
import type { Logger } from '../../../main/logging/logger';
import type { CaptureInput } from '../../../main/store/capture-repo';
import { openStore, type Store } from '../../../main/store/open-store';
import { submissionStoreFrom } from '../../../main/sync/store-adapter';
import type { SubmissionWorkerDeps } from '../../../main/sync/submission-worker';
import { SubmissionWorker } from '../../../main/sync/submission-worker';
import type { SyncEvent } from '../../../main/sync/sync-events';
import type { SubmissionApi, SubmissionStore } from '../../../main/sync/sync-ports';
import { submissionApiFrom, syncClientOptions } from '../../../main/sync/trustid-adapter';
import { createTrustIdClient, type TrustIdClient, type TrustIdTimeouts } from '../../../main/trustid';
import { ManualTime } from './manual-time';

export const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
export const KIOSK_USER = 'demo.kiosk';

export type RigOptions = {
  dir?: string;
  emulator?: EmulatorOptions;
  /** Keep the emulator's state in a file (each change costs fsyncs), so `emulatorDown/Up` can restart it. */
  emulatorStateFile?: boolean;
  /** Reuse a running emulator (the crash harness restarts the worker, not TrustID). */
  emu?: RunningEmulator;
  timeouts?: Partial<TrustIdTimeouts>;
  worker?: Partial<Omit<SubmissionWorkerDeps, 'store' | 'apiFor' | 'clock' | 'scheduler'>>;
  custody?: KeyCustody;
  start?: number;
  log?: Logger;
  /** Called with every worker event, after the rig has recorded it (to change the world mid-run). */
  onEvent?: (event: SyncEvent) => void;
  /** Credentials per store account id; the kiosk account logs in as demo.kiosk by default. */
  credentials?: Record<string, { username: string; password: string }>;
  /** Send the capture marker in the emulator's demo slot (Index 9, KioskCaptureRef; RAW-API §7.9). */
  markerSlot?: boolean;
  /** Wraps each account's API port (the queued kill-point tests stop a call at an exact moment). */
  wrapApi?: (api: SubmissionApi) => SubmissionApi;
};

export type Rig = {
  dir: string;
  store: Store;
  port: SubmissionStore;
  /** The emulator now running (replaced by `emulatorUp`). */
  readonly emu: RunningEmulator;
  /** A real outage: the emulator stops listening, so connections are refused (NOT_APPLIED). */
  emulatorDown(): Promise<void>;
  /** The emulator comes back on the same port with the state it had (its state file). */
  emulatorUp(): Promise<void>;
  time: ManualTime;
  worker: SubmissionWorker;
  events: SyncEvent[];
  /** Log lines at warn level or above, for tests to assert nothing unexpected went wrong. */
  warnings: { level: number; msg: string; err?: string }[];
  clients: Map<string, TrustIdClient>;
  /** Saves a capture (W0) and tells the worker; returns the app id. */
  capture(opts?: CaptureOptions): Promise<string>;
  /** Moves time (store, worker, client, emulator) to `to`. */
  setTime(to: number): Promise<void>;
  /**
   * Lets the worker run, jumping time to its next wake-up whenever it is idle, until `until()` holds,
   * nothing is scheduled, or `maxMs` of virtual time have passed.
   */
  drain(opts?: { until?: () => boolean; maxMs?: number }): Promise<void>;
  app(appId: string): ReturnType<SubmissionStore['load']>;
  close(opts?: { keepEmulator?: boolean; keepDir?: boolean }): Promise<void>;
};

export type CaptureOptions = {
  images?: number;
  imageBytes?: number;
  photo?: boolean;
  surname?: string;
  accountId?: string;
  applicationFields?: CaptureInput['applicationFields'];
  /** Document-level custom field values for the (one) document (RAW-API §7.9). */
  documentFields?: CaptureInput['documents'][number]['customFields'];
  /** Complete this queued container (SUBMISSION-PROTOCOL §13) instead of creating one. */
  queuedContainer?: string;
};

export function validMrz(surname: string): string {
  return buildTd3({ issuingState: 'GBR', surname, givenNames: ['JANE'], documentNumber: '123456789', nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '350101' });
}

export function jpeg(size: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(Math.max(0, size - 4))]);
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function startRig(opts: RigOptions = {}): Promise<Rig> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ss-sync-'));
  const time = new ManualTime(opts.start ?? T0);
  const emulatorOptions = (port: number): EmulatorOptions => ({
    port,
    controls: true,
    clock: 'manual',
    now: () => time.now(),
    ...(opts.emulatorStateFile ? { stateFile: path.join(dir, 'emulator-state.json') } : {}),
    processing: { workflowDelayMs: 500, decisionDelayMs: 2_000, reviewDelayMs: 30 * 60_000 },
    ...opts.emulator,
  });
  let emu = opts.emu ?? (await startEmulator(emulatorOptions(0)));
  const emuPort = emu.port;
  let emuDown = false;
  const warnings: Rig['warnings'] = [];
  const log =
    opts.log ??
    pino(
      { level: 'warn' },
      {
        write: (line: string) => {
          const entry = JSON.parse(line) as { level: number; msg: string; err?: string };
          warnings.push({ level: entry.level, msg: entry.msg, ...(entry.err ? { err: entry.err } : {}) });
        },
      },
    );
  const store = openStore({ dataDir: path.join(dir, 'data'), custody: opts.custody ?? ephemeralCustody(), log, now: () => time.now() });
  store.recover({ verifyAudit: false });
  // The MRZ of each capture, as the store would hand it to sync (see store-adapter.ts).
  const mrzOf = new Map<string, string>();
  const mrzFile = path.join(dir, 'mrz.json');
  if (fs.existsSync(mrzFile)) for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(mrzFile, 'utf8')) as Record<string, string>)) mrzOf.set(k, v);
  const port = submissionStoreFrom(store, {
    documentFields: (appId, docIndex) => {
      if (!mrzOf.has(appId)) return null;
      // Document-level custom fields as the store opens them (sealed with the document).
      const customFields = store.submissions.documentFields(appId, docIndex)?.customFields;
      return { mrz: mrzOf.get(appId)!, ...(customFields ? { customFields } : {}) };
    },
    ...(opts.markerSlot ? { markerSlot: () => ({ index: 9, propertyName: 'KioskCaptureRef' }) } : {}),
  });
  const clients = new Map<string, TrustIdClient>();
  const credentials = opts.credentials ?? {};
  const apiFor = (accountId: string) => {
    let client = clients.get(accountId);
    if (!client) {
      const user = emu.users.find((u) => u.username === KIOSK_USER)!;
      client = createTrustIdClient(
        syncClientOptions({
          baseUrl: emu.origin,
          apiKey: emu.apiKey,
          // Read at every login, so a test can change them as an administrator would.
          credentials: () => credentials[accountId] ?? { username: user.username, password: user.password },
          deviceIdFile: path.join(dir, 'device-id'),
          timeouts: { connectMs: 2_000, jsonMs: 5_000, uploadMs: 5_000, ...opts.timeouts },
          now: () => time.now(),
        }),
      );
      clients.set(accountId, client);
    }
    const api = submissionApiFrom(client);
    return opts.wrapApi ? opts.wrapApi(api) : api;
  };
  const events: SyncEvent[] = [];
  const worker = new SubmissionWorker({
    store: port,
    apiFor,
    clock: time,
    scheduler: time,
    log,
    random: Math.random,
    onEvent: (e) => {
      if (e.type !== 'upload-progress' || events.length < 50_000) events.push(e);
      opts.onEvent?.(e);
    },
    ...opts.worker,
  });

  let n = 0;
  const rig: Rig = {
    dir,
    store,
    port,
    get emu() {
      return emu;
    },
    async emulatorDown() {
      await emu.close();
      emuDown = true;
    },
    async emulatorUp() {
      if (!opts.emulatorStateFile) throw new Error('emulatorUp needs emulatorStateFile: true');
      emu = await startEmulator(emulatorOptions(emuPort));
      emuDown = false;
    },
    time,
    worker,
    events,
    warnings,
    clients,
    async capture(c = {}) {
      const appId = crypto.randomUUID();
      const images = c.images ?? 2;
      const surname = c.surname ?? `SAMPLE${String.fromCharCode(65 + (n++ % 26))}`;
      const mrz = validMrz(surname);
      const input: CaptureInput = {
        appId,
        capturedBy: null,
        ...(c.accountId ? { accountId: c.accountId } : {}),
        documents: [
          {
            format: 'TD3',
            personal: { surname, mrz },
            ...(c.documentFields ? { customFields: c.documentFields } : {}),
            images: Array.from({ length: images }, (_, i) => ({
              bytes: jpeg(c.imageBytes ?? 2048),
              mime: 'image/jpeg' as const,
              side: i === 0 ? ('front' as const) : ('back' as const),
              imageType: i === 0 ? 2 : 3,
            })),
          },
        ],
        ...(c.photo ? { applicantPhoto: { bytes: jpeg(1024), mime: 'image/jpeg' as const } } : {}),
        ...(c.applicationFields ? { applicationFields: c.applicationFields } : {}),
        ...(c.queuedContainer ? { queuedContainer: { containerId: c.queuedContainer, label: 'Queued application' } } : {}),
      };
      await store.capture.saveCapture(input);
      mrzOf.set(appId, mrz);
      fs.writeFileSync(mrzFile, JSON.stringify(Object.fromEntries(mrzOf)));
      worker.notifyChanged();
      return appId;
    },
    async setTime(to) {
      if (to <= time.now()) return;
      if (!emuDown) await emu.advanceClock(to - emu.now());
      time.set(to);
      await yieldToIo();
    },
    async drain({ until, maxMs = 7 * 24 * 3600_000 } = {}) {
      const start = time.now();
      for (;;) {
        await yieldToIo();
        await worker.whenIdle();
        if (until?.()) return;
        const next = worker.nextWakeAt();
        if (next === null || next - start > maxMs) return;
        await rig.setTime(Math.max(next, time.now() + 1));
      }
    },
    app: (appId) => port.load(appId),
    async close({ keepEmulator = false, keepDir = false } = {}) {
      await worker.stop(1_000);
      for (const c of clients.values()) await c.close().catch(() => undefined);
      store.close();
      if (!keepEmulator && !opts.emu && !emuDown) await emu.close();
      if (!keepDir && !opts.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
