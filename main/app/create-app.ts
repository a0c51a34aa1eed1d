// Composition root: config → services → dispatcher and event hub. Both shells call this and attach
// their transport; nothing here knows which shell it serves. Runs in main (plain Node).
//
// The settings, the event hub and the dispatcher the transports hold live as long as the app. The
// services behind them (store, TrustID, sync, readers, session, capture) belong to one mode: when
// an administrator changes the TrustID account or environment they are stopped and started again,
// and the dispatcher answers from the new set.
import crypto from 'node:crypto';
import path from 'node:path';
import type { AppInfo, Settings } from '../../preload/contract';
import type { AppPaths } from '../config/app-home';
import type { KeyCustody } from '../store/key-custody';
import type { Logger } from '../logging/logger';
import { statfsFreeBytes } from '../store/open-store';
import { isNoSpace } from '../store/store-errors';
import { KIOSK_ACCOUNT_ID } from '../store/trustid-accounts';
import { registerCaptureHandlers } from './handlers/capture-handlers';
import { registerSessionHandlers } from './handlers/session-handlers';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createEventHub, type EventHub } from './event-hub';
import { registerAppHandlers } from './handlers/app-handlers';
import { registerDemoHandlers } from './handlers/demo-handlers';
import { registerDeskHandlers } from './handlers/desk-handlers';
import { registerSettingsHandlers } from './handlers/settings-handlers';
import { diskHealth, diskState } from './disk-health';
import { registerTrustIdCheckHandlers } from './handlers/trustid-check-handlers';
import { createDemoControls } from './demo-controls';
import { createHealthService, type HealthService } from './health-service';
import { createKioskSignInCheck, withSignInProblem } from './kiosk-sign-in-check';
import { accountSecrets, decideMode } from './mode';
import { createPreviousTrustId } from './previous-trustid';
import { mirrorPolicy, startServices, type AppServices } from './services/app-services';
import { createSettingsService, type SettingsService } from './settings-service';

export type AppOptions = {
  shell: AppInfo['shell'];
  paths: AppPaths;
  log: Logger;
  version: string;
  custodyFor: (settings: Settings) => KeyCustody;
  /** The app's resources folder (reader presets, specimens, SANE test config). */
  resourcesDir: string;
  now?: () => number;
  /** Serve the demo emulator's control endpoints (tests and developers; SCAN_STATION_EMULATOR_CONTROLS=1). */
  emulatorControls?: boolean;
  /** Log lines dropped because the disk was full (the logger's counter), reported in health. */
  logDropped?: () => number;
  /** Free bytes on the home folder's disk (default statfs); tests inject a full disk. */
  freeBytes?: (dir: string) => number;
  /** How often the disk is measured and a start that failed on a full disk retried (default 15 s). */
  diskCheckMs?: number;
};

export type ScanStationApp = {
  dispatcher: Dispatcher;
  events: EventHub;
  settings: SettingsService;
  health: HealthService;
  info(): AppInfo;
  /** The running services (tests reach the emulator and the store through these). */
  services(): AppServices;
  /** Shows staff a one-off notice at the next app.info (e.g. "the screen was restarted"). */
  setNotice(message: string): void;
  close(): Promise<void>;
};

