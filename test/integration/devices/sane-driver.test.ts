// The SANE driver against SANE's real `test` backend, enabled through the repo's resources/sane
// (SANE_CONFIG_DIR) — no system files touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageEvent } from '../../../main/devices/driver';
import { createSaneDriver, listSaneDevices, type SaneDriver, type SaneDriverOptions } from '../../../main/devices/sane/sane-driver';
import { SaneOptions } from '../../../main/devices/sane/sane-settings';
import { silentLogger } from '../../../main/logging/logger';
import { nextEvent, recordEvents, statusIn } from '../../fakes/fake-driver';

const saneConfigDir = fileURLToPath(new URL('../../../resources/sane', import.meta.url));

let work: string;
let drivers: SaneDriver[];

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sane-test-'));
  drivers = [];
});
afterEach(async () => {
  await Promise.all(drivers.map((d) => d.stop()));
  fs.rmSync(work, { recursive: true, force: true });
});

function driver(options: Partial<SaneOptions> = {}, extra: Partial<SaneDriverOptions> = {}): SaneDriver {
  const d = createSaneDriver({
    id: 'desk-scanner',
    options: { ...SaneOptions.parse({ device: 'test:0' }), ...options },
    log: silentLogger(),
    saneConfigDir,
    tempDir: work,
    ...extra,
  });
  drivers.push(d);
  return d;
}

async function started(d: SaneDriver) {
  const status = statusIn(d, ['ready', 'error']);
  await d.start();
  return status;
}

