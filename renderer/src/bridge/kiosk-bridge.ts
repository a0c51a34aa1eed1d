// Bridge over the Electron preload's window.kiosk (one named method per channel).
import { eventMethodName, methodName, type Envelope } from '../../../preload/contract';
import { BridgeError, type Bridge } from './bridge';

type LooseKiosk = Record<string, (...args: unknown[]) => unknown>;

export function kioskBridge(kiosk: LooseKiosk): Bridge {
  return {
    async invoke(channel, ...args) {
      const method = kiosk[methodName(channel)];
      if (!method) throw new BridgeError('contract.unknown-channel', `This window does not offer ${channel}.`);
      const envelope = (await method(...args)) as Envelope<never>;
      if (!envelope.ok) throw new BridgeError(envelope.code, envelope.message, envelope.params);
      return envelope.value;
    },
    on(event, listener) {
      const subscribe = kiosk[eventMethodName(event)];
      if (!subscribe) return () => undefined;
      return subscribe(listener) as () => void;
    },
    onConnection(listener) {
      listener('open'); // IPC has no connection to lose.
      return () => undefined;
    },
  };
}
