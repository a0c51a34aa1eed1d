// The device manager with the real built-in drivers: a SANE test-backend scanner (resources/sane)
// and a hot folder on a real temp folder, including reconnecting once the folder comes back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../main/devices/device-backoff';
import { registerBuiltInDrivers } from '../../../main/devices/device-built-ins';
import { createDeviceManager, type DeviceManager } from '../../../main/devices/device-manager';
import type { ManagerDeviceView as DeviceView } from '../../../main/devices/manager-view';
import { DeviceSettings } from '../../../main/devices/device-settings';
import { createDriverRegistry } from '../../../main/devices/driver-registry';
import type { ImageEvent } from '../../../main/devices/driver';
import { listSaneDevices } from '../../../main/devices/sane/sane-driver';
import { silentLogger } from '../../../main/logging/logger';

const saneConfigDir = fileURLToPath(new URL('../../../resources/sane', import.meta.url));

let work: string;
let manager: DeviceManager;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'manager-real-'));
  const registry = createDriverRegistry();
  registerBuiltInDrivers(registry, { sane: { saneConfigDir, tempDir: work } });
  manager = createDeviceManager({
    registry,
    log: silentLogger(),
    // Real timers, short delays: the test waits for states, never for a fixed time.
    backoff: exponentialBackoff({ initialMs: 20, maxMs: 200, jitter: 0 }),
    listScanners: () => listSaneDevices({ saneConfigDir }),
  });
});
afterEach(async () => {
  await manager.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

function until(predicate: (list: DeviceView[]) => boolean, timeoutMs = 15_000): Promise<DeviceView[]> {
  return new Promise((resolve, reject) => {
    if (predicate(manager.list())) return resolve(manager.list());
    const timer = setTimeout(() => {
      manager.off('changed', check);
      reject(new Error(`state not reached: ${JSON.stringify(manager.list().map((v) => v.status))}`));
    }, timeoutMs);
    const check = (list: DeviceView[]) => {
      if (!predicate(list)) return;
      clearTimeout(timer);
      manager.off('changed', check);
      resolve(list);
    };
    manager.on('changed', check);
  });
}
const stateOf = (list: DeviceView[], id: string) => list.find((v) => v.id === id)?.status.state;

describe('device manager with the SANE test backend', () => {
  it('finds the scanner, starts it from settings, and "test this reader" scans a 300 dpi page', async () => {
    const found = await manager.discover();
    expect(found.scanners.map((s) => s.name)).toContain('test:0');
    await manager.apply(
      DeviceSettings.parse({ devices: [{ id: 'flatbed', label: 'Flatbed', kind: 'sane', options: { device: 'test:0', format: 'png', mode: 'gray' } }] }),
    );
    await until((l) => stateOf(l, 'flatbed') === 'ready');
    expect(manager.list()[0]!.canTrigger).toBe(true);
    const images: Array<[string, ImageEvent]> = [];
    manager.on('image', (id, image) => images.push([id, image]));
    const result = await manager.testRead('flatbed', 20_000);
    expect(result).toMatchObject({ ok: true, what: 'image', side: 'front', mime: 'image/png', dpi: 300 });
    expect(images).toHaveLength(1);
    expect(images[0]![0]).toBe('flatbed');
  });

  it('reports a scanner that is not there, keeps retrying, and says so in "test this reader"', async () => {
    await manager.apply(DeviceSettings.parse({ devices: [{ id: 'gone', label: 'Old scanner', kind: 'sane', options: { device: 'test:9' } }] }));
    const list = await until((l) => (l[0]?.reconnect?.attempt ?? 0) >= 2);
    expect(list[0]!.lastError).toMatchObject({ code: 'scanner.not-found' });
    expect(await manager.testRead('gone', 5000)).toMatchObject({ ok: false, code: 'device.not-ready' });
  });
});

describe('device manager with a hot folder', () => {
  it('reconnects by itself once a missing folder appears, then takes scans from it', async () => {
    const folder = path.join(work, 'share');
    await manager.apply(
      DeviceSettings.parse({
        devices: [{ id: 'vendor', label: 'Vendor reader', kind: 'hot-folder', options: { folder, pollIntervalMs: 100, stablePolls: 1, settleMs: 0 } }],
      }),
    );
    await until((l) => l[0]?.status.state === 'error' && l[0].reconnect !== null);
    expect(manager.list()[0]!.lastError).toMatchObject({ code: 'folder.missing' });
    fs.mkdirSync(folder);
    await until((l) => stateOf(l, 'vendor') === 'ready');
    const image = new Promise<ImageEvent>((resolve) => manager.once('image', (_id, i) => resolve(i)));
    const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    fs.writeFileSync(path.join(folder, 'scan1.front.jpg'), jpeg);
    expect((await image).source).toBe('hot-folder:vendor');
  });
});