export async function createApp(opts: AppOptions): Promise<ScanStationApp> {
  const now = opts.now ?? Date.now;
  const log = opts.log;
  const events = createEventHub(log);
  const settings = createSettingsService({
    settingsFile: opts.paths.settingsFile,
    secretsFile: opts.paths.secretsFile,
    custodyFor: opts.custodyFor,
  });
  const health = createHealthService(now);
  const notices: string[] = [...settings.problems()];
  for (const problem of settings.problems()) log.warn({ problem }, 'start-up problem');
  const previousTrustId = createPreviousTrustId(path.join(opts.paths.home, 'previous-trustid.json'));
  let lastTrustId = settings.current().trustid;
  const signIn = createKioskSignInCheck(() => health.refresh());
  const mode = () => decideMode(settings.current(), (name) => settings.secrets().has(name));

  // ---- services for the current mode, and the dispatcher that answers from them ----------------
  let services: AppServices | null = null;
  let inner: Dispatcher | null = null;
  let restarting: Promise<void> = Promise.resolve();
  let closed = false;
  let wasOffline = false;
  let startFailure: string | null = null;

  async function start(): Promise<AppServices> {
    const next = await startServices({
      mode: mode().mode,
      paths: opts.paths,
      settings,
      log,
      now,
      resourcesDir: opts.resourcesDir,
      emulatorControls: opts.emulatorControls ?? false,
      emitQueueSummary: (s) => {
        events.emit('queue.changed', s);
        // The sign-in screen offers the offline PIN only while TrustID cannot be reached.
        if (services && (s.connection === 'offline') !== wasOffline) services.session.refresh();
        wasOffline = s.connection === 'offline';
        health.refresh();
      },
      emitQueueItem: (item) => events.emit('queue.itemChanged', item),
      emitResultsChanged: () => events.emit('results.changed', { at: now() }),
      emitSession: (view) => {
        events.emit('session.changed', view);
        // Sign-out ends the visit and the staff member's work: nothing of theirs stays in main.
        if (view.state === 'signed-out' && services) {
          services.capture.clear();
        }
      },
      emitCapture: (draft) => events.emit('capture.changed', draft),
      emitSubmission: (view) => events.emit('capture.submissionChanged', view),
      emitResultArrived: (arrival) => events.emit('results.arrived', arrival),
      emitDevices: (list) => {
        events.emit('devices.changed', list);
        health.refresh();
      },
      emitCameraCaptureRequested: (request) => events.emit('camera.captureRequested', request),
    });
    const d = createDispatcher(log);
    registerAppHandlers(d, app);
    registerSettingsHandlers(d, settings, log);
    registerTrustIdCheckHandlers(d, { settings, previous: previousTrustId, deviceIdFile: opts.paths.deviceIdFile, log });
    registerSessionHandlers(d, next.session);
    registerCaptureHandlers(d, next.capture, next.devices, next.follow);
    registerDeskHandlers(d, next);
    registerDemoHandlers(
      d,
      createDemoControls({
        emulator: () => next.trustid.emulator,
        reader: () => {
          const simulated = next.devices.list().find((device) => device.kind === 'simulated');
          return simulated ? next.devices.manager.get(simulated.id) : undefined;
        },
      }),
      log,
    );
    d.setGuard((channel) => next.session.authorize(channel));
    services = next;
    inner = d;
    // A real environment: find out now whether TrustID accepts the kiosk, not at the first upload.
    if (next.mode === 'demo') signIn.clear();
    else void signIn.check(() => next.trustid.clientFor(KIOSK_ACCOUNT_ID, 'interactive').login());
    notices.push(...next.startupMessages);
    health.refresh();
    events.emit('session.changed', next.session.view());
    events.emit('devices.changed', next.devices.list());
    events.emit('queue.changed', next.queue.summary());
    return next;
  }

  /** What the services depend on: a change means stopping them and starting afresh. */
  const serviceKey = () => {
    const m = mode().mode;
    // In demo mode the account secrets are not used, so entering them does not restart anything.
    if (m === 'demo') return 'demo';
    const secrets = settings.secrets();
    const accountHash = crypto.createHash('sha256');
    for (const name of accountSecrets) accountHash.update(`${name}=${secrets.get(name) ?? ''}\n`);
    return JSON.stringify([m, settings.current().trustid, accountHash.digest('hex')]);
  };
  let runningKey = serviceKey();

  function restartIfNeeded() {
    const key = serviceKey();
    if (key === runningKey || closed) return;
    runningKey = key;
    restarting = restarting.then(async () => {
      log.info({ mode: mode().mode }, 'TrustID settings changed: restarting services');
      const old = services;
      services = null;
      inner = null;
      try {
        await old?.close();
        const next = await start();
        startFailure = null;
        // New credentials or a new API key: a paused kiosk account gets its one new login (§6).
        await next.worker.tryAgain(KIOSK_ACCOUNT_ID, { credentialsChanged: true });
      } catch (error) {
        // Without services nothing can be answered; say so rather than wait for ever.
        log.error({ err: error }, 'services could not restart');
        startFailure = `Scan Station could not start its services after the TrustID settings changed (${error instanceof Error ? error.message : 'unknown error'}). Restart Scan Station; if it happens again, check the settings file.`;
      }
    });
  }

  const dispatcher: Dispatcher = {
    handle() {
      throw new Error('Handlers are registered per service set inside createApp');
    },
    async dispatch(channel, payload, ctx) {
      await restarting;
      if (!inner) {
        if (channel === 'app.info') return { ok: true, value: app.info() };
        if (channel === 'health.get') return { ok: true, value: health.current() };
        return startFailure
          ? { ok: false, code: 'app.services-failed', message: startFailure }
          : { ok: false, code: 'app.restarting', message: 'Scan Station is restarting its services. Try again in a moment.' };
      }
      return inner.dispatch(channel, payload, ctx);
    },
    unhandled: () => inner?.unhandled() ?? [],
    setGuard() {
      throw new Error('The guard is the session service’s, set inside createApp');
    },
  };

  const app: ScanStationApp = {
    dispatcher,
    events,
    settings,
    health,
    info() {
      const m = mode();
      // A full disk has its own notice, worded by the renderer from health in the staff's language.
      const failure = startFailure && startFailure !== diskFullStartMessage ? [startFailure] : [];
      const notice = [...notices.splice(0), ...failure].join(' ') || null;
      return {
        productName: 'Scan Station',
        version: opts.version,
        shell: opts.shell,
        mode: m.mode,
        modeReason: m.reason,
        modeReasonCode: m.code,
        kiosk: settings.current().kiosk.fullscreen,
        language: settings.current().language,
        notice,
      };
    },
    services() {
      if (!services) throw new Error('services are restarting');
      return services;
    },
    setNotice(message) {
      notices.push(message);
    },
    async close() {
      closed = true;
      clearInterval(diskTimer);
      await restarting;
      await services?.close();
      services = null;
      log.info('app closed');
    },
  };

  health.register(() => withSignInProblem(services?.health() ?? [], signIn.state()));
  health.register(() => diskHealth(measureFree(), settings.current().disk.minFreeMb, opts.logDropped?.() ?? 0));
  health.onChange((h) => events.emit('health.changed', h));
  settings.onChange((view) => {
    previousTrustId.observe(lastTrustId, view.settings.trustid, now());
    lastTrustId = view.settings.trustid;
    // Every window hears this, signed out too: only the public part travels (issue 12 §1).
    events.emit('settings.changed', settings.publicView());
    if (services) {
      mirrorPolicy(services.store, settings);
      void services.devices.apply().catch((error: unknown) => log.warn({ err: error }, 'readers could not follow the settings'));
      services.session.refresh();
    }
    restartIfNeeded();
    health.refresh();
  });

  // Issue 12 §2: a full disk must not stop the kiosk from starting. Without services it answers
  // app.info and health (which says "disk full" and what to do) and starts them once there is room.
  const diskFullAtStart = (error: unknown) => isNoSpace(error) || diskState(measureFree(), settings.current().disk.minFreeMb) === 'full';
  async function startOrWaitForSpace(): Promise<void> {
    try {
      await start();
      startFailure = null;
    } catch (error) {
      if (!diskFullAtStart(error)) throw error;
      log.error({ err: error }, 'services could not start: the disk is full');
      startFailure = diskFullStartMessage;
      health.refresh();
    }
  }
  const diskTimer = setInterval(() => {
    health.refresh();
    if (!closed && !services && startFailure === diskFullStartMessage && diskState(measureFree(), settings.current().disk.minFreeMb) !== 'full') {
      restarting = restarting.then(() => (services || closed ? undefined : startOrWaitForSpace())).catch((error: unknown) => {
        log.error({ err: error }, 'services could not start after space was freed');
      });
    }
  }, opts.diskCheckMs ?? 15_000);
  diskTimer.unref();

  await startOrWaitForSpace();
  log.info({ shell: opts.shell, mode: mode().mode, version: opts.version, started: services !== null }, 'app started');
  return app;

  function measureFree(): number | null {
    try {
      return (opts.freeBytes ?? statfsFreeBytes)(opts.paths.home);
    } catch {
      return null;
    }
  }
}

const diskFullStartMessage =
  'Scan Station cannot start because the disk of this computer is full. Ask an administrator to free space on it; Scan Station starts by itself once there is room. Checks already saved are kept.';
