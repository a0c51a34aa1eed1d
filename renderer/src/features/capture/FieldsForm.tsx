// The application's custom fields (renderer): the account's form (components/FieldInputs), saved
// with `capture.setFields`. Typed values wait in the capture store so the idle lock keeps them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldDefinitionsPending, FieldInputs } from '../../components/FieldInputs';
import { missingRequired, useFieldDefinitions } from '../../components/use-field-definitions';
import { editFields, saveFields, useCaptureStore } from '../../stores/capture-store';

export function FieldsForm() {
  const { t } = useTranslation();
  const load = useFieldDefinitions();
  const definitions = load.definitions;
  const [showMissing, setShowMissing] = useState(false);
  const saved = useCaptureStore((s) => s.draft?.fields);
  const edits = useCaptureStore((s) => s.fieldEdits);
  const saving = useCaptureStore((s) => s.busy === 'fields');
  const saveError = useCaptureStore((s) => (s.error?.task === 'fields' ? s.error.message : null));
  const values = edits ?? saved ?? {};

  const missing = definitions ? missingRequired(definitions, values) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    setShowMissing(false);
    await saveFields();
  }

  return (
    <section className="capture-section" aria-labelledby="fields-title" data-testid="fields-section">
      <h2 id="fields-title">{t('capture.fields.title')}</h2>
      {load.error || !definitions ? (
        <FieldDefinitionsPending load={load} retryLabel={t('capture.retry')} loadingLabel={t('capture.fields.loading')} problemClass="capture-problem" />
      ) : definitions.length === 0 ? (
        <p>{t('capture.fields.none')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="fields-form">
          <FieldInputs definitions={definitions} values={values} onChange={editFields} showMissing={showMissing} />
          <div className="button-row">
            <button type="submit" className="button" disabled={saving || !edits} data-testid="save-fields">
              {saving ? t('capture.working') : t('capture.fields.save')}
            </button>
            <span role="status" aria-live="polite" className="capture-status">
              {edits ? t('capture.fields.unsaved') : Object.keys(saved ?? {}).length > 0 ? t('capture.fields.saved') : ''}
            </span>
          </div>
          {saveError && (
            <p className="error-text" role="alert">
              {saveError}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
