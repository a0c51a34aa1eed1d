// The services behind the contract, started for one mode and stopped as a whole when the mode
// changes (an administrator enters a TrustID account): the store, TrustID, the sync worker and
// what reads them. Runs in main (plain Node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Verdict, type CameraCaptureRequest, type CaptureDraft, type DeviceView, type HealthComponent, type Mode, type QueueItem, type QueueSummary, type ResultArrival, type SessionView, type SubmissionView } from '../../../preload/contract';
import { localReference } from '../../capture/local-reference';
import { createCaptureService, type CaptureService } from '../../capture/capture-service';
import { createSubmissionFollow, type SubmissionFollow } from '../../capture/submission-follow';
import { createResultNotices, type ResultNotices } from '../../results/result-notices';
import { createDeviceService, type DeviceService } from '../../capture/device-service';
import { DeviceSettings } from '../../devices/device-settings';
import { localIsoDay } from '../../devices/mrz/mrz-dates';
import { createSessionService, type SessionService } from '../../session/session-service';
import type { AppPaths } from '../../config/app-home';
import { ephemeralCustody, type KeyCustody } from '../../store/key-custody';
import type { Logger } from '../../logging/logger';
import { startHousekeeping } from '../../store/housekeeping';
import { prepareDemoQueuedApplications, scheduleApplicationsElsewhere } from '../../demo/emulator';
import { simulatedReaderPlugin } from '../../demo/simulated-reader/simulated-reader-plugin';
import { InboxPoller } from '../../results/inbox-poller';
import { openStore, type Store } from '../../store/open-store';
import { KIOSK_ACCOUNT_ID } from '../../store/trustid-accounts';
import { systemClock, timerScheduler } from '../../sync/real-time';
import { submissionStoreFrom } from '../../sync/store-adapter';
import { SubmissionWorker } from '../../sync/submission-worker';
import { submissionApiFrom } from '../../sync/trustid-adapter';
import { loadOrCreateDeviceId } from '../../trustid';
import { createRemoteCreatesService, type RemoteCreatesService } from '../../results/remote-creates';
import type { SettingsService } from '../settings-service';
import { createFieldDefinitions, documentFormFrom, documentFormKey, type FieldDefinitionsService } from './field-definitions';
import { UNNAMED_QUEUED } from './queued-applications-service';
import { createQueuedList, type QueuedListService } from '../../results/queued-list';

/** RAW-API §7.9: the demo emulator's marker slot (its default customFields, §15.1). */
const DEMO_MARKER_SLOT = { index: 9, propertyName: 'KioskCaptureRef' };
import { createQueueService, type QueueService } from './queue-service';
import { createResultsService, type ResultsService } from './results-service';
import { openTrustIdConnection, type TrustIdConnection } from './trustid-connection';

export type ServiceContext = {
  mode: Mode;
  paths: AppPaths;
  settings: SettingsService;
  log: Logger;
  now(): number;
  emitQueueSummary(summary: QueueSummary): void;
  emitQueueItem(item: QueueItem): void;
  /** The results inbox changed (no payload of substance: the screen asks again). */
  emitResultsChanged?(): void;
  emitSession(view: SessionView): void;
  emitCapture(draft: CaptureDraft | null): void;
  emitDevices(list: DeviceView[]): void;
  /** `camera.captureRequested`: main asks the capture screen's camera for a still. */
  emitCameraCaptureRequested?(request: CameraCaptureRequest): void;
  /** `capture.submissionChanged`: the submitted screen follows its application. */
  emitSubmission?(view: SubmissionView): void;
  /** `results.arrived`: a result is ready for something this kiosk started. */
  emitResultArrived?(arrival: ResultArrival): void;
  /** The app's resources folder (reader presets, specimens, SANE test config). */
  resourcesDir: string;
  /** Developers and tests: serve the demo emulator's control endpoints. */
  emulatorControls: boolean;
};

