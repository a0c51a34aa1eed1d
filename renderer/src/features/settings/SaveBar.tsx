// A Settings section's one Save, kept in view at the bottom of the section however long it is
// (issue 11 §4: the main button visible without scrolling), with what happened. Renderer process.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, type SaveState } from './SaveStatus';

export function SaveBar({ state, dirty, testId, children }: { state: SaveState; dirty: boolean; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="settings-actions">
      <button type="submit" className="button button-primary" disabled={state.kind === 'saving' || !dirty} aria-busy={state.kind === 'saving' || undefined} data-testid={testId}>
        {state.kind === 'saving' ? t('settings.saving') : t('settings.save')}
      </button>
      {children}
      {dirty && state.kind !== 'saving' && <span className="settings-unsaved">{t('settings.unsaved')}</span>}
      <SaveStatus state={state} />
    </div>
  );
}
