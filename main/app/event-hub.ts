// Main→renderer events: validated against the contract once, then fanned out to every attached
// transport (Electron window, WebSocket clients). Runs in main (plain Node).
import { events, type EventName, type EventPayload } from '../../preload/contract';
import type { Logger } from '../logging/logger';

export type EventSink = (name: EventName, payload: unknown) => void;

export type EventHub = {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Adds a transport; returns the function that removes it. */
  attach(sink: EventSink): () => void;
  /** The last payload of each event, so a client that connects late starts current. */
  latest(): Array<[EventName, unknown]>;
};

export function createEventHub(log: Logger): EventHub {
  const sinks = new Set<EventSink>();
  const last = new Map<EventName, unknown>();

  return {
    emit(name, payload) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        log.error({ event: name, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'event broke the contract; not sent');
        return;
      }
      last.set(name, parsed.data);
      for (const sink of sinks) {
        try {
          sink(name, parsed.data);
        } catch (error) {
          // One broken transport must not starve the others.
          log.warn({ event: name, err: error }, 'event sink failed');
        }
      }
    },
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    latest() {
      return [...last.entries()];
    },
  };
}
