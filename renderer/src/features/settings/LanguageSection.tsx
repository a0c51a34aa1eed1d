// The kiosk's language: English or Welsh, for every screen and every message. Renderer process.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { SaveBar } from './SaveBar';
import { runSave, type SaveState } from './SaveStatus';
import { saveSection } from './settings-actions';
import { useReportUnsaved } from './settings-dirty';

const LANGUAGES = [
  { id: 'en', name: 'English' },
  { id: 'cy', name: 'Cymraeg' },
] as const;

export function LanguageSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const saved = view.settings.language;
  const [language, setLanguage] = useState(saved);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = language !== saved;
  useReportUnsaved('language', dirty);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runSave(setState, () => saveSection('language', language));
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-language" data-testid="settings-language">
      <h2 id="settings-language">{t('settings.language.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="choice-group">
          <legend className="field-label">{t('settings.language.legend')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l.id} className="choice" lang={l.id}>
              <input type="radio" name="settings-language" value={l.id} checked={language === l.id} onChange={() => setLanguage(l.id)} />
              <span>{l.name}</span>
            </label>
          ))}
        </fieldset>
        <p className="field-hint">{t('settings.language.hint')}</p>
        <SaveBar state={state} dirty={dirty} testId="settings-language-save" />
      </form>
    </section>
  );
}
