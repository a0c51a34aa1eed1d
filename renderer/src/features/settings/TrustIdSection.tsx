// TrustID connection: which environment, its address, and the write-only credentials, saved with
// one Save. A change of environment or credentials is tried first (Test connection signs in without
// saving); a failed try is shown in plain words and may still be saved on purpose. The environment
// used before the last switch can be gone back to. Renderer process.
import { useEffect, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult, PreviousTrustId, SecretName, SettingsView } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format';
import { loadSettings } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';
import { runSave, type SaveState } from './SaveStatus';
import { saveSection } from './settings-actions';
import { useReportUnsaved } from './settings-dirty';

type Environment = SettingsView['settings']['trustid']['environment'];
const ENVIRONMENTS: Environment[] = ['demo', 'sandbox', 'production', 'custom'];
const SECRETS: SecretName[] = ['trustid.apiKey', 'trustid.username', 'trustid.password'];
type Entered = Record<SecretName, string>;
const NONE: Entered = { 'trustid.apiKey': '', 'trustid.username': '', 'trustid.password': '' };

type Check = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; result: ConnectionTestResult; forKey: string };

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
  const saved = view.settings.trustid;
  const [environment, setEnvironment] = useState<Environment>(saved.environment);
  const [customUrl, setCustomUrl] = useState(saved.customBaseUrl ?? '');
  const [entered, setEntered] = useState<Entered>(NONE);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [previous, setPrevious] = useState<PreviousTrustId | null>(null);
  const [reverting, setReverting] = useState(false);
  const unavailable = view.secretStorage.available ? null : t('settings.secrets.unavailable');

  const url = customUrl.trim();
  const urlChanged = environment === 'custom' && url !== (saved.customBaseUrl ?? '');
  const secretsEntered = SECRETS.some((name) => entered[name] !== '');
  const dirty = environment !== saved.environment || urlChanged || secretsEntered;
  useReportUnsaved('trustid', dirty);
  // What a test result is for: the inputs as they are now (a result for other inputs proves nothing).
  const inputsKey = JSON.stringify([environment, url, entered]);
  const tested = check.kind === 'done' && check.forKey === inputsKey ? check.result : null;

  useEffect(() => {
    getBridge().invoke('trustid.previous').then(setPrevious, () => setPrevious(null));
  }, [saved.environment, saved.customBaseUrl]);

  const runTest = async (): Promise<ConnectionTestResult | null> => {
    if (environment === 'custom' && urlProblem(url)) {
      setUrlError(t('settings.trustid.urlInvalid'));
      return null;
    }
    setUrlError(null);
    setCheck({ kind: 'testing' });
    try {
      const result = await getBridge().invoke('trustid.testConnection', {
        environment,
        ...(environment === 'custom' ? { customBaseUrl: url } : {}),
        ...(entered['trustid.apiKey'] ? { apiKey: entered['trustid.apiKey'] } : {}),
        ...(entered['trustid.username'] ? { username: entered['trustid.username'] } : {}),
        ...(entered['trustid.password'] ? { password: entered['trustid.password'] } : {}),
      });
      setCheck({ kind: 'done', result, forKey: inputsKey });
      return result;
    } catch (failure) {
      setCheck({ kind: 'idle' });
      setState({ kind: 'failed', message: errorText(t, failure) });
      return null;
    }
  };

  const save = async () => {
    const given = entered;
    flushSync(() => setEntered(NONE));
    setCheck({ kind: 'idle' });
    await runSave(setState, async () => {
      for (const name of SECRETS) if (given[name]) await getBridge().invoke('settings.setSecret', { name, value: given[name] });
      await saveSection('trustid', { environment, customBaseUrl: environment === 'custom' ? url : saved.customBaseUrl });
    });
    await loadSettings(getBridge());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (environment === 'custom' && urlProblem(url)) return setUrlError(t('settings.trustid.urlInvalid'));
    // Issue 11 §3: an environment or credential change is tried before it is saved.
    if (environment !== 'demo') {
      const result = tested ?? (await runTest());
      if (!result || result.outcome !== 'ok') return;
    }
    await save();
  };

  const revert = async () => {
    setReverting(true);
    await runSave(setState, () => getBridge().invoke('trustid.revert'));
    setReverting(false);
    await loadSettings(getBridge());
  };

  const canRevert = previous !== null && (previous.environment !== saved.environment || previous.customBaseUrl !== saved.customBaseUrl);

  return (
    <section className="panel settings-section" aria-labelledby="settings-trustid" data-testid="settings-trustid">
      <h2 id="settings-trustid">{t('settings.trustid.title')}</h2>
      {canRevert && (
        <div className="settings-revert" data-testid="settings-trustid-revert">
          <p>{t('settings.trustid.revertText', { environment: t(`mode.${previous.environment}`), when: formatDateTime(previous.changedAt) })}</p>
          <button type="button" className="button" onClick={() => void revert()} disabled={reverting} aria-busy={reverting || undefined}>
            {t('settings.trustid.revert', { environment: t(`mode.${previous.environment}`) })}
          </button>
        </div>
      )}
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
        {environment === 'production' && saved.environment !== 'production' && (
          <p className="settings-warning" role="note">
            {t('settings.trustid.productionWarning')}
          </p>
        )}
        {environment !== 'demo' && (
          <fieldset className="settings-secrets">
            <legend className="field-label">{t('settings.secrets.title')}</legend>
            {unavailable && <p className="field-error">{unavailable}</p>}
            <div className="settings-grid">
              {SECRETS.map((name) => {
                const configured = view.secrets[name]?.configured ?? false;
                return (
                  <div key={name} className="secret-field" data-testid={`secret-${name}`}>
                    <TextField
                      label={t(`settings.secrets.${name}`)}
                      hint={configured ? t('settings.secrets.keep') : undefined}
                      value={entered[name]}
                      onChange={(value) => setEntered((e) => ({ ...e, [name]: value }))}
                      type="password"
                      autoComplete="off"
                      spellCheck={false}
                      disabled={unavailable !== null}
                      testId={`secret-${name}-input`}
                    />
                    <div className="button-row">
                      <StatusBadge tone={configured ? 'ok' : 'warn'} testId={`secret-${name}-status`}>
                        {configured ? t('settings.secrets.set') : t('settings.secrets.notSet')}
                      </StatusBadge>
                      {configured && (
                        <ConfirmButton
                          title={t('settings.secrets.clearTitle', { label: t(`settings.secrets.inSentence.${name}`) })}
                          message={t('settings.secrets.clearBody')}
                          confirmLabel={t('settings.secrets.clear')}
                          tone="danger"
                          className="button button-quiet"
                          onConfirm={async () => {
                            await getBridge().invoke('settings.clearSecret', { name });
                            await loadSettings(getBridge());
                          }}
                        >
                          {t('settings.secrets.clear')}
                        </ConfirmButton>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        )}
        <SaveBar
          state={state}
          dirty={dirty}
          testId="settings-trustid-save"
          notice={
            check.kind === 'idle' ? null : (
              <>
                {check.kind === 'testing' && <ProgressBar label={t('settings.trustid.test.testing')} value={null} showLabel testId="settings-trustid-testing" />}
                {check.kind === 'done' && (
                  <div className={`settings-test-result settings-test-${check.result.outcome === 'ok' ? 'ok' : 'bad'}`} role="status" data-testid="settings-trustid-test-result" data-outcome={check.result.outcome}>
                    <p>
                      <strong>{t(`settings.trustid.test.outcome.${check.result.outcome}`, { missing: check.result.missing.map((m) => t(`settings.secrets.inSentence.${m}`)).join(', ') })}</strong>
                    </p>
                    {tested && tested.outcome !== 'ok' && (
                      <button type="button" className="button button-quiet" onClick={() => void save()} data-testid="settings-trustid-save-anyway">
                        {t('settings.trustid.test.saveAnyway')}
                      </button>
                    )}
                  </div>
                )}
              </>
            )
          }
        >
          {environment !== 'demo' && (
            <button type="button" className="button" onClick={() => void runTest()} disabled={check.kind === 'testing'} aria-busy={check.kind === 'testing' || undefined} data-testid="settings-trustid-test">
              {t('settings.trustid.test.button')}
            </button>
          )}
        </SaveBar>
      </form>
    </section>
  );
}
