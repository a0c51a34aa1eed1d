// TrustID connection: environment (demo / sandbox / production / custom URL) and the write-only
// credentials. Renderer process.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName, SettingsView } from '../../../../preload/contract';
import { TextField } from '../../components/TextField';
import { SaveStatus, runSave, type SaveState } from './SaveStatus';
import { SecretField } from './SecretField';
import { saveSettings } from './settings-actions';

type Environment = SettingsView['settings']['trustid']['environment'];
const ENVIRONMENTS: Environment[] = ['demo', 'sandbox', 'production', 'custom'];
const SECRETS: SecretName[] = ['trustid.apiKey', 'trustid.username', 'trustid.password'];

/** A loose check before main's: a URL at all, over http(s). Main also insists on https off loopback. */
function urlProblem(value: string): boolean {
  try {
    return !/^https?:$/.test(new URL(value).protocol);
  } catch {
    return true;
  }
}

export function TrustIdSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const [environment, setEnvironment] = useState<Environment>(view.settings.trustid.environment);
  const [customUrl, setCustomUrl] = useState(view.settings.trustid.customBaseUrl ?? '');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const unavailable = view.secretStorage.available ? null : t('settings.secrets.unavailable', { reason: view.secretStorage.reason });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = customUrl.trim();
    if (environment === 'custom' && urlProblem(url)) return setUrlError(t('settings.trustid.urlInvalid'));
    setUrlError(null);
    await runSave(setState, () =>
      saveSettings((s) => ({ ...s, trustid: { environment, customBaseUrl: environment === 'custom' ? url : s.trustid.customBaseUrl } })),
    );
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-trustid" data-testid="settings-trustid">
      <h2 id="settings-trustid">{t('settings.trustid.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="choice-group">
          <legend className="field-label">{t('settings.trustid.environment')}</legend>
          {ENVIRONMENTS.map((env) => (
            <label key={env} className="choice">
              <input type="radio" name="trustid-environment" value={env} checked={environment === env} onChange={() => setEnvironment(env)} />
              <span>
                <strong>{t(`mode.${env}`)}</strong> — {t(`settings.trustid.env.${env}`)}
              </span>
            </label>
          ))}
        </fieldset>
        {environment === 'custom' && (
          <TextField label={t('settings.trustid.customUrl')} hint={t('settings.trustid.customUrlHint')} value={customUrl} onChange={setCustomUrl} error={urlError} type="url" inputMode="url" autoComplete="off" spellCheck={false} testId="settings-custom-url" />
        )}
        {environment === 'production' && view.settings.trustid.environment !== 'production' && (
          <p className="settings-warning" role="note">
            {t('settings.trustid.productionWarning')}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={state.kind === 'saving'} data-testid="settings-trustid-save">
          {t('settings.save')}
        </button>
        <SaveStatus state={state} />
      </form>
      <h3>{t('settings.secrets.title')}</h3>
      {SECRETS.map((name) => (
        <SecretField key={name} name={name} configured={view.secrets[name]?.configured ?? false} unavailable={unavailable} />
      ))}
    </section>
  );
}
