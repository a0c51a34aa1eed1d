// Writing settings from the settings screen: each section sends only its own part (settings.update
// is partial and strict), so two administrators saving different sections never undo each other.
// Renderer process.
import type { Settings } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { useSettingsStore } from '../../stores/settings-store';

function current(): Settings {
  const view = useSettingsStore.getState().view;
  if (!view) throw new Error('The settings have not loaded yet. Wait a moment and try again.');
  return view.settings;
}

/** Saves some top-level parts; main validates them and answers with the new view. */
export async function saveParts(patch: Partial<Settings>): Promise<void> {
  const next = await getBridge().invoke('settings.update', patch);
  useSettingsStore.setState({ view: next });
}

export function saveSection<K extends keyof Settings>(section: K, value: Settings[K]): Promise<void> {
  return saveParts({ [section]: value } as Partial<Settings>);
}

/** For edits written as whole-object changes: only the parts that actually changed are sent. */
export function changeSettings(change: (current: Settings) => Settings): Promise<void> {
  const before = current();
  const after = change(before);
  const patch = Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof Settings])));
  return saveParts(patch as Partial<Settings>);
}
