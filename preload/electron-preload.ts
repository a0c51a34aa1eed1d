// The Electron preload: exposes `window.kiosk`, one named method per contract channel and one
// on<Event>(listener) → unsubscribe per event. It checks nothing but the channel list: main
// validates every payload. Bundled to CommonJS (sandboxed preloads cannot be ES modules).
import { contextBridge, ipcRenderer } from 'electron';
import { eventMethodName, eventNames, invokeChannels, ipcEventChannel, methodName } from './contract';

export function buildKioskApi(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const channel of invokeChannels) {
    api[methodName(channel)] = (payload?: unknown) => ipc.invoke(channel, payload);
  }
  for (const name of eventNames) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(ipcEventChannel(name), forward);
      return () => void ipc.removeListener(ipcEventChannel(name), forward);
    };
  }
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld('kiosk', buildKioskApi(ipcRenderer));
