// Quality thresholds and retention (issue 6 §8), read and written through policy-settings.ts.
// Renderer process. Until the settings schema carries them, the section says so and is read-only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { TextField } from '../../components/TextField';
import { POLICY_LIMITS, checkPolicy, readPolicy, writePolicy, type PolicySettings, type QualityCheckId } from './policy-settings';
import { SaveBar } from './SaveBar';
import { runSave, type SaveState } from './SaveStatus';
import { changeSettings } from './settings-actions';
import { useReportUnsaved } from './settings-dirty';

const CHECKS: QualityCheckId[] = ['blur', 'glare', 'dark', 'resolution'];

export function PolicySection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const stored = readPolicy(view);
  return (
    <section className="panel settings-section" aria-labelledby="settings-policy" data-testid="settings-policy">
      <h2 id="settings-policy">{t('settings.policy.title')}</h2>
      <PolicyForm initial={stored} />
    </section>
  );
}

function PolicyForm({ initial }: { initial: PolicySettings }) {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState(initial);
  const [text, setText] = useState(() => ({
    blurMin: String(initial.quality.blurMin),
    glareMaxPercent: String(initial.quality.glareMaxPercent),
    darkMin: String(initial.quality.darkMin),
    minDpi: String(initial.quality.minDpi),
    resultDays: String(initial.retention.resultDays),
  }));
  const [invalid, setInvalid] = useState<keyof typeof POLICY_LIMITS | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty =
    JSON.stringify(policy.quality.blocking) !== JSON.stringify(initial.quality.blocking) ||
    text.blurMin !== String(initial.quality.blurMin) ||
    text.glareMaxPercent !== String(initial.quality.glareMaxPercent) ||
    text.darkMin !== String(initial.quality.darkMin) ||
    text.minDpi !== String(initial.quality.minDpi) ||
    text.resultDays !== String(initial.retention.resultDays);
  useReportUnsaved('quality', dirty && state.kind !== 'saved');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: PolicySettings = {
      quality: { ...policy.quality, blurMin: Number(text.blurMin), glareMaxPercent: Number(text.glareMaxPercent), darkMin: Number(text.darkMin), minDpi: Number(text.minDpi) },
      retention: { resultDays: Number(text.resultDays) },
    };
    const bad = checkPolicy(next);
    setInvalid(bad);
    if (bad) return;
    setPolicy(next);
    void runSave(setState, () => changeSettings((s) => writePolicy(s, next)));
  };
  const field = (key: keyof typeof POLICY_LIMITS) => (
    <TextField
      key={key}
      label={t(`settings.policy.${key}`)}
      hint={t('settings.policy.range', POLICY_LIMITS[key])}
      value={text[key]}
      onChange={(value) => setText((s) => ({ ...s, [key]: value }))}
      error={invalid === key ? t('settings.policy.outOfRange', POLICY_LIMITS[key]) : null}
      inputMode="decimal"
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('settings.policy.quality')}</h3>
      <div className="settings-grid">
        {field('blurMin')}
        {field('glareMaxPercent')}
        {field('darkMin')}
        {field('minDpi')}
      </div>
      <fieldset className="choice-group">
        <legend className="field-label">{t('settings.policy.blocking')}</legend>
        {CHECKS.map((check) => (
          <label key={check} className="choice">
            <input type="checkbox" checked={policy.quality.blocking[check]} onChange={(e) => setPolicy((p) => ({ ...p, quality: { ...p.quality, blocking: { ...p.quality.blocking, [check]: e.target.checked } } }))} />
            <span>{t(`settings.policy.checks.${check}`)}</span>
          </label>
        ))}
      </fieldset>
      <h3>{t('settings.policy.retention')}</h3>
      {field('resultDays')}
      <SaveBar state={state} dirty={dirty} testId="settings-policy-save" />
    </form>
  );
}
