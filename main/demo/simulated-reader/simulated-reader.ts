// The simulated reader demo mode uses: a Driver (kind 'simulated') that presents specimen documents
// on demand (trigger / present) or on a timer, emitting the same events a full-page reader does:
// document-present, mrz, images (front/back × white/IR/UV), document-removed. Runs in main.
import { EventEmitter } from 'node:events';
import type { Driver, DriverEvents, DriverStatus, ImageLight, ImageSide } from '../../devices/driver';
import type { IsoDay } from '../../devices/mrz/mrz-dates';
import type { Logger } from '../../logging/logger';
import { specimenDocument, type SpecimenKind, type SpecimenOptions } from './specimen-documents';
import { renderSpecimenImage } from './specimen-images';

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type SimulatedReaderOptions = {
  id: string;
  /** resources/specimens. */
  specimensDir: string;
  /** The desk's day, 'YYYY-MM-DD' (specimens are valid, or expired, relative to it). */
  today: () => IsoDay;
  timers?: Timers;
  /** Present a document every so often (alternating passport and ID card); null/absent = on demand only. */
  intervalMs?: number | null;
  /** How long the document stays on the reader after its read (default 1500 ms). */
  removeAfterMs?: number;
  /** Which images to send (default: front and back in white, IR and UV light). Empty = MRZ only. */
  sides?: ImageSide[];
  lights?: ImageLight[];
  dpi?: number;
  log?: Logger;
};

export class SimulatedReader extends EventEmitter<DriverEvents> implements Driver {
  readonly id: string;
  readonly kind = 'simulated' as const;
  readonly source: string;
  private readonly options: SimulatedReaderOptions;
  private readonly timers: Timers;
  private running = false;
  private current: DriverStatus = { state: 'offline' };
  private intervalTimer: unknown = null;
  private removeTimer: unknown = null;
  private queue: Promise<void> = Promise.resolve();
  private presented = 0;
  private chosen: SpecimenOptions | null = null;

  constructor(options: SimulatedReaderOptions) {
    super();
    this.id = options.id;
    this.source = `simulated:${options.id}`;
    this.options = options;
    this.timers = options.timers ?? realTimers;
  }

  status(): DriverStatus {
    return this.current;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus({ state: 'ready', detail: 'simulated reader' });
    this.scheduleNext();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of [this.intervalTimer, this.removeTimer]) if (t !== null) this.timers.clearTimeout(t);
    this.intervalTimer = this.removeTimer = null;
    await this.queue;
    this.setStatus({ state: 'offline' });
  }

  /** The Scan button: presents the chosen specimen, else the next in turn (passport, ID card). */
  async trigger(): Promise<void> {
    await this.present(this.takeChosen());
  }

  /** Demo rehearsal (issue 11 §6): what every following Scan presents; null goes back to taking turns. */
  chooseNext(options: SpecimenOptions | null): void {
    this.chosen = options;
  }

  private takeChosen(): SpecimenOptions {
    return this.chosen ?? {};
  }

  /**
   * Places a specimen on the reader and reads it. Reads queue one after another, as on a real
   * reader. Options pick the document and the scenario (expired, bad check digit, REFER).
   */
  present(options: SpecimenOptions): Promise<void> {
    const next = this.queue.then(() => this.read(options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(options: SpecimenOptions): Promise<void> {
    if (!this.running) return;
    const kind: SpecimenKind = options.kind ?? (this.presented % 2 === 0 ? 'passport' : 'id-card');
    this.presented++;
    const specimen = specimenDocument({ ...options, kind }, this.options.today());
    if (this.removeTimer !== null) {
      this.timers.clearTimeout(this.removeTimer);
      this.removeTimer = null;
      this.emit('document-removed');
    }
    this.setStatus({ state: 'reading', detail: 'simulated reader' });
    this.emit('document-present');
    const raw = new TextEncoder().encode(specimen.mrz.map((l) => `${l}\r\n`).join(''));
    this.emit('mrz', { lines: [...specimen.mrz], raw, partial: false, source: this.source });
    const sides = this.options.sides ?? ['front', 'back'];
    const lights = this.options.lights ?? ['white', 'ir', 'uv'];
    for (const side of sides) {
      for (const light of lights) {
        if (!this.running) return;
        try {
          const image = await renderSpecimenImage(specimen, side, light, { specimensDir: this.options.specimensDir, dpi: this.options.dpi ?? 300 });
          this.emit('image', { ...image, source: this.source });
        } catch (error) {
          this.options.log?.error({ device: this.id, side, light, err: (error as Error).message }, 'specimen image not rendered');
          this.emit('read-error', { code: 'reader.image-failed', message: 'The simulated reader could not make an image of the specimen. Check that resources/specimens is installed.' });
        }
      }
    }
    if (!this.running) return;
    this.setStatus({ state: 'ready', detail: 'simulated reader' });
    this.removeTimer = this.timers.setTimeout(() => {
      this.removeTimer = null;
      this.emit('document-removed');
    }, this.options.removeAfterMs ?? 1500);
  }

  private scheduleNext(): void {
    const every = this.options.intervalMs;
    if (!this.running || every === null || every === undefined) return;
    this.intervalTimer = this.timers.setTimeout(() => {
      this.intervalTimer = null;
      void this.present(this.takeChosen()).finally(() => this.scheduleNext());
    }, every);
  }

  private setStatus(status: DriverStatus): void {
    const same = JSON.stringify(status) === JSON.stringify(this.current);
    this.current = status;
    if (!same) this.emit('status', status);
  }
}
