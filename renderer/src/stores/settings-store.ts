// The settings as main shows them to administrators (SettingsView: values, which secrets are set —
// never their values — the file's problem, secret storage). Renderer process. Filled when the
// settings screen opens; `settings.changed` only says that something changed (its payload is the
// public part every window may see), so an open view is fetched again.
import { create } from 'zustand';
import type { SettingsView } from '../../../preload/contract';
import type { Bridge } from '../bridge';

type SettingsState = { view: SettingsView | null; loadError: string | null };

export const useSettingsStore = create<SettingsState>(() => ({ view: null, loadError: null }));

export async function loadSettings(bridge: Bridge): Promise<void> {
  try {
    useSettingsStore.setState({ view: await bridge.invoke('settings.get'), loadError: null });
  } catch (error) {
    // Refused (no longer an administrator) or failed: keep no stale copy of the admin view.
    useSettingsStore.setState({ view: null, loadError: (error as Error).message });
  }
}

export function startSettingsSync(bridge: Bridge): () => void {
  const stops = [
    bridge.on('settings.changed', () => {
      if (useSettingsStore.getState().view) void loadSettings(bridge);
    }),
    // Admin rights ended (sign-out, lock, idle): forget the admin view.
    bridge.on('session.changed', (session) => {
      if (!session.admin && useSettingsStore.getState().view) useSettingsStore.setState({ view: null, loadError: null });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
