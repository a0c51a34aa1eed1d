// Account mode: personal (each staff member's own TrustID account) or shared (the admin's account
// submits; staff sign in with name and PIN). Renderer process.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMode, SettingsView } from '../../../../preload/contract';
import { readAccountMode, writeAccountMode } from './account-mode-settings';
import { SaveBar } from './SaveBar';
import { runSave, type SaveState } from './SaveStatus';
import { changeSettings } from './settings-actions';
import { useReportUnsaved } from './settings-dirty';

const MODES: AccountMode[] = ['personal', 'shared'];

export function AccountModeSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const stored = readAccountMode(view);
  const [mode, setMode] = useState<AccountMode>(stored);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  useReportUnsaved('accounts', mode !== stored);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runSave(setState, () => changeSettings((s) => writeAccountMode(s, mode)));
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-accounts" data-testid="settings-accounts">
      <h2 id="settings-accounts">{t('settings.accounts.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="choice-group">
          <legend className="field-label">{t('settings.accounts.legend')}</legend>
          {MODES.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="account-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>
                <strong>{t(`settings.accounts.modes.${m}.title`)}</strong> — {t(`settings.accounts.modes.${m}.text`)}
              </span>
            </label>
          ))}
        </fieldset>
        {mode !== stored && (
          <p className="settings-warning" role="note">
            {t('settings.accounts.changeWarning')}
          </p>
        )}
        <SaveBar state={state} dirty={mode !== stored} testId="settings-accounts-save" />
      </form>
    </section>
  );
}
