// What the frame shows about the app: identity and mode, health, connection. Mirrors main, which
// is the source of truth; filled by startAppSync from the bridge's answers and events.
import i18next from 'i18next';
import { create } from 'zustand';
import type { AppInfo, Health } from '../../../preload/contract';
import type { Bridge, ConnectionState } from '../bridge';

type AppState = {
  info: AppInfo | null;
  health: Health | null;
  connection: ConnectionState;
  notice: string | null;
  startError: string | null;
  dismissNotice(): void;
};

export const useAppStore = create<AppState>((set) => ({
  info: null,
  health: null,
  connection: 'connecting',
  notice: null,
  startError: null,
  dismissNotice: () => set({ notice: null }),
}));

/** Loads the app's state and keeps it current; returns the function that stops listening. */
export function startAppSync(bridge: Bridge): () => void {
  const refreshInfo = async () => {
    try {
      const info = await bridge.invoke('app.info');
      if (i18next.language !== info.language) await i18next.changeLanguage(info.language);
      useAppStore.setState((s) => ({ info, notice: info.notice ?? s.notice, startError: null }));
    } catch (error) {
      useAppStore.setState({ startError: (error as Error).message });
    }
  };
  let wasClosed = false;
  const stops = [
    bridge.onConnection((connection) => {
      useAppStore.setState({ connection });
      // After a reconnect main may have restarted: fetch its state afresh.
      if (connection === 'open' && wasClosed) void refreshInfo();
      wasClosed = connection === 'closed';
    }),
    bridge.on('health.changed', (health) => useAppStore.setState({ health })),
    bridge.on('settings.changed', () => void refreshInfo()),
  ];
  void refreshInfo();
  void bridge.invoke('health.get').then(
    (health) => useAppStore.setState({ health }),
    () => undefined,
  );
  return () => stops.forEach((stop) => stop());
}
