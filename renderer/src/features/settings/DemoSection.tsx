// Demo rehearsal (issue 11 §6): the administrator chooses the next verdict, how the built-in
// TrustID behaves, and which specimen the demo reader presents, so staff can practise every
// screen. Each choice takes effect at once (there is nothing to save). Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoControls } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { errorText } from '../../i18n/error-text';

const OUTCOMES: DemoControls['outcome'][] = ['auto', 'pass', 'refer', 'fail', 'expired'];
const BEHAVIOURS: DemoControls['trustid'][] = ['normal', 'slow', 'unreachable'];
const SPECIMENS: DemoControls['specimen'][] = ['alternate', 'passport', 'id-card', 'id-card-same-person', 'passport-expired', 'passport-bad-check-digit', 'passport-refer'];

export function DemoSection() {
  const { t } = useTranslation();
  const [controls, setControls] = useState<DemoControls | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    getBridge()
      .invoke('demo.get')
      .then(setControls, (failure: unknown) => setError(errorText(t, failure)));
  }, [t]);

  const change = async (patch: Partial<DemoControls>, what: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setControls(await getBridge().invoke('demo.set', patch));
      setDone(what);
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const group = <K extends keyof DemoControls>(key: K, options: DemoControls[K][]) => (
    <fieldset className="choice-group" disabled={busy || !controls} data-testid={`demo-${key}`}>
      <legend className="field-label">{t(`settings.demo.${key}.legend`)}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={`demo-${key}`} value={option} checked={controls?.[key] === option} onChange={() => void change({ [key]: option } as Partial<DemoControls>, t(`settings.demo.${key}.options.${option}`))} />
          <span>{t(`settings.demo.${key}.options.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <section className="panel settings-section" aria-labelledby="settings-demo" data-testid="settings-demo">
      <h2 id="settings-demo">{t('settings.demo.title')}</h2>
      <p>{t('settings.demo.intro')}</p>
      {!controls && !error && (
        <p role="status" aria-busy="true">
          <span className="spinner" aria-hidden="true" /> {t('settings.demo.loading')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="save-status" role="status" data-testid="demo-status">
        {done ? t('settings.demo.applied', { choice: done }) : ''}
      </p>
      <div className="settings-columns">
        {group('outcome', OUTCOMES)}
        <div>
          {group('trustid', BEHAVIOURS)}
          {group('specimen', SPECIMENS)}
        </div>
      </div>
    </section>
  );
}