export type AppServices = {
  mode: Mode;
  store: Store;
  trustid: TrustIdConnection;
  worker: SubmissionWorker;
  queue: QueueService;
  results: ResultsService;
  /** The results inbox poller (RAW-API §13.4); `recordContainerSeen` is the sink for guest links and queued records. */
  inbox: InboxPoller;
  /** Guest links and queued applications this kiosk creates (SUBMISSION-PROTOCOL §14). */
  remoteCreates: RemoteCreatesService;
  fieldDefinitions: FieldDefinitionsService;
  /** Queued applications staff can fill at the desk (RAW-API §11.2). */
  queuedList: QueuedListService;
  session: SessionService;
  devices: DeviceService;
  capture: CaptureService;
  /** After Submit: the submitted screen's view of an application. */
  follow: SubmissionFollow;
  /** Announce a result that arrived for something this kiosk started (guest links, queued applications call this too). */
  resultNotices: ResultNotices;
  /** Plain-words notes from start-up (e.g. a damaged database moved aside). */
  startupMessages: string[];
  health(): HealthComponent[];
  close(): Promise<void>;
};

/**
 * Demo mode keeps its data apart and starts it afresh each time: its key is thrown away at exit, and
 * its embedded emulator forgets everything too, so yesterday's demo queue would mean nothing.
 */
