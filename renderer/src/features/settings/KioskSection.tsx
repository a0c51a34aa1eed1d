// The kiosk itself: idle timeout and full-screen kiosk mode. Renderer process.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { formatDuration } from '../../i18n/format';
import { SaveBar } from './SaveBar';
import { runSave, type SaveState } from './SaveStatus';
import { saveSection } from './settings-actions';
import { useReportUnsaved } from './settings-dirty';

/** Offered idle times in seconds; the settings schema allows 30–3600. */
const IDLE_CHOICES = [30, 60, 120, 180, 300, 600, 900, 1800, 3600];

export function KioskSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const saved = view.settings.kiosk;
  const [idle, setIdle] = useState(saved.idleTimeoutSeconds);
  const [fullscreen, setFullscreen] = useState(saved.fullscreen);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = idle !== saved.idleTimeoutSeconds || fullscreen !== saved.fullscreen;
  useReportUnsaved('kiosk', dirty);
  const choices = IDLE_CHOICES.includes(idle) ? IDLE_CHOICES : [...IDLE_CHOICES, idle].sort((a, b) => a - b);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runSave(setState, () => saveSection('kiosk', { ...saved, idleTimeoutSeconds: idle, fullscreen }));
  };

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
                {formatDuration(seconds)}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={fullscreen} onChange={(e) => setFullscreen(e.target.checked)} aria-describedby="settings-fullscreen-hint" />
          <span>{t('settings.kiosk.fullscreen')}</span>
        </label>
        <p className="field-hint" id="settings-fullscreen-hint">
          {t('settings.kiosk.fullscreenHint')}
        </p>
        <SaveBar state={state} dirty={dirty} testId="settings-kiosk-save" />
      </form>
    </section>
  );
}
