// The serial driver's own logic with a scripted port and a manual clock: reconnect backoff, what is
// logged. Real-PTY behaviour is in test/integration/devices/serial-line-reader.test.ts.
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../../../main/devices/driver';
import { SerialLineReader, type ReaderClock, type PortOpenOptions, type ReaderPort } from '../../../../../main/devices/serial/serial-line-reader';
import { exponentialBackoff } from '../../../../../main/devices/device-backoff';
import { SerialReaderSettings } from '../../../../../main/devices/serial/serial-reader-settings';

class ManualClock implements ReaderClock {
  time = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private ids = 0;
  readonly delays: number[] = [];
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.delays.push(ms);
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Runs every timer due within `ms`, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

class ScriptedPort extends EventEmitter implements ReaderPort {
  isOpen = false;
  constructor(private readonly outcome: Error | null) {
    super();
  }
  open(callback: (error: Error | null) => void): void {
    this.isOpen = this.outcome === null;
    queueMicrotask(() => callback(this.outcome));
  }
  write(_data: Uint8Array | string, callback?: (error: Error | null | undefined) => void): boolean {
    callback?.(null);
    return true;
  }
  drain(callback: (error: Error | null) => void): void {
    callback(null);
  }
  close(callback?: (error: Error | null) => void): void {
    this.isOpen = false;
    callback?.(null);
  }
  unplug(): void {
    this.isOpen = false;
    this.emit('close', Object.assign(new Error('disconnected'), { disconnected: true }));
  }
  send(text: string): void {
    this.emit('data', Buffer.from(text, 'latin1'));
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const notFound = () => Object.assign(new Error('Error: No such file or directory, cannot open COM7'), { code: 'ENOENT' });

function setUp(outcomes: Array<Error | null>, log?: pino.Logger) {
  const clock = new ManualClock();
  const ports: ScriptedPort[] = [];
  const opened: PortOpenOptions[] = [];
  const driver = new SerialLineReader({
    id: 'desk',
    // A Windows-style path: no device-file presence checks, so the clock sees only reconnect timers.
    settings: SerialReaderSettings.parse({ path: 'COM7', line: { baudRate: 19200, parity: 'even', dataBits: 7, flowControl: 'rtscts' } }),
    clock,
    backoff: exponentialBackoff({ initialMs: 100, maxMs: 1000, jitter: 0.2, random: () => 0.5 }),
    openPort: (options) => {
      opened.push(options);
      const port = new ScriptedPort(outcomes.shift() ?? null);
      ports.push(port);
      return port;
    },
    ...(log ? { log } : {}),
  });
  const statuses: DriverStatus[] = [];
  driver.on('status', (s) => statuses.push(s));
  return { clock, ports, opened, driver, statuses };
}

describe('serial line reader (scripted port)', () => {
  it('opens the port with the configured line settings', async () => {
    const { driver, opened } = setUp([null]);
    await driver.start();
    await flush();
    expect(opened[0]).toEqual({ path: 'COM7', baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1, rtscts: true, xon: false, xoff: false });
    await driver.stop();
  });

  it('reconnects after an unplug with doubling delays, and starts again from the base once connected', async () => {
    const { driver, ports, clock, statuses } = setUp([null, notFound(), notFound(), null]);
    await driver.start();
    await flush();
    expect(driver.status().state).toBe('ready');

    ports[0]?.unplug();
    expect(driver.status()).toMatchObject({ state: 'error', code: 'reader.unplugged' });
    for (const wait of [100, 200, 400]) {
      clock.advance(wait - 1);
      const before = ports.length;
      clock.advance(1);
      expect(ports.length).toBe(before + 1);
      await flush();
    }
    expect(driver.status().state).toBe('ready');
    expect(statuses.map((s) => (s.state === 'error' ? s.code : s.state))).toEqual(['connecting', 'ready', 'reader.unplugged', 'reader.not-found', 'ready']);

    ports[3]?.unplug();
    clock.advance(100);
    expect(ports.length).toBe(5);
    await driver.stop();
  });

  it('stops reconnecting once stopped', async () => {
    const { driver, ports, clock } = setUp([notFound()]);
    await driver.start();
    await flush();
    await driver.stop();
    clock.advance(60_000);
    expect(ports.length).toBe(1);
    expect(driver.status()).toEqual({ state: 'offline' });
  });

  it('logs that a document arrived without its text or bytes', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const { driver, ports } = setUp([null], log);
    const mrz: string[][] = [];
    driver.on('mrz', (m) => mrz.push(m.lines));
    await driver.start();
    await flush();
    ports[0]?.send('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\rL898902C36UTO7408122F1204159ZE184226B<<<<<10\r');
    ports[0]?.send('\xff\xfe\r');
    expect(mrz).toHaveLength(1);
    const logged = lines.join('\n');
    expect(logged).toMatch(/reader sent a document/);
    expect(logged).not.toMatch(/ERIKSSON|L898902C3|740812/);
    await driver.stop();
  });

  it('keeps the bytes of a partial document for support when the reader goes quiet', async () => {
    const { driver, ports, clock } = setUp([null]);
    const events: boolean[] = [];
    driver.on('mrz', (m) => events.push(m.partial));
    await driver.start();
    await flush();
    ports[0]?.send('I<UTOD231458907<<<<<<<<<<<<<<<\r');
    clock.advance(299);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual([true]);
    expect(Buffer.from(driver.failedReadBytes()).toString('latin1')).toBe('I<UTOD231458907<<<<<<<<<<<<<<<\r');
    await driver.stop();
  });
});
