// The serial line reader driver: an MRZ reader that sends text lines over a serial or USB virtual COM
// port. Transport (serialport 13) + the pure reader framing; emits the Driver events, reconnects with
// backoff after an unplug, and keeps the bytes of failed reads (bounded, never logged) for support.
// Runs in main (plain Node).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { SerialPort } from 'serialport';
import type { AppError } from '../../app-error';
import type { Logger } from '../../logging/logger';
import type { Driver, DriverEvents, DriverStatus } from '../driver';
import type { FramedMessage } from '../framing/framed-message';
import { endReaderStream, initialReaderFraming, pushReaderBytes, readerFramingDeadline, tickReaderFraming, type ReaderFramingOptions, type ReaderFramingState } from '../framing/reader-framing';
import { BoundedBytes } from './bounded-bytes';
import { exponentialBackoff, type Backoff } from '../device-backoff';
import { ioError, noAnswerError, noTriggerError, notReadyError, openError, unpluggedError } from './serial-errors';
import { toReaderFraming, type SerialReaderSettings } from './serial-reader-settings';

/** Timers and a monotonic clock, injected so tests control time. */
export type ReaderClock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const realReaderClock: ReaderClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the driver needs of a port; serialport's SerialPort is one. */
export interface ReaderPort {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Uint8Array | string, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'close', listener: (error?: Error & { disconnected?: boolean }) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

export type PortOpenOptions = {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
  rtscts: boolean;
  xon: boolean;
  xoff: boolean;
};

export function openSerialPort(options: PortOpenOptions): ReaderPort {
  // lock: true (the default) makes a second opener fail with "Cannot lock port", which we report.
  return new SerialPort({ ...options, autoOpen: false, lock: true }) as unknown as ReaderPort;
}

export type ProbeResult = { ok: boolean; code?: string; message: string };

export type SerialLineReaderOptions = {
  id: string;
  settings: SerialReaderSettings;
  log?: Logger;
  clock?: ReaderClock;
  /** Delay before each reconnect after an unplug (default 250 ms doubling to 5 s, ±20 %). */
  backoff?: Backoff;
  openPort?: (options: PortOpenOptions) => ReaderPort;
  /** How many bytes of failed reads to keep for support (default 4 KB). */
  keepFailedBytes?: number;
  /** How often to check that the device file is still there (default 1000 ms; POSIX paths only). */
  presenceCheckMs?: number;
};

const unreadableMessage =
  "The reader sent something that is not an MRZ. Place the document again; if this keeps happening, check that the reader's preset matches it (baud rate, line endings).";

export class SerialLineReader extends EventEmitter<DriverEvents> implements Driver {
  readonly id: string;
  readonly kind = 'serial' as const;
  readonly source: string;
  private readonly settings: SerialReaderSettings;
  private readonly framingOptions: ReaderFramingOptions;
  private readonly clock: ReaderClock;
  private readonly backoff: Backoff;
  private readonly openPort: (options: PortOpenOptions) => ReaderPort;
  private readonly log: Logger | undefined;
  private readonly failed: BoundedBytes;
  private readonly noise: BoundedBytes;
  private port: ReaderPort | null = null;
  private framing: ReaderFramingState = initialReaderFraming;
  private running = false;
  private attempt = 0;
  private current: DriverStatus = { state: 'offline' };
  private reconnectTimer: unknown = null;
  private tickTimer: unknown = null;
  private noiseTimer: unknown = null;
  private presenceTimer: unknown = null;
  private readonly presenceCheckMs: number;
  private answerWaiters = new Set<() => void>();

  constructor(options: SerialLineReaderOptions) {
    super();
    this.id = options.id;
    this.settings = options.settings;
    this.source = `serial:${options.settings.path}`;
    this.framingOptions = toReaderFraming(options.settings.framing);
    this.clock = options.clock ?? realReaderClock;
    this.backoff = options.backoff ?? exponentialBackoff({ initialMs: 250, maxMs: 5000 });
    this.openPort = options.openPort ?? openSerialPort;
    this.log = options.log;
    this.failed = new BoundedBytes(options.keepFailedBytes ?? 4096);
    this.noise = new BoundedBytes(options.keepFailedBytes ?? 4096);
    this.presenceCheckMs = options.presenceCheckMs ?? 1000;
    if (options.settings.triggerString !== '') this.trigger = () => this.sendTrigger();
  }

  /** The latest status (also emitted as 'status' whenever it changes). */
  status(): DriverStatus {
    return this.current;
  }

  /** The last bytes of failed reads (partial documents, noise), for a support bundle. Never log them. */
  failedReadBytes(): Uint8Array {
    return this.failed.snapshot();
  }

