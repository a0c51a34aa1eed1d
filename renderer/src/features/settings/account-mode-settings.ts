// Which account mode the kiosk uses (issue 6 §1: "the admin picks"). Renderer process.
import type { AccountMode, Settings, SettingsView } from '../../../../preload/contract';

export function readAccountMode(view: SettingsView): AccountMode {
  return view.settings.accounts.mode;
}

export function writeAccountMode(settings: Settings, mode: AccountMode): Settings {
  return { ...settings, accounts: { ...settings.accounts, mode } };
}