function dataDirFor(mode: Mode, paths: AppPaths): string {
  if (mode !== 'demo') return paths.data;
  const dir = path.join(paths.home, 'demo-data');
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

export async function startServices(ctx: ServiceContext): Promise<AppServices> {
  const log = ctx.log;
  const demoKey = ctx.mode === 'demo' ? ephemeralCustody() : null;
  const custody = (): KeyCustody => demoKey ?? ctx.settings.custody();
  const dataDir = dataDirFor(ctx.mode, ctx.paths);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const store = openStore({ dataDir, custody, log: log.child({ module: 'store' }) });
  const recovery = store.recover();
  mirrorPolicy(store, ctx.settings);
  const housekeeping = startHousekeeping(store, { log });
  const deviceId = loadOrCreateDeviceId(ctx.paths.deviceIdFile);
  store.submissions.ensureKiosk(deviceId);

  const trustid = await openTrustIdConnection({
    mode: ctx.mode,
    customBaseUrl: ctx.settings.current().trustid.customBaseUrl,
    secrets: ctx.settings.secrets(),
    store,
    deviceIdFile: ctx.paths.deviceIdFile,
    log,
    emulatorControls: ctx.emulatorControls,
  });
  const interactive = (accountId: string) => trustid.clientFor(accountId, 'interactive');

  const results = createResultsService({ store, clientFor: interactive, now: ctx.now });
  let worker: SubmissionWorker | null = null;
  const resultNotices = createResultNotices({ emit: (arrival) => ctx.emitResultArrived?.(arrival), now: ctx.now });
  const follow = createSubmissionFollow({
    load: (appId) => store.submissions.load(appId),
    verdict: (appId) => {
      const outcome = Verdict.safeParse(store.results.summary(appId)?.outcome);
      return outcome.success ? outcome.data : null;
    },
    offline: () => queue.summary().connection === 'offline',
    emit: (view) => ctx.emitSubmission?.(view),
    announce: (arrival) => resultNotices.announce(arrival),
    startedAt: ctx.now(),
    unsentBefore: (startedAt) =>
      worker!
        .list()
        .filter((i) => i.capturedAt < startedAt && (i.state === 'queued' || i.state === 'sending' || i.state === 'verifying' || i.state === 'needs_attention'))
        .sort((a, b) => a.capturedAt - b.capturedAt)
        .map((i) => i.appId),
  });
  const queue = createQueueService({
    worker: () => worker!,
    emitSummary: ctx.emitQueueSummary,
    emitItem: ctx.emitQueueItem,
    onCompleted: (appId) => results.recordOutcome(appId),
  });
  worker = new SubmissionWorker({
    store: submissionStoreFrom(store, {
      documentFields: (appId, docIndex) => store.submissions.documentFields(appId, docIndex),
      // RAW-API §7.9: the demo account's marker slot; a real account's slot is not configurable yet.
      ...(ctx.mode === 'demo' ? { markerSlot: () => DEMO_MARKER_SLOT } : {}),
    }),
    apiFor: (accountId) => submissionApiFrom(trustid.clientFor(accountId, 'sync')),
    clock: systemClock,
    scheduler: timerScheduler(),
    log,
    onEvent: (event) => {
      queue.onSyncEvent(event);
      // Own submissions join the inbox once published (one results model); cheap when nothing changed.
      if (event.type === 'app' && event.item.publishedAt !== null && results.mirror(event.item.appId)) ctx.emitResultsChanged?.();
      follow.onSyncEvent(event);
    },
  });
  worker.start();
  results.mirrorAll();

  const syncWorker = worker;
  const inbox = new InboxPoller({
    inbox: store.inbox,
    // The polling lane's rules: shared session, not_before and offline gate; never pausing the queue.
    read: (accountId, read) => syncWorker.pollingRead(accountId, () => read(trustid.clientFor(accountId, 'sync'))),
    accounts: () => store.accounts.list().map((a) => a.id),
    ownApplication: (reference, containerId) => (reference && store.results.summary(reference) ? reference : store.submissions.appIdForContainer(containerId)),
    mirrorOwn: (appId) => results.mirror(appId),
    clock: systemClock,
    scheduler: timerScheduler(),
    log,
    // Guest links and queued applications this kiosk created are followed by remoteCreates, which feeds the inbox.
    followedElsewhere: (containerId) => store.remoteCreates.followsContainer(containerId),
    onChange: () => ctx.emitResultsChanged?.(),
    onQueuedContainer: (accountId, container) => {
      store.accountEvidence.markQueryListsQueued(accountId);
      remoteCreates.noteQueuedContainer(accountId, container);
    },
  });
  inbox.start();
  // Demo: a few applications made elsewhere arrive over the first minutes (workflow 2), each looked
  // for at once so the inbox shows it without waiting for the 2-minute poll.
  // Demo: two booked visitors wait in the Queued list (workflow 3, desk fulfilment).
  if (trustid.emulator) prepareDemoQueuedApplications(trustid.emulator);
  const stopArrivals = trustid.emulator
    ? scheduleApplicationsElsewhere(trustid.emulator, {
        onArrival: (r) => {
          if ('containerId' in r) inbox.pollNow();
          else log.warn({ err: String(r.error) }, 'demo: an application made elsewhere could not be created');
        },
      })
    : () => undefined;

  const online = () => queue.summary().connection !== 'offline';
  const remoteCreates = createRemoteCreatesService({
    repo: store.remoteCreates,
    // §11: the polling lane's rules and the account's shared session (the sync client).
    lane: (accountId, call) => worker!.pollingRead(accountId, call),
    client: (accountId) => trustid.clientFor(accountId, 'sync'),
    // SUBMISSION-PROTOCOL §13.2: the persisted account evidence flag, shared with queued fill.
    evidence: {
      queryListsQueued: (accountId) => store.accountEvidence.get(accountId).queryListsQueued,
      noteQueryListsQueued: (accountId) => store.accountEvidence.markQueryListsQueued(accountId),
    },
    inbox: {
      onContainerSeen: (accountId, container, origin) => inbox.recordContainerSeen(accountId, container, origin),
      onContainerGone: (containerId, state) => inbox.recordContainerGone(containerId, state),
    },
    clock: systemClock,
    scheduler: timerScheduler(),
    log,
    newReference: () => crypto.randomUUID(),
    online,
    audit: ({ action, actor, reference }) => void store.audit.append({ action, actor, detail: { reference } }),
    // Issue 10 §1: a guest link or queued application made at this desk announces its result on every screen.
    onChange: (rec) => {
      if (rec.remoteState === 'result' && rec.containerId) {
        resultNotices.announce({ id: rec.containerId, reference: localReference(rec.reference), origin: rec.kind === 'guest_link' ? 'guest-link' : 'queued' });
      }
    },
  });
  remoteCreates.start();

  const session = createSessionService({
    store,
    custody,
    stateDir: path.join(dataDir, 'session'),
    verifyTrustIdLogin: (req) => trustid.verifyLogin(req),
    online,
    idle: () => ({ timeoutSeconds: ctx.settings.current().kiosk.idleTimeoutSeconds, warningSeconds: 30 }),
    demo: ctx.mode === 'demo',
    now: ctx.now,
    log,
    onChange: (view) => {
      ctx.emitSession(view);
      // RAW-API §13.4 item 3: the archive privilege is looked at again after each sign-in.
      if (view.state === 'signed-in') inbox.afterSignIn();
    },
  });
  await session.ready();

  const devices = createDeviceService({
    settings: () => deviceSettingsOf(ctx.settings, log),
    demo: ctx.mode === 'demo',
    resourcesDir: ctx.resourcesDir,
    log,
    now: ctx.now,
    onDevicesChanged: ctx.emitDevices,
    onCameraCaptureRequested: ctx.emitCameraCaptureRequested,
    sane: { saneConfigDir: process.env.SANE_CONFIG_DIR },
    simulatedReader: simulatedReaderPlugin({ resourcesDir: ctx.resourcesDir, today: () => localIsoDay(new Date(ctx.now())) }),
  });
  await devices.apply();

  const signedInAccount = () => session.current()?.accountId ?? KIOSK_ACCOUNT_ID;
  const queuedList = createQueuedList({
    client: () => interactive(signedInAccount()),
    // SUBMISSION-PROTOCOL §13.2: recorded for the create lookups of §14.
    onQueuedListed: () => store.accountEvidence.markQueryListsQueued(signedInAccount()),
    // RAW-API §11.2: this kiosk's own guest links are not queued applications to fill.
    isOwnGuestLink: (reference) => remoteCreates.isOwnGuestLinkReference(reference),
    // §13.4 item 3: without archive privilege, the queued applications this kiosk created.
    ownQueued: () => remoteCreates.listOwnQueued(signedInAccount()).flatMap((r) => (r.containerId ? [{ containerId: r.containerId }] : [])),
    // SUBMISSION-PROTOCOL §14.2 item 4: a late duplicate of one of ours is met here too.
    onQueuedContainer: (container) => remoteCreates.noteQueuedContainer(signedInAccount(), container),
  });

  const fieldDefinitions = createFieldDefinitions({ clientFor: interactive, cache: store.fieldDefinitions, online, now: ctx.now, log });
  // Issue 10 §5: the document-level form, fetched and cached like the application form. The capture
  // marker's slot is the kiosk's, never on the form (RAW-API §7.9: Index 9 in demo mode).
  const markerSlot = ctx.mode === 'demo' ? DEMO_MARKER_SLOT : null;
  const documentFieldDefinitions = createFieldDefinitions({
    clientFor: interactive,
    cache: store.fieldDefinitions,
    online,
    now: ctx.now,
    log,
    form: { fetch: async (accountId) => documentFormFrom(await interactive(accountId).customFields(), markerSlot), cacheKey: documentFormKey },
  });
  const capture = createCaptureService({
    devices,
    saveCapture: (input) => store.capture.saveCapture(input),
    sealAhead: (appId, bytes) => store.capture.sealAhead(appId, bytes),
    afterSave: () => worker!.notifyChanged(),
    who: () => {
      const who = session.current();
      return who ? { staffId: who.staffId, accountId: who.accountId } : null;
    },
    online,
    thresholds: () => ctx.settings.current().quality,
    // The signed-in staff member's account's form: fetched when online, else the one cached in the store.
    fieldDefinitions: async () => {
      const who = session.current();
      return who ? fieldDefinitions.forAccount(who.accountId) : [];
    },
    // A queued application staff picked from the list they saw (works offline once listed).
    queuedApplication: async (id) => {
      const e = queuedList.picked(id);
      return e ? { id: e.containerId, name: e.label || UNNAMED_QUEUED } : null;
    },
    documentFieldDefinitions: async () => {
      const who = session.current();
      // Document fields are extra questions: with neither TrustID nor a cached form, none are asked.
      return who ? documentFieldDefinitions.forAccount(who.accountId).catch(() => []) : [];
    },
    today: () => localIsoDay(new Date(ctx.now())),
    now: ctx.now,
    newId: () => crypto.randomUUID(),
    log,
    onChange: ctx.emitCapture,
    audit: (entry) => store.audit.append(entry),
  });
  log.info({ mode: ctx.mode, rows: recovery.rows, files: recovery.files, recoveryMs: recovery.recoveryMs }, 'services started');

  return {
    mode: ctx.mode,
    store,
    trustid,
    worker,
    queue,
    results,
    inbox,
    remoteCreates,
    fieldDefinitions,
    queuedList,
    session,
    devices,
    capture,
    follow,
    resultNotices,
    startupMessages: recovery.messages,
    health() {
      return [trustIdHealth(ctx.mode, queue.summary()), storeHealth(custody(), store.retention.unsentAlerts().length), readerHealth(ctx.mode, devices.list())];
    },
    async close() {
      capture.stop();
      await devices.stop();
      housekeeping.stop();
      stopArrivals();
      await inbox.stop();
      await remoteCreates.stop();
      await worker!.stop();
      await trustid.close();
      store.close();
    },
  };
}

/** settings.json is the administrator's single place for policy; the store keeps a copy it enforces. */
export function mirrorPolicy(store: Store, settings: SettingsService): void {
  const s = settings.current();
  store.settings.update({ retention: { resultDays: s.retention.resultDays }, staff: { accountMode: s.accounts.mode }, capture: { minFreeMb: s.disk.minFreeMb } }, 'system');
}

function trustIdHealth(mode: Mode, q: QueueSummary): HealthComponent {
  const id = mode === 'demo' ? 'demo-emulator' : 'trustid';
  if (q.connection === 'offline') {
    return { id, state: 'down', code: 'trustid.offline', message: 'TrustID cannot be reached. Checks are saved on this kiosk and will be sent when the connection returns.' };
  }
  if (q.connection === 'paused') return { id, state: 'degraded', code: 'trustid.paused', message: q.actionNeeded ?? 'Sending to TrustID is paused until an administrator acts.' };
  return mode === 'demo'
    ? { id, state: 'ok', code: 'trustid.demo-ok', message: 'The built-in demo TrustID is running; nothing is sent to the real TrustID.' }
    : { id, state: 'ok', code: 'trustid.ok', message: 'Connected to TrustID.' };
}

/**
 * The device settings in main's own schema. settings.update refuses options a driver cannot use, so
 * only a hand-edited file gets here with bad ones: its readers are left out, and the log says why.
 */
export function deviceSettingsOf(settings: SettingsService, log?: Logger): DeviceSettings {
  const parsed = DeviceSettings.safeParse({ devices: settings.current().devices });
  if (parsed.success) return parsed.data;
  log?.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'reader settings unusable; no readers started');
  return DeviceSettings.parse({});
}

