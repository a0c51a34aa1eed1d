// The serial line reader against real PTY pairs from socat: the far end plays the reader byte for byte.
import { once } from 'node:events';
import { SerialPort } from 'serialport';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DriverEvents, DriverStatus, MrzEvent, ReadErrorEvent } from '../../../main/devices/driver';
import { exponentialBackoff } from '../../../main/devices/device-backoff';
import { SerialLineReader } from '../../../main/devices/serial/serial-line-reader';
import { SerialReaderSettings } from '../../../main/devices/serial/serial-reader-settings';
import { hasSocat, openPtyPair, type PtyPair } from '../../fakes/pty';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const fastBackoff = exponentialBackoff({ initialMs: 20, maxMs: 200, jitter: 0 });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

beforeAll(() => {
  if (!hasSocat()) throw new Error('socat is required for the serial integration tests (apt-get install -y socat)');
});

async function pair(): Promise<PtyPair> {
  const p = await openPtyPair();
  cleanups.push(() => p.close());
  return p;
}

function reader(path: string, extra: Record<string, unknown> = {}): SerialLineReader {
  const driver = new SerialLineReader({ id: 'desk-reader', settings: SerialReaderSettings.parse({ path, ...extra }), backoff: fastBackoff, presenceCheckMs: 100 });
  cleanups.push(() => driver.stop());
  return driver;
}

/** Opens the far end of the pair, where the test plays the reader. */
async function farEnd(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanups.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return port;
}

async function send(port: SerialPort, bytes: string | Uint8Array): Promise<void> {
  await new Promise<void>((resolve, reject) => port.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve) => port.drain(() => resolve()));
}

/** Resolves with the first event (of that name) that satisfies `test`; rejects after `ms`. */
function next<E extends keyof DriverEvents>(driver: SerialLineReader, event: E, test: (...args: DriverEvents[E]) => boolean = () => true, ms = 8000): Promise<DriverEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      driver.off(event, listener as never);
      reject(new Error(`no matching '${String(event)}' event within ${ms} ms (status: ${JSON.stringify(driver.status())})`));
    }, ms);
    const listener = (...args: DriverEvents[E]) => {
      if (!test(...args)) return;
      clearTimeout(timer);
      driver.off(event, listener as never);
      resolve(args);
    };
    driver.on(event, listener as never);
  });
}

const isState = (state: DriverStatus['state']) => (s: DriverStatus) => s.state === state;

async function ready(driver: SerialLineReader): Promise<void> {
  const became = next(driver, 'status', isState('ready'));
  await driver.start();
  await became;
}

