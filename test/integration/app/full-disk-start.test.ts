// Issue 12 §2: the app starts on a full disk (a real tmpfs filled to its last block), says so in
// health instead of dying, and starts its services by itself once an administrator makes room.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp, type ScanStationApp } from '../../../main/app/create-app';
import { appPaths } from '../../../main/config/app-home';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { createLogger } from '../../../main/logging/logger';
import { mountTinyDisk } from '../../fakes/tiny-disk';

const disk = mountTinyDisk(8);
let app: ScanStationApp | null = null;
afterAll(async () => {
  await app?.close();
  if ('dir' in disk) disk.unmount();
});

const ctx = { transport: 'test' as const, clientId: 'disk' };

describe.skipIf('skipped' in disk)(`starting on a full disk${'skipped' in disk ? ` (skipped: ${disk.skipped})` : ''}`, () => {
  it('comes up with a disk-full health, refuses work plainly, and starts its services once there is room', async () => {
    if (!('dir' in disk)) return;
    const paths = appPaths(path.join(disk.dir, 'home'));
    fs.mkdirSync(paths.home);
    // A tiny disk: a 1 MB floor, so "room again" is reachable on 8 MB.
    fs.writeFileSync(paths.settingsFile, JSON.stringify({ disk: { minFreeMb: 1 } }));
    disk.fill();

    const logging = createLogger({ dir: paths.logs });
    app = await createApp({
      shell: 'chromium',
      paths,
      log: logging.log,
      logDropped: logging.dropped,
      version: '0.0.0-test',
      custodyFor: (settings) => fileKeyCustody(paths.keyFile, settings.security.acceptFileKey),
      resourcesDir: path.resolve('resources'),
      diskCheckMs: 50,
    });
    const health = await app.dispatcher.dispatch('health.get', undefined, ctx);
    expect(health).toMatchObject({ ok: true, value: { overall: 'down' } });
    const diskPart = (health as { value: { components: Array<{ id: string; state: string; params?: Record<string, number> }> } }).value.components.find((c) => c.id === 'disk');
    expect(diskPart).toMatchObject({ state: 'down', params: { freeMb: 0, floorMb: 1 } });
    expect(logging.dropped()).toBeGreaterThan(0);
    // Health carries the disk-full state; no second, English-only notice repeats it.
    expect(app.info().notice).toBeNull();
    expect(await app.dispatcher.dispatch('session.get', undefined, ctx)).toMatchObject({ ok: false, code: 'app.services-failed', message: expect.stringMatching(/disk.*full/) });

    const sessionStarted = new Promise((resolve) => app!.events.attach((name) => name === 'session.changed' && resolve(name)));
    disk.makeRoom();
    await sessionStarted;
    await vi.waitFor(async () => expect(await app!.dispatcher.dispatch('session.get', undefined, ctx)).toMatchObject({ ok: true, value: { state: 'signed-out' } }));
    expect(app.health.refresh().components.find((c) => c.id === 'disk')?.state).not.toBe('down');
    logging.close();
  });
});