async function imageSize(event: ImageEvent) {
  const meta = await sharp(event.bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

describe('SANE scanner discovery', () => {
  it('lists the test backend’s two virtual scanners', async () => {
    const devices = await listSaneDevices({ saneConfigDir });
    expect(devices.map((d) => d.name)).toEqual(['test:0', 'test:1']);
    expect(devices[0]).toMatchObject({ model: 'frontend-tester', type: 'virtual device' });
  });

  it('tells staff to install sane-utils when scanimage is not on the PATH', async () => {
    const emptyBin = fs.mkdtempSync(path.join(work, 'bin-'));
    await expect(listSaneDevices({ saneConfigDir, env: { PATH: emptyBin } })).rejects.toMatchObject({
      code: 'scanner.scanimage-missing',
      message: expect.stringContaining('sane-utils'),
    });
  });

  it('reports an error status, not a crash, when the driver starts without scanimage', async () => {
    const d = driver({}, { env: { PATH: fs.mkdtempSync(path.join(work, 'bin-')) } });
    const status = await started(d);
    expect(status).toMatchObject({ state: 'error', code: 'scanner.scanimage-missing' });
  });

  it('takes the first scanner found when no device is configured', async () => {
    const d = driver({ device: null });
    const status = await started(d);
    expect(status).toMatchObject({ state: 'ready', detail: expect.stringContaining('frontend-tester') });
    expect(d.capabilities()?.sources).toContain('Automatic Document Feeder');
  });

  it('reports a configured scanner that is not there as not found', async () => {
    const status = await started(driver({ device: 'test:7' }));
    expect(status).toMatchObject({ state: 'error', code: 'scanner.not-found' });
  });

  it('refuses settings the scanner cannot do, naming what it offers', async () => {
    const status = await started(driver({ mode: 'lineart' }));
    expect(status).toMatchObject({ state: 'error', code: 'scanner.unsupported-setting', message: expect.stringContaining('Gray, Color') });
  });
});

describe('scanning with the SANE test backend', () => {
  it('turns a 300 dpi flatbed page into one PNG image event with its dpi, then is ready again', async () => {
    const d = driver({ format: 'png', resolution: 300, mode: 'gray' });
    await started(d);
    const events = recordEvents(d);
    await d.trigger();
    expect(events.map((e) => e.event)).toEqual(['status', 'document-present', 'image', 'document-removed', 'status']);
    const image = events.find((e) => e.event === 'image')!.args[0] as ImageEvent;
    expect(image).toMatchObject({ side: 'front', light: 'white', mime: 'image/png', dpi: 300, source: 'sane:desk-scanner' });
    // resources/sane/test.conf scans an ID-1 card, 86 × 54 mm: at 300 dpi about 1016 × 638 pixels.
    expect(await imageSize(image)).toMatchObject({ format: 'png', width: expect.closeTo(1016, -1), height: expect.closeTo(638, -1) });
    expect(events.at(-1)!.args[0]).toMatchObject({ state: 'ready' });
    // Pages are personal data: nothing is left in the temp folder.
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it('scans colour JPEG at the resolution asked for', async () => {
    const d = driver({ format: 'jpeg', resolution: 150, mode: 'color', light: 'ir' });
    await started(d);
    const image = nextEvent(d, 'image');
    await d.trigger();
    const [event] = await image;
    expect(event).toMatchObject({ mime: 'image/jpeg', dpi: 150, light: 'ir' });
    expect(await imageSize(event)).toMatchObject({ format: 'jpeg', width: expect.closeTo(508, -1) });
  });

  it('scans a page from the document feeder', async () => {
    const d = driver({ source: 'adf', format: 'png', resolution: 100 });
    const status = await started(d);
    expect(status).toMatchObject({ state: 'ready', detail: expect.stringContaining('feeder') });
    const images: ImageEvent[] = [];
    d.on('image', (e) => images.push(e));
    await d.trigger();
    await d.trigger();
    expect(images.map((i) => i.side)).toEqual(['front', 'front']);
  });

  it('refuses a second scan while one is running', async () => {
    const d = driver(slow, { extraArgs: slowScan });
    await started(d);
    const first = d.trigger();
    await expect(d.trigger()).rejects.toMatchObject({ code: 'scanner.busy' });
    await d.cancel();
    await expect(first).rejects.toMatchObject({ code: 'scanner.cancelled' });
  });
});

// Makes the test backend pause 200 ms between small reads (in Gray mode; Color ignores the delay):
// a 1200 dpi page (about 10 MB) then takes many minutes, so it cannot finish during a test.
const slowScan = ['--read-limit=yes', '--read-limit-size=1', '--read-delay=yes', '--read-delay-duration=200000'];
const slow = { mode: 'gray', resolution: 1200 } as const;

describe('scanner failures', () => {
  it.each([
    ['flatbed', 'SANE_STATUS_JAMMED', 'scanner.jammed', 'ready'],
    ['flatbed', 'SANE_STATUS_COVER_OPEN', 'scanner.cover-open', 'ready'],
    ['flatbed', 'SANE_STATUS_NO_DOCS', 'scanner.no-documents', 'ready'],
    ['adf', 'SANE_STATUS_JAMMED', 'scanner.jammed', 'ready'],
    // In batch mode scanimage ends an empty feeder with exit 0 and no page.
    ['adf', 'SANE_STATUS_NO_DOCS', 'scanner.no-documents', 'ready'],
    ['flatbed', 'SANE_STATUS_IO_ERROR', 'scanner.io-error', 'error'],
    ['flatbed', 'SANE_STATUS_DEVICE_BUSY', 'scanner.busy', 'ready'],
    // scanimage itself (not the driver) now and then never exits in batch mode with the test backend's
    // forced status: measured 1 run in 80 with SANE_STATUS_NO_DOCS. The driver's own timeout ends
    // such a run as scanner.timeout (tested below); here a short timeout and one retry keep the
    // status mapping under test without waiting on the backend's quirk.
  ] as const)('%s scan ending in %s gives read-error %s and leaves the driver %s', { retry: 1 }, async (source, status, code, after) => {
    const d = driver({ source, resolution: 75, timeoutSeconds: 5 }, { extraArgs: [`--read-return-value=${status}`] });
    await started(d);
    const events = recordEvents(d);
    await expect(d.trigger()).rejects.toMatchObject({ code });
    const readError = events.find((e) => e.event === 'read-error');
    expect(readError?.args[0]).toMatchObject({ code, message: expect.stringMatching(/\w+.*\./) });
    expect(events.some((e) => e.event === 'image')).toBe(false);
    expect(events.at(-1)!.args[0]).toMatchObject({ state: after });
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it('gives up on a scan that outlasts its timeout and kills scanimage', async () => {
    const d = driver({ ...slow, timeoutSeconds: 1 }, { extraArgs: slowScan, killGraceMs: 500 });
    await started(d);
    await expect(d.trigger()).rejects.toMatchObject({ code: 'scanner.timeout' });
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it('refuses to scan before the scanner is ready', async () => {
    const d = driver();
    await expect(d.trigger()).rejects.toMatchObject({ code: 'scanner.not-ready' });
  });
});

describe('cancel', () => {
  it('kills the whole process group, including what scanimage’s wrapper started', async () => {
    // A wrapper that runs the real scanimage as its own child: killing only the wrapper's pid would
    // leave scanimage scanning. The driver must kill the group.
    const wrapper = path.join(work, 'scanimage-wrapper.sh');
    const pidFile = path.join(work, 'scanimage.pid');
    fs.writeFileSync(wrapper, `#!/bin/sh\nscanimage "$@" &\necho $! > "${pidFile}"\nwait\n`, { mode: 0o755 });
    const d = driver(slow, { scanimagePath: wrapper, extraArgs: slowScan, tempDir: fs.mkdtempSync(path.join(work, 't-')) });
    await started(d);
    fs.rmSync(pidFile); // written by the probe's run; the scan writes its own
    const scan = d.trigger();
    const pid = await waitFor(() => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) || null : null));
    expect(alive(pid)).toBe(true);
    await d.cancel();
    await expect(scan).rejects.toMatchObject({ code: 'scanner.cancelled' });
    await waitFor(() => (alive(pid) ? null : true));
    expect(alive(pid)).toBe(false);
  });

  it('stop() during a scan kills it and goes offline without a read-error', async () => {
    const d = driver(slow, { extraArgs: slowScan });
    await started(d);
    const events = recordEvents(d);
    const scan = d.trigger().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    await d.stop();
    await scan;
    expect(events.some((e) => e.event === 'read-error')).toBe(false);
    expect(events.at(-1)!.args[0]).toEqual({ state: 'offline' });
  });
});

/** Whether a process exists and is not a zombie (an orphan's exit may wait for a reaper). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

async function waitFor<T>(probe: () => T | null, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