describe('serial line reader on a real PTY', () => {
  it('reads a passport MRZ end to end: present, reading, the lines with their raw bytes, ready again', async () => {
    const p = await pair();
    const driver = reader(p.a, { framing: { lineEnding: 'crlf' } });
    const statuses: string[] = [];
    driver.on('status', (s) => statuses.push(s.state));
    await ready(driver);
    const far = await farEnd(p.b);
    const present = once(driver, 'document-present');
    const mrz = next(driver, 'mrz');
    const bytes = `${td3[0]}\r\n${td3[1]}\r\n`;
    await send(far, bytes);
    await present;
    const [event] = await mrz;
    expect(event).toEqual({ lines: td3, raw: new Uint8Array(Buffer.from(bytes, 'latin1')), partial: false, source: `serial:${p.a}` });
    expect(statuses).toEqual(['connecting', 'ready', 'reading', 'ready']);
  });

  it('reads an ID card sent in STX/ETX frames, one byte per write', async () => {
    const p = await pair();
    const driver = reader(p.a, { framing: { prefix: 'STX', suffix: 'ETX', frameEndsDocument: true } });
    await ready(driver);
    const far = await farEnd(p.b);
    const mrz = next(driver, 'mrz');
    for (const byte of Buffer.from(`\x02${td1.join('\r')}\r\x03`, 'latin1')) await send(far, Uint8Array.of(byte));
    const [event] = await mrz;
    expect(event.lines).toEqual(td1);
    expect(event.partial).toBe(false);
  });

  it('reports garbage as one unreadable read with its bytes, and still reads the document after it', async () => {
    const p = await pair();
    const driver = reader(p.a);
    await ready(driver);
    const far = await farEnd(p.b);
    const error = next(driver, 'read-error');
    const mrz = next(driver, 'mrz');
    await send(far, Uint8Array.from([0xff, 0x13, 0x88, 0x41, 0x0d, 0x0a, 0x90, 0x91, 0x0d]));
    await send(far, `${td3[0]}\r${td3[1]}\r`);
    const [[event], [read]] = await Promise.all([mrz, error]);
    expect(event.lines).toEqual(td3);
    expect(read.code).toBe('reader.unreadable');
    expect([...(read.raw ?? [])]).toEqual([0xff, 0x13, 0x88, 0x41, 0x0d, 0x0a, 0x90, 0x91, 0x0d]);
    expect([...driver.failedReadBytes()]).toEqual([0xff, 0x13, 0x88, 0x41, 0x0d, 0x0a, 0x90, 0x91, 0x0d]);
  });

  it('hands over a document cut off by an unplug as partial, then reconnects by itself when replugged', async () => {
    const p = await pair();
    // A long idle time, so only the unplug (never the idle timeout) can end the document.
    const driver = reader(p.a, { framing: { idleMs: 10_000 } });
    await ready(driver);
    const far = await farEnd(p.b);
    const partial = next(driver, 'mrz');
    const unplugged = next(driver, 'status', isState('error'));
    await send(far, `${td3[0]}\r\n${td3[1]!.slice(0, 40)}`);
    await next(driver, 'document-present');
    await p.unplug();
    const [[cut], [status]] = await Promise.all([partial, unplugged]);
    expect(cut).toMatchObject({ lines: [td3[0], td3[1]!.slice(0, 40)], partial: true });
    expect(status).toMatchObject({ state: 'error', code: 'reader.unplugged' });
    expect(driver.failedReadBytes().length).toBeGreaterThan(0);

    const back = next(driver, 'status', isState('ready'));
    await p.replug();
    await back;
    const far2 = await farEnd(p.b);
    const mrz = next(driver, 'mrz');
    await send(far2, `${td1.join('\r\n')}\r\n`);
    const [event] = await mrz;
    expect(event).toMatchObject({ lines: td1, partial: false });
  });

  it('says another program holds the port when it is already open', async () => {
    const p = await pair();
    const first = reader(p.a);
    await ready(first);
    const second = reader(p.a);
    const busy = next(second, 'status', isState('error'));
    await second.start();
    const [status] = await busy;
    expect(status).toMatchObject({ state: 'error', code: 'reader.port-busy' });
    expect(status.state === 'error' && status.message).toMatch(/in use by another program/);
  });

  it('waits for a reader that is not plugged in yet and connects when it appears', async () => {
    const p = await pair();
    const path = `${p.dir}/later`;
    const driver = reader(path);
    const missing = next(driver, 'status', isState('error'));
    await driver.start();
    const [status] = await missing;
    expect(status).toMatchObject({ code: 'reader.not-found' });
    const connected = next(driver, 'status', isState('ready'));
    const later = await openPtyPair({ dir: p.dir, names: ['later', 'later-far'] });
    cleanups.push(() => later.unplug());
    await connected;
  });

  it('says when a reader never answers its trigger, and passes the test when it does', async () => {
    const p = await pair();
    const driver = reader(p.a, { triggerString: '\x16T\r', answerTimeoutMs: 300 });
    await ready(driver);
    const far = await farEnd(p.b);
    const noAnswer = next(driver, 'read-error');
    expect(driver.trigger).toBeTypeOf('function');
    await driver.trigger?.();
    const [error] = await noAnswer;
    expect(error).toMatchObject({ code: 'reader.no-answer' } satisfies Partial<ReadErrorEvent>);
    expect(await driver.probe()).toMatchObject({ ok: false, code: 'reader.no-answer' });

    // A reader that answers the trigger with its MRZ.
    far.on('data', (chunk: Buffer) => {
      if (chunk.includes(0x16)) void send(far, `${td3[0]}\r${td3[1]}\r`);
    });
    const mrz = next(driver, 'mrz');
    expect(await driver.probe()).toMatchObject({ ok: true });
    const [event] = await mrz;
    expect(event.lines).toEqual(td3);
  });

  it('has no trigger when the reader reads by itself, and refuses one before it is connected', async () => {
    const p = await pair();
    expect(reader(p.a).trigger).toBeUndefined();
    const driver = reader(p.a, { triggerString: '\x16T\r' });
    await expect(driver.trigger?.()).rejects.toMatchObject({ code: 'reader.not-ready' });
    const plain = reader(p.a);
    await ready(plain);
    await expect(plain.sendTrigger()).rejects.toMatchObject({ code: 'reader.no-trigger' });
  });

  it('releases the port on stop, so another reader can open it', async () => {
    const p = await pair();
    const first = reader(p.a);
    await ready(first);
    await first.stop();
    expect(first.status()).toEqual({ state: 'offline' });
    const second = reader(p.a);
    await ready(second);
    const mrz: Promise<[MrzEvent]> = next(second, 'mrz');
    await send(await farEnd(p.b), `${td3[0]}\n${td3[1]}\n`);
    expect((await mrz)[0].lines).toEqual(td3);
  });
});