function readerHealth(mode: Mode, list: DeviceView[]): HealthComponent {
  const id = mode === 'demo' ? 'demo-reader' : 'reader';
  if (list.length === 0) return { id, state: 'absent', code: 'reader.none', message: 'No reader is set up. An administrator can add one in Settings → Readers.' };
  const ready = list.filter((d) => d.status.state === 'ready' || d.status.state === 'reading');
  if (ready.length > 0) return { id, state: 'ok', code: 'reader.ready', params: { readers: ready.map((d) => d.label).join(', ') }, message: `${ready.map((d) => d.label).join(', ')} ready.` };
  const first = list[0]!;
  return { id, state: first.status.state === 'error' ? 'down' : 'degraded', message: `${first.label}: ${first.status.message}` };
}

function storeHealth(custody: KeyCustody, unsentTooLong: number): HealthComponent {
  if (!custody.available) return { id: 'store', state: 'degraded', code: 'store.no-key', message: `No check can be saved on this kiosk: ${custody.reason}` };
  // Issue 5: applications unsent past the ceiling alert an administrator instead of lingering.
  if (unsentTooLong > 0) {
    return { id: 'store', state: 'degraded', code: 'store.unsent-too-long', params: { count: unsentTooLong }, message: `${unsentTooLong === 1 ? 'One check has' : `${unsentTooLong} checks have`} waited too long on this kiosk without reaching TrustID. An administrator should look at the queue.` };
  }
  return { id: 'store', state: 'ok', code: 'store.ok', message: 'Checks are stored encrypted on this kiosk.' };
}
