// Entry of the Chromium shell: runs the services, serves the renderer and the contract on
// 127.0.0.1, and opens the system Chromium as an app window (or, with --headless, prints one JSON
// line with the URL for scripts and tests). Runs as a plain Node process.
import { fileURLToPath } from 'node:url';
import { createApp } from '../app/create-app';
import { appVersion, resourcesDir } from '../app/version';
import { appPaths, resolveHome } from '../config/app-home';
import { fileKeyCustody } from '../store/key-custody';
import { createLogger } from '../logging/logger';
import { isNoSpace } from '../store/store-errors';
import { browserArgs, findBrowser, launchBrowser } from './browser-launcher';
import { parseHostArgs } from './host-args';
import { startHostServer, TICKET_TTL_MS } from './host-server';
import { acquireInstanceLock } from './instance-lock';
import { writeLaunchFile, type LaunchFile } from './launch-file';

async function main() {
  const args = parseHostArgs(process.argv.slice(2));
  const paths = appPaths(resolveHome());
  const lock = acquireInstanceLock(paths.home);
  const logging = createLogger({ dir: paths.logs });
  const log = logging.log;
  const app = await createApp({
    shell: 'chromium',
    logDropped: logging.dropped,
    // Tests shorten the wait for free space (SCAN_STATION_DISK_CHECK_MS); the default is 15 s.
    diskCheckMs: Number(process.env.SCAN_STATION_DISK_CHECK_MS) || undefined,
    paths,
    log,
    version: appVersion,
    custodyFor: (settings) => fileKeyCustody(paths.keyFile, settings.security.acceptFileKey),
    resourcesDir: resourcesDir(),
    emulatorControls: process.env.SCAN_STATION_EMULATOR_CONTROLS === '1',
  });
  const staticDir = process.env.SCAN_STATION_RENDERER_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  // Development builds alone carry source maps, and only then does the host serve them.
  const server = await startHostServer({ app, staticDir, log, port: args.port, sourceMaps: process.env.SCAN_STATION_DEV === '1' });

  let launchFile: LaunchFile | null = null;
  let stopping = false;
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    log.info({ code }, 'host stopping');
    launchFile?.remove();
    await server.close();
    await app.close();
    lock.release();
    logging.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (args.headless) {
    // The one line scripts read. The secret is in it on purpose; it never goes to the log file.
    process.stdout.write(`${JSON.stringify({ url: server.urlWithSecret(), port: server.port, home: paths.home, logFile: logging.file, pid: process.pid })}\n`);
    return;
  }

  const browser = findBrowser();
  if (!browser) {
    process.stderr.write('Scan Station could not find Chromium, Chrome or Edge. Install one (Debian: apt-get install chromium) or set SCAN_STATION_BROWSER to its path.\n');
    await stop(1);
    return;
  }
  const kiosk = app.settings.current().kiosk.fullscreen;
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // The ticket travels in an owner-only file named on the command line, never on it; the file goes
  // once the ticket has expired (it is spent on first use anyway).
  launchFile = writeLaunchFile(paths.home, server.urlWithTicket());
  setTimeout(() => launchFile?.remove(), TICKET_TTL_MS).unref();
  launchBrowser(browser, browserArgs({ url: launchFile.fileUrl, profileDir: paths.browserProfile, kiosk, runningAsRoot }), (code) => {
    log.info({ code }, 'browser window closed');
    void stop(0);
  });
  process.stderr.write(`Scan Station is open in ${browser}${kiosk ? ' (kiosk)' : ''}. Logs: ${logging.file}\n`);
}

// A write that meets a full disk in background work (sync, housekeeping) is retried by that work;
// it must not end the kiosk (issue 12 §2). Anything else still ends the process as Node would.
process.on('unhandledRejection', (reason) => {
  if (isNoSpace(reason)) {
    process.stderr.write('Scan Station: a background write failed because the disk is full; it will be retried.\n');
    return;
  }
  throw reason;
});

main().catch((error: unknown) => {
  process.stderr.write(`Scan Station could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
