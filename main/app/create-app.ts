// Composition root: config → services → dispatcher and event hub. Both shells call this and attach
// their transport; nothing here knows which shell it serves. Runs in main (plain Node).
import type { AppInfo, Settings } from '../../preload/contract';
import type { AppPaths } from '../config/app-home';
import type { KeyCustody } from '../config/key-custody';
import type { Logger } from '../logging/logger';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createEventHub, type EventHub } from './event-hub';
import { createHealthService, type HealthService } from './health-service';
import { decideMode } from './mode';
import { createSettingsService, type SettingsService } from './settings-service';
import { registerAppHandlers } from './handlers/app-handlers';
import { registerSettingsHandlers } from './handlers/settings-handlers';
import { demoHealth } from './demo-health';

export type AppOptions = {
  shell: AppInfo['shell'];
  paths: AppPaths;
  log: Logger;
  version: string;
  custodyFor: (settings: Settings) => KeyCustody;
  now?: () => number;
};

export type ScanStationApp = {
  dispatcher: Dispatcher;
  events: EventHub;
  settings: SettingsService;
  health: HealthService;
  info(): AppInfo;
  /** Shows staff a one-off notice at the next app.info (e.g. "the screen was restarted"). */
  setNotice(message: string): void;
  close(): Promise<void>;
};

export function createApp(opts: AppOptions): ScanStationApp {
  const now = opts.now ?? Date.now;
  const log = opts.log;
  const dispatcher = createDispatcher(log);
  const events = createEventHub(log);
  const settings = createSettingsService({
    settingsFile: opts.paths.settingsFile,
    secretsFile: opts.paths.secretsFile,
    custodyFor: opts.custodyFor,
  });
  const health = createHealthService(now);
  let notice: string | null = settings.problems().join(' ') || null;
  for (const problem of settings.problems()) log.warn({ problem }, 'start-up problem');

  const mode = () => decideMode(settings.current(), (name) => settings.secrets().has(name));
  health.register(() => demoHealth(mode().mode));

  const app: ScanStationApp = {
    dispatcher,
    events,
    settings,
    health,
    info() {
      const m = mode();
      const current = notice;
      notice = null;
      return {
        productName: 'Scan Station',
        version: opts.version,
        shell: opts.shell,
        mode: m.mode,
        modeReason: m.reason,
        kiosk: settings.current().kiosk.fullscreen,
        language: settings.current().language,
        notice: current,
      };
    },
    setNotice(message) {
      notice = message;
    },
    async close() {
      log.info('app closing');
    },
  };

  settings.onChange((view) => {
    events.emit('settings.changed', view);
    health.refresh();
  });
  health.onChange((h) => events.emit('health.changed', h));

  registerAppHandlers(dispatcher, app);
  registerSettingsHandlers(dispatcher, settings, log);
  log.info({ shell: opts.shell, mode: mode().mode, version: opts.version }, 'app started');
  return app;
}
