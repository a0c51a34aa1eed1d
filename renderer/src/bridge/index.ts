// Picks the bridge once: the Electron preload's window.kiosk when present, else the WebSocket.
import type { Bridge } from './bridge';
import { kioskBridge } from './kiosk-bridge';
import { takeCredential, websocketBridge } from './websocket-bridge';

export type { Bridge, ConnectionState } from './bridge';
export { BridgeError } from './bridge';

let bridge: Bridge | null = null;

export function getBridge(): Bridge {
  if (bridge) return bridge;
  const kiosk = (window as unknown as { kiosk?: Record<string, (...args: unknown[]) => unknown> }).kiosk;
  bridge = kiosk
    ? kioskBridge(kiosk)
    : websocketBridge({
        url: `ws://${location.host}/contract`,
        credential: takeCredential(location, history, sessionStorage),
        storage: sessionStorage,
      });
  return bridge;
}

/** Tests install a fake bridge. */
export function setBridge(next: Bridge | null): void {
  bridge = next;
}
