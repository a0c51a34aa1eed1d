import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/app-error';
import { createDeviceManager, type DeviceManager, type DeviceManagerOptions } from '../../../../main/devices/device-manager';
import type { ManagerDeviceView as DeviceView } from '../../../../main/devices/manager-view';
import { DeviceSettings } from '../../../../main/devices/device-settings';
import { createDriverRegistry, type DriverRegistry } from '../../../../main/devices/driver-registry';
import { silentLogger } from '../../../../main/logging/logger';
import { FakeDriver, type FakeStart } from '../../../fakes/fake-driver';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/** Timers the test fires by hand: reconnects and test-read timeouts happen when the test says. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  return {
    schedule: (fn: () => void, ms: number) => {
      const t = { fn, ms, live: true };
      pending.push(t);
      return () => void (t.live = false);
    },
    delays: () => pending.filter((t) => t.live).map((t) => t.ms),
    async fireAll() {
      const due = pending.filter((t) => t.live);
      for (const t of due) t.live = false;
      for (const t of due) t.fn();
      await settle();
    },
  };
}

/** Lets queued promise chains (driver stop → start) run. */
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r));
};

type Harness = {
  manager: DeviceManager;
  registry: DriverRegistry;
  timers: ReturnType<typeof manualTimers>;
  /** Every driver the factory made, per device id, oldest first. */
  made: Map<string, FakeDriver[]>;
  /** What the next driver for an id does on start. */
  plan: Map<string, FakeStart[]>;
  latest(id: string): FakeDriver;
};

let managers: DeviceManager[] = [];
afterEach(async () => {
  await Promise.all(managers.map((m) => m.stop()));
  managers = [];
});

function harness(extra: Partial<DeviceManagerOptions> = {}): Harness {
  const registry = createDriverRegistry();
  const made = new Map<string, FakeDriver[]>();
  const plan = new Map<string, FakeStart[]>();
  const factory = (config: { id: string; kind: FakeDriver['kind'] }) => {
    const d = new FakeDriver(config.id, config.kind);
    d.onStart = plan.get(config.id)?.shift() ?? 'ready';
    made.set(config.id, [...(made.get(config.id) ?? []), d]);
    return d;
  };
  registry.registerDriverKind('serial', factory);
  registry.registerDriverKind('camera', factory);
  const timers = manualTimers();
  let clock = 1_000_000;
  const manager = createDeviceManager({
    registry,
    log: silentLogger(),
    now: () => (clock += 10),
    schedule: timers.schedule,
    backoff: (attempt) => attempt * 1000,
    ...extra,
  });
  managers.push(manager);
  return { manager, registry, timers, made, plan, latest: (id) => made.get(id)!.at(-1)! };
}

const serial = (id: string, extra: object = {}) => ({ id, label: `Reader ${id}`, kind: 'serial', options: { path: `/dev/${id}` }, ...extra });
const settings = (...devices: object[]) => DeviceSettings.parse({ devices });
const statusOf = (m: DeviceManager, id: string) => m.list().find((v) => v.id === id)!;

