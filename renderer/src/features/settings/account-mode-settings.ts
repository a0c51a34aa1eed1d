// Which account mode the kiosk uses (issue 6 §1: "the admin picks"). Renderer process. The
// settings schema has no field for it yet, so reading and writing it live here only: when the
// contract's Settings gains `accounts.mode` (see the renderer-A report), only these change.
import type { AccountMode, Settings, SettingsView } from '../../../../preload/contract';

export function readAccountMode(view: SettingsView): AccountMode | null {
  const accounts = (view.settings as unknown as { accounts?: { mode?: unknown } }).accounts;
  return accounts?.mode === 'personal' || accounts?.mode === 'shared' ? accounts.mode : null;
}

export function writeAccountMode(settings: Settings, mode: AccountMode): Settings {
  const current = (settings as unknown as { accounts?: object }).accounts ?? {};
  return { ...settings, accounts: { ...current, mode } } as Settings;
}
