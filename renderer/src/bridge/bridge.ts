// The renderer's one way to main: invoke a contract channel, listen to an event. Backed by
// window.kiosk in the Electron shell or a WebSocket in the Chromium shell; nothing else in the
// renderer can tell which.
import type { EventName, EventPayload, InvokeArgs, InvokeChannel, Res } from '../../../preload/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export type Bridge = {
  /** Resolves with the value, or rejects with a BridgeError carrying main's code and message. */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Res<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: string,
    message: string,
    /** What the renderer needs to word `code` (main's envelope `params`). */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