describe('starting configured devices', () => {
  it('starts each enabled device and shows it ready, with a snapshot the contract accepts', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a'), serial('b', { enabled: false })));
    await settle();
    const list = h.manager.list();
    expect(list.map((v) => [v.id, v.status.state, v.enabled])).toEqual([
      ['a', 'ready', true],
      ['b', 'offline', false],
    ]);
    expect(h.made.has('b')).toBe(false);
    // Only the view's own fields: nothing a driver carries (bytes, MRZ text) leaks into it.
    for (const v of list) expect(Object.keys(v).sort()).toEqual(['canTrigger', 'enabled', 'id', 'kind', 'label', 'lastError', 'reconnect', 'status']);
  });

  it('forwards every driver event with the device id', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const seen: unknown[][] = [];
    for (const name of ['document-present', 'document-removed', 'mrz', 'image', 'read-error'] as const) {
      h.manager.on(name, (...args: unknown[]) => seen.push([name, ...args]));
    }
    const d = h.latest('a');
    const mrz = { lines: td3, raw: new Uint8Array([1]), partial: false, source: 'serial:a' };
    const image = { side: 'front', light: 'white', mime: 'image/jpeg', bytes: new Uint8Array([0xff]), source: 'serial:a' } as const;
    d.emit('document-present');
    d.emit('mrz', mrz);
    d.emit('image', image);
    d.emit('read-error', { code: 'reader.bad-frame', message: 'Bad frame.' });
    d.emit('document-removed');
    expect(seen).toEqual([
      ['document-present', 'a'],
      ['mrz', 'a', mrz],
      ['image', 'a', image],
      ['read-error', 'a', { code: 'reader.bad-frame', message: 'Bad frame.' }],
      ['document-removed', 'a'],
    ]);
  });

  it('publishes the whole list on every change', async () => {
    const h = harness();
    const snapshots: DeviceView[][] = [];
    h.manager.on('changed', (list) => snapshots.push(list));
    await h.manager.apply(settings(serial('a')));
    await settle();
    expect(snapshots.at(-1)!.map((v) => v.status.state)).toEqual(['ready']);
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
  });

  it('says plainly that a kind without a registered driver cannot be used, without retrying', async () => {
    const h = harness();
    await h.manager.apply(settings({ id: 'scan', label: 'Flatbed', kind: 'sane' }));
    await settle();
    expect(statusOf(h.manager, 'scan').status).toMatchObject({ state: 'error', code: 'device.unsupported', message: expect.stringContaining('Flatbed') });
    expect(h.timers.delays()).toEqual([]);
  });

  it('refuses to register a kind twice', () => {
    const h = harness();
    expect(() => h.registry.registerDriverKind('serial', () => new FakeDriver('x'))).toThrow(/already registered/);
  });
});

describe('reconnecting after failures', () => {
  it('retries a driver that throws in start(), with growing backoff, until it starts', async () => {
    const h = harness();
    h.plan.set('a', ['throw', 'throw', 'ready']);
    await h.manager.apply(settings(serial('a')));
    await settle();
    let view = statusOf(h.manager, 'a');
    expect(view.status).toMatchObject({ state: 'error', code: 'device.start-failed' });
    expect(view.lastError?.message).toContain('tries again by itself');
    expect(view.reconnect).toMatchObject({ attempt: 1 });
    expect(h.timers.delays()).toEqual([1000]);
    await h.timers.fireAll();
    expect(h.timers.delays()).toEqual([2000]);
    await h.timers.fireAll();
    view = statusOf(h.manager, 'a');
    expect(view.status.state).toBe('ready');
    expect(view.reconnect).toBeNull();
    // The last failure stays visible for support after the device recovers.
    expect(view.lastError?.code).toBe('device.start-failed');
    expect(h.made.get('a')).toHaveLength(3);
  });

  it('reconnects after an unplug with no restart: stops the old driver, starts a fresh one', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const first = h.latest('a');
    first.unplug();
    await settle();
    expect(first.stops).toBe(1);
    expect(statusOf(h.manager, 'a').status).toMatchObject({ state: 'error', code: 'reader.unplugged' });
    await h.timers.fireAll();
    expect(h.made.get('a')).toHaveLength(2);
    expect(statusOf(h.manager, 'a').status.state).toBe('ready');
  });

  it('leaves reconnecting to a driver kind that does it itself, still showing its error', async () => {
    const h = harness();
    h.registry.registerDriverKind('simulated', (c) => new FakeDriver(c.id, 'simulated'), { reconnectsItself: true });
    await h.manager.apply(settings({ id: 'sim', label: 'Simulated', kind: 'simulated' }));
    await settle();
    const view = () => statusOf(h.manager, 'sim');
    expect(view().status.state).toBe('ready');
    const driver = h.manager.get('sim') as FakeDriver;
    driver.unplug();
    await settle();
    expect(view().status).toMatchObject({ state: 'error', code: 'reader.unplugged' });
    expect(h.timers.delays()).toEqual([]);
    expect(driver.stops).toBe(0);
    driver.setStatus({ state: 'ready' });
    expect(view().status.state).toBe('ready');
  });

  it('resets the backoff once the device is ready again', async () => {
    const h = harness();
    h.plan.set('a', ['ready', 'error', 'ready']);
    await h.manager.apply(settings(serial('a')));
    await settle();
    h.latest('a').unplug();
    await settle();
    expect(h.timers.delays()).toEqual([1000]);
    await h.timers.fireAll(); // starts, reports the port busy
    expect(h.timers.delays()).toEqual([2000]);
    await h.timers.fireAll(); // ready
    h.latest('a').unplug();
    await settle();
    expect(h.timers.delays()).toEqual([1000]);
  });

  it('treats a start() that never finishes as a failure', async () => {
    const h = harness({ startTimeoutMs: 30 });
    h.registry.registerDriverKind('simulated', (c) => {
      const d = new FakeDriver(c.id, 'simulated');
      d.start = () => new Promise<void>(() => undefined);
      return d;
    });
    await h.manager.apply(settings({ id: 'sim', label: 'Simulated', kind: 'simulated' }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(statusOf(h.manager, 'sim').status).toMatchObject({ state: 'error', code: 'device.start-timeout' });
    expect(h.timers.delays()).toEqual([1000]);
  });

  it('treats a factory that throws like a failed start, passing its AppError on', async () => {
    const h = harness();
    h.registry.registerDriverKind('simulated', () => {
      throw new AppError('reader.bad-settings', 'The reader settings are incomplete.');
    });
    await h.manager.apply(settings({ id: 'sim', label: 'Simulated', kind: 'simulated' }));
    await settle();
    expect(statusOf(h.manager, 'sim').status).toEqual({ state: 'error', code: 'reader.bad-settings', message: 'The reader settings are incomplete.' });
  });

  it('ignores events from a driver it has replaced', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const old = h.latest('a');
    old.unplug();
    await settle();
    await h.timers.fireAll();
    const images: unknown[] = [];
    h.manager.on('image', (...a) => images.push(a));
    old.emit('image', { side: 'front', light: 'white', mime: 'image/png', bytes: new Uint8Array(), source: 'old' });
    old.setStatus({ state: 'error', code: 'x.y', message: 'stale' });
    expect(images).toEqual([]);
    expect(statusOf(h.manager, 'a').status.state).toBe('ready');
  });

  it('schedules one reconnect however many errors a failing driver reports', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const d = h.latest('a');
    d.onStart = 'ready';
    d.unplug();
    d.unplug();
    await settle();
    expect(h.timers.delays()).toEqual([1000]);
  });

  it('reconnects at once on Retry, forgetting the backoff', async () => {
    const h = harness();
    h.plan.set('a', ['throw', 'throw', 'throw', 'ready']);
    await h.manager.apply(settings(serial('a')));
    await settle();
    await h.timers.fireAll();
    await h.timers.fireAll();
    expect(h.timers.delays()).toEqual([3000]);
    await h.manager.reconnect('a');
    await settle();
    expect(statusOf(h.manager, 'a').status.state).toBe('ready');
    expect(h.timers.delays()).toEqual([]);
  });
});

