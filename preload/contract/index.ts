// The contract: every invoke channel and every main→renderer event, written once.
// main imports the schemas, the renderer the types, the Electron preload the channel list.
import type { z } from 'zod';
import type { Envelope } from './envelope';
import { appEvents, appInvoke } from './app';
import { cameraEvents, cameraInvoke } from './camera';
import { captureEvents, captureInvoke } from './capture';
import { demoInvoke } from './demo';
import { devicesEvents, devicesInvoke } from './devices';
import { followEvents, followInvoke } from './follow';
import { queueEvents, queueInvoke } from './queue';
import { guestLinksInvoke } from './guest-links';
import { resultsEvents, resultsInvoke } from './results';
import { sessionEvents, sessionInvoke } from './session';
import { settingsEvents, settingsInvoke } from './settings';
import { trustIdCheckInvoke } from './trustid-check';

export * from './envelope';
export * from './app';
export * from './camera';
export * from './capture';
export * from './demo';
export * from './devices';
export * from './follow';
export * from './queue';
export * from './results';
export * from './guest-links';
export * from './session';
export * from './settings';
export * from './trustid-check';

export const invoke = {
  ...appInvoke,
  ...settingsInvoke,
  ...sessionInvoke,
  ...devicesInvoke,
  ...cameraInvoke,
  ...captureInvoke,
  ...queueInvoke,
  ...resultsInvoke,
  ...guestLinksInvoke,
  ...trustIdCheckInvoke,
  ...demoInvoke,
  ...followInvoke,
} as const;

export const events = {
  ...appEvents,
  ...settingsEvents,
  ...sessionEvents,
  ...devicesEvents,
  ...cameraEvents,
  ...captureEvents,
  ...queueEvents,
  ...resultsEvents,
  ...followEvents,
} as const;

export type InvokeChannel = keyof typeof invoke;
export type EventName = keyof typeof events;
export type Req<C extends InvokeChannel> = z.input<(typeof invoke)[C]['req']>;
export type ParsedReq<C extends InvokeChannel> = z.output<(typeof invoke)[C]['req']>;
export type Res<C extends InvokeChannel> = z.output<(typeof invoke)[C]['res']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const invokeChannels = Object.keys(invoke) as InvokeChannel[];
export const eventNames = Object.keys(events) as EventName[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invoke, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

// Names of `window.kiosk` members, derived from channel names: 'settings.setSecret' →
// 'settingsSetSecret'; event 'health.changed' → 'onHealthChanged'.
type Camel<S extends string> = S extends `${infer H}.${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
export type MethodName<C extends InvokeChannel> = Camel<C>;
export type EventMethodName<E extends EventName> = `on${Capitalize<Camel<E>>}`;

export function methodName(channel: string): string {
  return channel.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}
export function eventMethodName(event: string): string {
  const camel = methodName(event);
  return `on${camel[0]!.toUpperCase()}${camel.slice(1)}`;
}

/** Arguments of a call: none for channels whose request is void. */
export type InvokeArgs<C extends InvokeChannel> = [Req<C>] extends [void | undefined] ? [] : [Req<C>];

/** The Electron IPC channel an event travels on. */
export const ipcEventChannel = (name: EventName): string => `event:${name}`;

/**
 * `window.kiosk` as the Electron preload exposes it. Methods resolve to the envelope rather than
 * throwing: an Error does not survive contextBridge with its code intact.
 */
export type KioskApi = {
  [C in InvokeChannel as MethodName<C>]: (...args: InvokeArgs<C>) => Promise<Envelope<Res<C>>>;
} & {
  [E in EventName as EventMethodName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
