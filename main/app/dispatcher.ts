// One dispatcher for both shells: validate the payload, call the handler, answer with the envelope.
// Runs in main (plain Node); transports (Electron IPC, WebSocket) only move bytes to it.
import {
  contractErrors,
  invoke,
  isInvokeChannel,
  type Envelope,
  type InvokeChannel,
  type ParsedReq,
  type Res,
} from '../../preload/contract';
import { strictRequest } from '../../preload/contract/strict-patch';
import { isNoSpace } from '../store/store-errors';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import { describeInvalid } from './invalid-payload';

export type CallContext = { transport: 'electron' | 'websocket' | 'test'; clientId: string };
export type Handler<C extends InvokeChannel> = (req: ParsedReq<C>, ctx: CallContext) => Res<C> | Promise<Res<C>>;

export type Dispatcher = {
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void;
  dispatch(channel: unknown, payload: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
  /** Channels of the contract that have no handler yet (a test keeps this empty). */
  unhandled(): InvokeChannel[];
  /**
   * Sets the access guard asked before every valid call (signed in? locked? admin?). It answers
   * with the AppError to send back, or null to let the call through.
   */
  setGuard(guard: Guard): void;
};

export type Guard = (channel: InvokeChannel, ctx: CallContext) => AppError | null;

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, code, message });

export function createDispatcher(log: Logger): Dispatcher {
  const handlers = new Map<InvokeChannel, Handler<InvokeChannel>>();
  let guard: Guard = () => null;

  return {
    handle(channel, handler) {
      if (handlers.has(channel)) throw new Error(`Channel ${channel} already has a handler`);
      handlers.set(channel, handler as unknown as Handler<InvokeChannel>);
    },

    async dispatch(channel, payload, ctx) {
      // The name sent is never echoed: a client that gets it wrong knows what it sent.
      if (!isInvokeChannel(channel)) return fail(contractErrors.unknownChannel, 'Scan Station has no such channel. Reload the window; if it keeps happening, the window and the app are different versions.');
      const spec = invoke[channel];
      // Every request is checked deep-strict: an unknown key anywhere is refused, never dropped.
      const parsed = strictRequest(spec.req).safeParse(payload);
      if (!parsed.success) return fail(contractErrors.invalidPayload, describeInvalid(channel, parsed.error));
      const handler = handlers.get(channel);
      if (!handler) return fail('contract.unavailable', `${channel} is not available in this version of Scan Station.`);
      const refused = guard(channel, ctx);
      if (refused) return fail(refused.code, refused.message);

      try {
        const value = await handler(parsed.data as never, ctx);
        // Parsing the answer strips any field the contract does not name: nothing leaks by accident.
        const answer = spec.res.safeParse(value);
        if (!answer.success) {
          log.error({ channel, issues: answer.error.issues.map((i) => i.path.join('.')) }, 'handler answer broke the contract');
          return fail(contractErrors.internal, internalMessage);
        }
        return { ok: true, value: answer.data };
      } catch (error) {
        if (error instanceof AppError) {
          const answer = fail(error.code, bounded(error.message));
          return error.params ? { ...answer, params: error.params } : answer;
        }
        // Any write that met a full disk (settings, secrets, the database): one plain answer (issue 12 §2).
        if (isNoSpace(error)) {
          log.error({ channel, code: (error as { code?: string }).code }, 'handler failed: the disk is full');
          return fail('store.disk-full', 'This could not be saved because the disk of this computer is full. Ask an administrator to free space, then try again. Nothing already saved was lost.');
        }
        log.error({ channel, err: error }, 'handler failed');
        return fail(contractErrors.internal, internalMessage);
      }
    },

    setGuard(next) {
      guard = next;
    },

    unhandled() {
      return (Object.keys(invoke) as InvokeChannel[]).filter((c) => !handlers.has(c));
    },
  };
}

/**
 * A last guard on handler messages: they are written by main, but some quote a setting or a path;
 * none legitimately runs to this length, so a longer one is cut rather than carried whole.
 */
const MAX_MESSAGE_CHARS = 1000;
function bounded(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

const internalMessage =
  'Something went wrong inside Scan Station. Please try again; if it keeps happening, restart the app and tell your administrator.';
