// Plays a serial MRZ reader on the far end of a PTY (or any serial port): writes MRZ lines with a
// chosen framing, whole or in chunks, so the serial driver is exercised byte for byte. Used by demo
// mode's "serial" variant, the serial tests and the benchmark. Runs in main (plain Node).
import { SerialPort } from 'serialport';
import { parseByteMarker } from '../../devices/framing/byte-marker';

export type WireFraming = {
  /** What ends each line on the wire (default CR LF). */
  lineEnding?: 'cr' | 'lf' | 'crlf';
  /** Frame markers as text ("STX", "1B 44 4F 43"); empty = none. */
  prefix?: string;
  suffix?: string;
  /** Markers around the whole document (default) or around each line. */
  wrap?: 'document' | 'line';
};

const endings = { cr: '\r', lf: '\n', crlf: '\r\n' } as const;

/** The bytes a reader with this framing sends for `lines`. */
export function encodeMrzForWire(lines: readonly string[], framing: WireFraming = {}): Uint8Array {
  const end = new TextEncoder().encode(endings[framing.lineEnding ?? 'crlf']);
  const prefix = parseByteMarker(framing.prefix ?? '');
  const suffix = parseByteMarker(framing.suffix ?? '');
  const parts: Uint8Array[] = [];
  const text = (l: string) => new TextEncoder().encode(l);
  if ((framing.wrap ?? 'document') === 'line') {
    for (const l of lines) parts.push(prefix, text(l), end, suffix);
  } else {
    parts.push(prefix);
    for (const l of lines) parts.push(text(l), end);
    parts.push(suffix);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export type Chunking = {
  /** Bytes per write (default: all at once). */
  chunkSize?: number;
  /** Pause between chunks, ms (default 0). */
  gapMs?: number;
};

export class PtyMrzWriter {
  private constructor(private readonly port: SerialPort) {}

  /** Opens the far end at `path` (for a PTY pair, the end the driver does not open). */
  static async open(path: string, baudRate = 9600): Promise<PtyMrzWriter> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    // Whatever the driver sends (trigger strings) is read and dropped so the PTY never fills up.
    port.on('data', () => undefined);
    port.on('error', () => undefined);
    return new PtyMrzWriter(port);
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  /** Calls `listener` with each chunk the driver writes (a trigger string, say). */
  onReceive(listener: (bytes: Uint8Array) => void): void {
    this.port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk)));
  }

  async send(bytes: Uint8Array, chunking: Chunking = {}): Promise<void> {
    const size = chunking.chunkSize ?? bytes.length;
    for (let at = 0; at < bytes.length; at += Math.max(1, size)) {
      await this.write(bytes.subarray(at, at + Math.max(1, size)));
      if (chunking.gapMs && at + size < bytes.length) await new Promise((r) => setTimeout(r, chunking.gapMs));
    }
  }

  async sendDocument(lines: readonly string[], framing: WireFraming = {}, chunking: Chunking = {}): Promise<void> {
    await this.send(encodeMrzForWire(lines, framing), chunking);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }

  private write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => {
        if (error) reject(error);
        else this.port.drain((e) => (e ? reject(e) : resolve()));
      });
    });
  }
}
