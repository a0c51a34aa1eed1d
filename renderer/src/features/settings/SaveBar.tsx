// A Settings section's one Save, kept in view at the bottom of the section however long it is
// (issue 11 §4: the main button visible without scrolling), with what happened. Renderer process.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, type SaveState } from './SaveStatus';

/** `notice` (a test result, say) sits above the buttons, so the answer to a press is in view too. */
export function SaveBar({ state, dirty, testId, children, notice }: { state: SaveState; dirty: boolean; testId: string; children?: ReactNode; notice?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="settings-actions">
      {notice && <div className="settings-actions-notice">{notice}</div>}
      <button type="submit" className="button button-primary" disabled={state.kind === 'saving' || !dirty} aria-busy={state.kind === 'saving' || undefined} data-testid={testId}>
        {state.kind === 'saving' ? t('settings.saving') : t('settings.save')}
      </button>
      {children}
      {dirty && state.kind !== 'saving' && <span className="settings-unsaved">{t('settings.unsaved')}</span>}
      <SaveStatus state={state} />
    </div>
  );
}
