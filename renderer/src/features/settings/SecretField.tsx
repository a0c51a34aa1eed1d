// A write-only secret (TrustID API key, service username and password): shows only whether it is
// set, takes a new value, never reads one back (DESIGN: nothing secret crosses to the renderer).
// Renderer process. The typed value is cleared from the field as soon as it is sent.
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { loadSettings } from '../../stores/settings-store';
import { SaveStatus, runSave, type SaveState } from './SaveStatus';

export function SecretField({ name, configured, unavailable }: { name: SecretName; configured: boolean; unavailable: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const label = t(`settings.secrets.${name}`);
  const inSentence = t(`settings.secrets.inSentence.${name}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value) return setState({ kind: 'failed', message: t('settings.secrets.empty') });
    const given = value;
    flushSync(() => setValue(''));
    const bridge = getBridge();
    await runSave(setState, () => bridge.invoke('settings.setSecret', { name, value: given }));
    await loadSettings(bridge);
  };

  return (
    <form className="secret-field" onSubmit={submit} noValidate data-testid={`secret-${name}`}>
      <div className="secret-head">
        <span className="field-label">{label}</span>
        <StatusBadge tone={configured ? 'ok' : 'warn'} testId={`secret-${name}-status`}>
          {configured ? t('settings.secrets.set') : t('settings.secrets.notSet')}
        </StatusBadge>
      </div>
      <TextField
        label={configured ? t('settings.secrets.replace', { label: inSentence }) : t('settings.secrets.enter', { label: inSentence })}
        hint={unavailable ?? t('settings.secrets.writeOnly')}
        value={value}
        onChange={setValue}
        type="password"
        autoComplete="off"
        spellCheck={false}
        disabled={unavailable !== null}
        maxLength={4096}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={unavailable !== null || state.kind === 'saving'}>
          {t('settings.secrets.save')}
        </button>
        {configured && (
          <ConfirmButton
            title={t('settings.secrets.clearTitle', { label: inSentence })}
            message={t('settings.secrets.clearBody')}
            confirmLabel={t('settings.secrets.clear')}
            tone="danger"
            className="button"
            onConfirm={async () => {
              const bridge = getBridge();
              await bridge.invoke('settings.clearSecret', { name });
              await loadSettings(bridge);
            }}
          >
            {t('settings.secrets.clear')}
          </ConfirmButton>
        )}
      </div>
      <SaveStatus state={state} />
    </form>
  );
}
