// Writing settings from the settings screen: every change is a whole Settings object built from
// the latest view (main validates it and answers with the new view). Renderer process.
import type { Settings } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { useSettingsStore } from '../../stores/settings-store';

export async function saveSettings(change: (current: Settings) => Settings): Promise<void> {
  const view = useSettingsStore.getState().view;
  if (!view) throw new Error('The settings have not loaded yet. Wait a moment and try again.');
  const next = await getBridge().invoke('settings.update', change(view.settings));
  useSettingsStore.setState({ view: next });
}