  /** Adds a document's bytes to the failed reads, e.g. when its MRZ did not parse further up. */
  recordFailedRead(raw: Uint8Array): void {
    this.failed.append(raw);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.setStatus({ state: 'connecting', detail: this.settings.path });
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of [this.reconnectTimer, this.tickTimer, this.noiseTimer, this.presenceTimer]) if (timer !== null) this.clock.clearTimeout(timer);
    this.reconnectTimer = this.tickTimer = this.noiseTimer = this.presenceTimer = null;
    for (const wake of this.answerWaiters) wake();
    const port = this.port;
    this.port = null;
    this.framing = initialReaderFraming;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.setStatus({ state: 'offline' });
  }

  /**
   * The Scan button: present only when the settings hold a trigger string, so callers (the device
   * manager's "test this reader") can tell a reader that reads on its own from one that must be asked.
   */
  readonly trigger?: () => Promise<void>;

  /** Sends the trigger string. Throws reader.not-ready / reader.no-trigger. */
  async sendTrigger(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw notReadyError(this.settings.path);
    if (this.settings.triggerString === '') throw noTriggerError(this.settings.path);
    await this.write(port, this.settings.triggerString);
    void this.waitForAnswer(this.settings.answerTimeoutMs).then((answered) => {
      if (!answered && this.running) {
        const error = noAnswerError(this.settings.path, this.settings.answerTimeoutMs, this.settings.line.baudRate);
        this.emit('read-error', { code: error.code, message: error.message });
      }
    });
  }

  /**
   * "Test this reader": is the port open, and does the reader answer its trigger (or arm) string?
   * A reader with neither can only be tested by placing a document, which the result says.
   */
  async probe(): Promise<ProbeResult> {
    const port = this.port;
    if (!port?.isOpen) {
      const s = this.current;
      return s.state === 'error' ? { ok: false, code: s.code, message: s.message } : { ok: false, code: 'reader.not-ready', message: notReadyError(this.settings.path).message };
    }
    const ask = this.settings.triggerString || this.settings.armString;
    if (ask === '') return { ok: true, message: `The reader on ${this.settings.path} is connected. Place a document on it to see a read.` };
    const answered = this.waitForAnswer(this.settings.answerTimeoutMs);
    await this.write(port, ask);
    if (await answered) return { ok: true, message: `The reader on ${this.settings.path} answered.` };
    const error = noAnswerError(this.settings.path, this.settings.answerTimeoutMs, this.settings.line.baudRate);
    return { ok: false, code: error.code, message: error.message };
  }