describe('applying changed settings', () => {
  it('restarts a changed device, leaves an unchanged one alone and stops a removed one', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a'), serial('b'), serial('c')));
    await settle();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => h.latest(id));
    await h.manager.apply(settings(serial('a'), serial('b', { label: 'Renamed' })));
    await settle();
    expect(a!.stops).toBe(0);
    expect(b!.stops).toBe(1);
    expect(h.made.get('b')).toHaveLength(2);
    expect(c!.stops).toBe(1);
    expect(h.manager.list().map((v) => [v.id, v.label])).toEqual([
      ['a', 'Reader a'],
      ['b', 'Renamed'],
    ]);
  });

  it('stops retrying a device that was removed while waiting to reconnect', async () => {
    const h = harness();
    h.plan.set('a', ['throw']);
    await h.manager.apply(settings(serial('a')));
    await settle();
    await h.manager.apply(settings());
    await h.timers.fireAll();
    expect(h.made.get('a')).toHaveLength(1);
  });

  it('stops every driver and every pending reconnect on stop()', async () => {
    const h = harness();
    h.plan.set('b', ['throw']);
    await h.manager.apply(settings(serial('a'), serial('b')));
    await settle();
    await h.manager.stop();
    await h.timers.fireAll();
    expect(h.latest('a').stops).toBe(1);
    expect(h.made.get('b')).toHaveLength(1);
    expect(h.manager.list()).toEqual([]);
  });
});

