// The settings as main shows them (SettingsView: values, which secrets are set — never their
// values — the file's problem, secret storage). Renderer process. Filled when the settings screen
// opens and kept current by settings.changed.
import { create } from 'zustand';
import type { SettingsView } from '../../../preload/contract';
import type { Bridge } from '../bridge';

type SettingsState = { view: SettingsView | null; loadError: string | null };

export const useSettingsStore = create<SettingsState>(() => ({ view: null, loadError: null }));

export async function loadSettings(bridge: Bridge): Promise<void> {
  try {
    useSettingsStore.setState({ view: await bridge.invoke('settings.get'), loadError: null });
  } catch (error) {
    useSettingsStore.setState({ loadError: (error as Error).message });
  }
}

export function startSettingsSync(bridge: Bridge): () => void {
  return bridge.on('settings.changed', (view) => useSettingsStore.setState({ view, loadError: null }));
}