  private connect(): void {
    const { path } = this.settings;
    const { line } = this.settings;
    let port: ReaderPort;
    try {
      port = this.openPort({
        path,
        baudRate: line.baudRate,
        dataBits: line.dataBits,
        parity: line.parity,
        stopBits: line.stopBits,
        rtscts: line.flowControl === 'rtscts',
        xon: line.flowControl === 'xonxoff',
        xoff: line.flowControl === 'xonxoff',
      });
    } catch (error) {
      this.failConnect(openError(path, error));
      return;
    }
    this.port = port;
    port.on('data', (chunk) => {
      if (this.port === port) this.onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    port.on('close', (error) => this.onClose(port, error));
    port.on('error', (error) => {
      // serialport also reports a failed write or read through 'close' when the device is gone.
      this.log?.warn({ device: this.id, path, err: error.message }, 'reader port error');
    });
    port.open((error) => {
      if (this.port !== port || !this.running) {
        if (!error) port.close();
        return;
      }
      if (error) {
        this.port = null;
        this.failConnect(openError(path, error));
        return;
      }
      this.attempt = 0;
      this.watchPresence(port);
      this.log?.info({ device: this.id, path }, 'reader connected');
      this.setStatus({ state: 'ready', detail: path });
      if (this.settings.armString !== '') {
        this.write(port, this.settings.armString).catch((e: unknown) => this.log?.warn({ device: this.id, err: (e as Error).message }, 'arm string not sent'));
      }
    });
  }

  private failConnect(error: AppError): void {
    this.log?.warn({ device: this.id, path: this.settings.path, code: error.code, attempt: this.attempt }, 'reader not connected');
    this.setStatus({ state: 'error', code: error.code, message: error.message });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer !== null) return;
    const delay = this.backoff(++this.attempt);
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running && this.port === null) this.connect();
    }, delay);
  }

  /**
   * serialport does not always report a hang-up: when the device goes away just after sending
   * (socat killed a few ms after a write, seen here), no 'close' ever comes. So the device file is
   * checked too: gone, or now a different device (a replugged PTY), counts as unplugged.
   */
  private watchPresence(port: ReaderPort): void {
    const { path } = this.settings;
    if (!path.startsWith('/')) return;
    const target = realTarget(path);
    if (target === null) return;
    const check = (): void => {
      this.presenceTimer = null;
      if (this.port !== port) return;
      if (realTarget(path) !== target) {
        const gone = Object.assign(new Error('device file gone'), { disconnected: true });
        this.onClose(port, gone);
        port.close(() => undefined);
        return;
      }
      this.presenceTimer = this.clock.setTimeout(check, this.presenceCheckMs);
    };
    this.presenceTimer = this.clock.setTimeout(check, this.presenceCheckMs);
  }

  private onClose(port: ReaderPort, error?: Error & { disconnected?: boolean }): void {
    if (this.port !== port) return;
    this.port = null;
    if (this.presenceTimer !== null) this.clock.clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    // A document cut off by the unplug is handed over as partial, its bytes kept for support.
    const ended = endReaderStream(this.framing, this.framingOptions);
    this.framing = ended.state;
    this.handle(ended.messages);
    if (this.tickTimer !== null) this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    if (!this.running) return;
    const cause = error?.disconnected ? unpluggedError(this.settings.path) : ioError(this.settings.path, error ?? new Error('port closed'));
    this.log?.warn({ device: this.id, path: this.settings.path, code: cause.code }, 'reader disconnected');
    this.setStatus({ state: 'error', code: cause.code, message: cause.message });
    this.scheduleReconnect();
  }

  private onData(chunk: Uint8Array): void {
    for (const wake of this.answerWaiters) wake();
    const r = pushReaderBytes(this.framing, chunk, this.clock.now(), this.framingOptions);
    this.framing = r.state;
    this.handle(r.messages);
    this.scheduleTick();
  }

  private scheduleTick(): void {
    if (this.tickTimer !== null) this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    const deadline = readerFramingDeadline(this.framing, this.framingOptions);
    if (deadline === null) return;
    this.tickTimer = this.clock.setTimeout(
      () => {
        this.tickTimer = null;
        const r = tickReaderFraming(this.framing, this.clock.now(), this.framingOptions);
        this.framing = r.state;
        this.handle(r.messages);
        this.scheduleTick();
      },
      Math.max(0, deadline - this.clock.now()),
    );
  }

  private handle(messages: FramedMessage[]): void {
    for (const m of messages) {
      if (m.type === 'document-started') {
        this.setStatus({ state: 'reading', detail: this.settings.path });
        this.emit('document-present');
      } else if (m.type === 'document') {
        if (m.partial) this.failed.append(m.raw);
        this.log?.info({ device: this.id, lines: m.lines.length, partial: m.partial, bytes: m.raw.length }, 'reader sent a document');
        this.emit('mrz', { lines: m.lines, raw: m.raw, partial: m.partial, source: this.source });
        if (this.port) this.setStatus({ state: 'ready', detail: this.settings.path });
      } else {
        this.failed.append(m.raw);
        this.queueNoise(m.raw);
      }
    }
  }

  /** Noise is reported once per quiet spell, not once per garbled line. */
  private queueNoise(raw: Uint8Array): void {
    this.noise.append(raw);
    if (this.noiseTimer !== null) return;
    this.noiseTimer = this.clock.setTimeout(() => {
      this.noiseTimer = null;
      const bytes = this.noise.snapshot();
      this.noise.clear();
      this.log?.info({ device: this.id, bytes: bytes.length }, 'reader sent unreadable bytes');
      this.emit('read-error', { code: 'reader.unreadable', message: unreadableMessage, raw: bytes });
    }, this.framingOptions.idleMs);
  }

  private waitForAnswer(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.answerWaiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      const wake = (): void => {
        this.clock.clearTimeout(timer);
        this.answerWaiters.delete(wake);
        resolve(this.running);
      };
      this.answerWaiters.add(wake);
    });
  }

  private write(port: ReaderPort, text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(text, 'latin1'), (error) => {
        if (error) reject(ioError(this.settings.path, error));
        else port.drain((e) => (e ? reject(ioError(this.settings.path, e)) : resolve()));
      });
    });
  }

  private setStatus(status: DriverStatus): void {
    const same = JSON.stringify(status) === JSON.stringify(this.current);
    this.current = status;
    if (!same) this.emit('status', status);
  }
}

/** Where a device path leads (through /dev/serial/by-id or socat links), or null when it is gone. */
function realTarget(path: string): string | null {
  try {
    return fs.realpathSync(path);
  } catch {
    return null;
  }
}
