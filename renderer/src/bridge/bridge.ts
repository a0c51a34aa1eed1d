// The renderer's one way to main: invoke a contract channel, listen to an event. Backed by
// window.kiosk in the Electron shell or a WebSocket in the Chromium shell; nothing else in the
// renderer can tell which.
import i18next from 'i18next';
import type { EventName, EventPayload, InvokeArgs, InvokeChannel, Res } from '../../../preload/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export type Bridge = {
  /** Resolves with the value, or rejects with a BridgeError carrying main's code and message. */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Res<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

/**
 * A refusal from main. Its `message` is worded here, once, in the staff member's language from
 * `mainErrors.<code>` and main's `params` (issue 11 §5), so every screen that shows `.message`
 * shows the translation; main's English text stays in `englishMessage` for a code this window
 * does not know.
 */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly englishMessage: string;
  constructor(
    readonly code: string,
    message: string,
    /** What the renderer needs to word `code` (main's envelope `params`). */
    readonly params: Record<string, string | number> = {},
  ) {
    const key = `mainErrors.${code}`;
    super(i18next.isInitialized && i18next.exists(key, params) ? i18next.t(key, params) : message);
    this.englishMessage = message;
  }
}
