// A tiny reader driver for device-manager tests, plus helpers that wait for driver events.
// Fakes only what a test cannot have for real: a reader that fails on command. Runs under vitest.
import { EventEmitter } from 'node:events';
import type { Driver, DriverEvents, DriverStatus } from '../../main/devices/driver';

export type FakeStart = 'ready' | 'throw' | 'error' | 'hang';

export class FakeDriver extends EventEmitter<DriverEvents> implements Driver {
  starts = 0;
  stops = 0;
  triggers = 0;
  /** What the next start() does: become ready, throw, report an error status, or stay connecting. */
  onStart: FakeStart = 'ready';
  /** What trigger() does; undefined leaves the driver without trigger(). */
  onTrigger: (() => Promise<void>) | undefined;
  status: DriverStatus = { state: 'offline' };

  constructor(
    readonly id: string,
    readonly kind: Driver['kind'] = 'serial',
  ) {
    super();
  }

  async start(): Promise<void> {
    this.starts += 1;
    if (this.onStart === 'throw') throw new Error('port exploded');
    this.setStatus({ state: 'connecting' });
    if (this.onStart === 'ready') this.setStatus({ state: 'ready', detail: 'fake' });
    if (this.onStart === 'error') this.setStatus({ state: 'error', code: 'reader.port-busy', message: 'The reader is in use by another program.' });
  }

  async stop(): Promise<void> {
    this.stops += 1;
    this.setStatus({ state: 'offline' });
  }

  get trigger(): (() => Promise<void>) | undefined {
    const handler = this.onTrigger;
    if (!handler) return undefined;
    return async () => {
      this.triggers += 1;
      await handler();
    };
  }

  setStatus(status: DriverStatus): void {
    this.status = status;
    this.emit('status', status);
  }

  unplug(): void {
    this.setStatus({ state: 'error', code: 'reader.unplugged', message: 'The reader was unplugged. Plug it back in.' });
  }
}

/** Resolves with the first `event` whose arguments satisfy `accept`; rejects after `timeoutMs`. */
export function nextEvent<E extends keyof DriverEvents>(
  emitter: EventEmitter<DriverEvents>,
  event: E,
  accept: (...args: DriverEvents[E]) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<DriverEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener as never);
      reject(new Error(`no ${String(event)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: DriverEvents[E]) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      emitter.off(event, listener as never);
      resolve(args);
    };
    emitter.on(event, listener as never);
  });
}

/** Resolves with the first status whose state is one of `states`. */
export async function statusIn(emitter: EventEmitter<DriverEvents>, states: DriverStatus['state'][], timeoutMs?: number): Promise<DriverStatus> {
  const [status] = await nextEvent(emitter, 'status', (s) => states.includes(s.state), timeoutMs);
  return status;
}

/** Collects every event a driver emits, in order, for assertions about sequences. */
export function recordEvents(emitter: EventEmitter<DriverEvents>): Array<{ event: keyof DriverEvents; args: unknown[] }> {
  const seen: Array<{ event: keyof DriverEvents; args: unknown[] }> = [];
  const names: Array<keyof DriverEvents> = ['status', 'document-present', 'document-removed', 'mrz', 'image', 'read-error'];
  for (const event of names) emitter.on(event, (...args: unknown[]) => seen.push({ event, args }));
  return seen;
}
