// An in-memory Bridge for renderer component tests: canned answers, events pushed by the test.
// An answer is a value, a BridgeError to reject with, or a function of the payload returning
// either (or a promise of a value, to hold a call open).
import type { EventName } from '../../preload/contract';
import { BridgeError, type Bridge, type ConnectionState } from '../../renderer/src/bridge/bridge';

export type FakeBridge = Bridge & {
  answers: Record<string, unknown>;
  calls: Array<[string, unknown]>;
  emit(event: EventName, payload: unknown): void;
  setConnection(state: ConnectionState): void;
};

export function fakeBridge(answers: Record<string, unknown>): FakeBridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const connection = new Set<(s: ConnectionState) => void>();
  const calls: Array<[string, unknown]> = [];
  const bridge: FakeBridge = {
    answers,
    calls,
    async invoke(channel, ...args) {
      calls.push([channel, args[0]]);
      if (!(channel in bridge.answers)) throw new BridgeError('contract.transport-error', 'Not connected to Scan Station.');
      const given = bridge.answers[channel];
      const answer = typeof given === 'function' ? await (given as (payload: unknown) => unknown)(args[0]) : given;
      if (answer instanceof BridgeError) throw answer;
      return answer as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => void set.delete(listener as (p: unknown) => void);
    },
    onConnection(listener) {
      connection.add(listener);
      listener('open');
      return () => void connection.delete(listener);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setConnection(state) {
      for (const l of connection) l(state);
    },
  };
  return bridge;
}
