// The result of a section's Save: "Saved." (polite) or what went wrong (alert). Renderer process.
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="save-status" role="status">
        {state.kind === 'saved' ? t('settings.saved') : state.kind === 'saving' ? t('settings.saving') : ''}
      </p>
      {state.kind === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </>
  );
}

/** Runs a save and reports it through `set`. */
export async function runSave(set: (state: SaveState) => void, save: () => Promise<unknown>): Promise<boolean> {
  set({ kind: 'saving' });
  try {
    await save();
    set({ kind: 'saved' });
    return true;
  } catch (failure) {
    set({ kind: 'failed', message: errorText(i18next.t, failure) });
    return false;
  }
}