describe('test this reader', () => {
  it('reports an MRZ by its shape only, after triggering a reader that can be triggered', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const d = h.latest('a');
    d.onTrigger = async () => void d.emit('mrz', { lines: td3, raw: new Uint8Array(90), partial: false, source: 's' });
    const result = await h.manager.testRead('a', 20_000);
    expect(result).toMatchObject({ ok: true, what: 'mrz', lineLengths: [44, 44], partial: false });
    expect(JSON.stringify(result)).not.toContain('ERIKSSON');
    expect(d.triggers).toBe(1);
  });

  it('waits for a reader without trigger to read by itself, and describes the image', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const pending = h.manager.testRead('a', 20_000);
    h.latest('a').emit('image', { side: 'back', light: 'uv', mime: 'image/png', bytes: new Uint8Array(1234), dpi: 600, source: 's' });
    expect(await pending).toMatchObject({ ok: true, what: 'image', side: 'back', light: 'uv', bytes: 1234, dpi: 600 });
  });

  it('passes a failed read on in plain words', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const d = h.latest('a');
    d.onTrigger = async () => void d.emit('read-error', { code: 'scanner.jammed', message: 'The feeder is jammed.' });
    expect(await h.manager.testRead('a', 20_000)).toMatchObject({ ok: false, code: 'scanner.jammed', message: 'The feeder is jammed.' });
  });

  it('passes on a trigger that is refused', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    h.latest('a').onTrigger = async () => {
      throw new AppError('scanner.busy', 'The scanner is busy.');
    };
    expect(await h.manager.testRead('a', 20_000)).toMatchObject({ ok: false, code: 'scanner.busy' });
  });

  it('gives up after the timeout, saying what to do', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    const pending = h.manager.testRead('a', 15_000);
    expect(h.timers.delays()).toEqual([15_000]);
    await h.timers.fireAll();
    expect(await pending).toMatchObject({ ok: false, code: 'device.test-timeout', message: expect.stringContaining('within 15 seconds') });
  });

  it('says a disconnected reader is not connected, with its last error', async () => {
    const h = harness();
    h.plan.set('a', ['error']);
    await h.manager.apply(settings(serial('a')));
    await settle();
    expect(await h.manager.testRead('a', 5000)).toMatchObject({
      ok: false,
      code: 'device.not-ready',
      message: expect.stringContaining('in use by another program'),
    });
  });

  it('throws for a device that is not configured', async () => {
    const h = harness();
    await expect(h.manager.testRead('nope', 5000)).rejects.toMatchObject({ code: 'device.unknown' });
  });
});

describe('triggering and support data', () => {
  it('triggers a ready device, and explains readers that read by themselves', async () => {
    const h = harness();
    await h.manager.apply(settings(serial('a')));
    await settle();
    await expect(h.manager.trigger('a')).rejects.toMatchObject({ code: 'device.no-trigger' });
    h.latest('a').onTrigger = async () => undefined;
    await h.manager.trigger('a');
    expect(h.latest('a').triggers).toBe(1);
    expect(statusOf(h.manager, 'a').canTrigger).toBe(true);
  });

  it('keeps the raw bytes of failed reads, bounded, and never logs them', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _e, cb) => void (lines.push(String(chunk)), cb()) }));
    const h = harness({ log, failedReadCapacity: 2 });
    await h.manager.apply(settings(serial('a')));
    await settle();
    const raw = new TextEncoder().encode(td3.join('\r\n'));
    for (let i = 0; i < 3; i += 1) h.latest('a').emit('read-error', { code: 'reader.bad-frame', message: 'Bad frame.', raw });
    h.latest('a').emit('read-error', { code: 'reader.timeout', message: 'No answer.' });
    const kept = h.manager.failedReads();
    expect(kept).toHaveLength(2);
    expect(new TextDecoder().decode(kept[0]!.raw)).toContain('ERIKSSON');
    expect(lines.join('')).toContain('reader.bad-frame');
    expect(lines.join('')).not.toContain('ERIKSSON');
    expect(statusOf(h.manager, 'a').lastError).toMatchObject({ code: 'reader.timeout' });
  });

  it('lists serial ports and scanners, turning a failing lister into a problem', async () => {
    const h = harness({
      listSerialPorts: async () => [{ path: '/dev/ttyACM0', vendorId: '0483', productId: '5740', knownReader: null }],
      listScanners: async () => {
        throw new AppError('scanner.scanimage-missing', 'Install sane-utils.');
      },
    });
    expect(await h.manager.discover()).toEqual({
      serialPorts: [{ path: '/dev/ttyACM0', vendorId: '0483', productId: '5740', knownReader: null }],
      scanners: [],
      problems: [{ code: 'scanner.scanimage-missing', message: 'Install sane-utils.' }],
    });
  });
});
