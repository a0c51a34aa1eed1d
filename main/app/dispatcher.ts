// One dispatcher for both shells: validate the payload, call the handler, answer with the envelope.
// Runs in main (plain Node); transports (Electron IPC, WebSocket) only move bytes to it.
import type { z } from 'zod';
import {
  contractErrors,
  invoke,
  isInvokeChannel,
  type Envelope,
  type InvokeChannel,
  type ParsedReq,
  type Res,
} from '../../preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';

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

/** Names the fields that failed, never echoing the values (a payload may carry a secret). */
export function describeInvalid(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'payload';
    return `${where}: ${issue.message}`;
  });
  return `The request to ${channel} was not valid (${parts.join('; ')}).`;
}

export function createDispatcher(log: Logger): Dispatcher {
  const handlers = new Map<InvokeChannel, Handler<InvokeChannel>>();
  let guard: Guard = () => null;

  return {
    handle(channel, handler) {
      if (handlers.has(channel)) throw new Error(`Channel ${channel} already has a handler`);
      handlers.set(channel, handler as unknown as Handler<InvokeChannel>);
    },

    async dispatch(channel, payload, ctx) {
      if (!isInvokeChannel(channel)) {
        const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
        return fail(contractErrors.unknownChannel, `Scan Station has no channel named "${shown}".`);
      }
      const spec = invoke[channel];
      const parsed = spec.req.safeParse(payload);
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
        if (error instanceof AppError) return error.params ? { ok: false, code: error.code, message: error.message, params: error.params } : fail(error.code, error.message);
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

const internalMessage =
  'Something went wrong inside Scan Station. Please try again; if it keeps happening, restart the app and tell your administrator.';
