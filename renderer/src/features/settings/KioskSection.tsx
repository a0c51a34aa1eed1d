// The kiosk itself: idle timeout, language, full-screen kiosk mode. Renderer process.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { SaveStatus, runSave, type SaveState } from './SaveStatus';
import { saveSettings } from './settings-actions';

/** Offered idle times in seconds; the settings schema allows 30–3600. */
const IDLE_CHOICES = [30, 60, 120, 180, 300, 600, 900, 1800, 3600];

export function KioskSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(view.settings.kiosk.idleTimeoutSeconds);
  const [language, setLanguage] = useState(view.settings.language);
  const [fullscreen, setFullscreen] = useState(view.settings.kiosk.fullscreen);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const choices = IDLE_CHOICES.includes(idle) ? IDLE_CHOICES : [...IDLE_CHOICES, idle].sort((a, b) => a - b);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runSave(setState, () => saveSettings((s) => ({ ...s, language, kiosk: { ...s.kiosk, idleTimeoutSeconds: idle, fullscreen } })));
  };
  const idleWords = (seconds: number) => (seconds < 60 ? t('settings.kiosk.seconds', { n: seconds }) : t('settings.kiosk.minutes', { n: Math.round(seconds / 60) }));

  return (
    <section className="panel settings-section" aria-labelledby="settings-kiosk" data-testid="settings-kiosk">
      <h2 id="settings-kiosk">{t('settings.kiosk.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="settings-idle">
            {t('settings.kiosk.idle')}
          </label>
          <p className="field-hint" id="settings-idle-hint">
            {t('settings.kiosk.idleHint')}
          </p>
          <select id="settings-idle" className="field-input" value={idle} onChange={(e) => setIdle(Number(e.target.value))} aria-describedby="settings-idle-hint">
            {choices.map((seconds) => (
              <option key={seconds} value={seconds}>
                {idleWords(seconds)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="settings-language">
            {t('settings.kiosk.language')}
          </label>
          <select id="settings-language" className="field-input" value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
            <option value="en" lang="en">
              English
            </option>
            <option value="cy" lang="cy">
              Cymraeg
            </option>
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={fullscreen} onChange={(e) => setFullscreen(e.target.checked)} aria-describedby="settings-fullscreen-hint" />
          <span>{t('settings.kiosk.fullscreen')}</span>
        </label>
        <p className="field-hint" id="settings-fullscreen-hint">
          {t('settings.kiosk.fullscreenHint')}
        </p>
        <button type="submit" className="button button-primary" disabled={state.kind === 'saving'} data-testid="settings-kiosk-save">
          {t('settings.save')}
        </button>
        <SaveStatus state={state} />
      </form>
    </section>
  );
}
