// The application's custom fields (renderer): definitions from `capture.fieldDefinitions` (main
// fetches them from TrustID when online and caches them), a form by kind, saved with
// `capture.setFields`. Typed values wait in the capture store so the idle lock keeps them.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { TextField } from '../../components/TextField';
import { editFields, saveFields, useCaptureStore } from '../../stores/capture-store';

type Definition = Res<'capture.fieldDefinitions'>[number];

/** The fields a save would leave empty although they are required. */
export function missingRequired(definitions: Definition[], values: Record<string, string>): string[] {
  return definitions.filter((d) => d.required && d.kind !== 'boolean' && !(values[d.id] ?? '').trim()).map((d) => d.id);
}

export function FieldsForm() {
  const { t } = useTranslation();
  const [definitions, setDefinitions] = useState<Definition[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [showMissing, setShowMissing] = useState(false);
  const saved = useCaptureStore((s) => s.draft?.fields);
  const edits = useCaptureStore((s) => s.fieldEdits);
  const saving = useCaptureStore((s) => s.busy === 'fields');
  const saveError = useCaptureStore((s) => (s.error?.task === 'fields' ? s.error.message : null));
  const values = edits ?? saved ?? {};

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    getBridge()
      .invoke('capture.fieldDefinitions')
      .then(
        (list) => !cancelled && setDefinitions(list),
        (error: Error) => !cancelled && setLoadError(error.message),
      );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const missing = definitions ? missingRequired(definitions, values) : [];
  const set = (id: string, value: string) => editFields({ ...values, [id]: value });

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
      {loadError ? (
        <div className="capture-problem" role="alert">
          <p>{loadError}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('capture.retry')}
          </button>
        </div>
      ) : !definitions ? (
        <p aria-busy="true">{t('capture.fields.loading')}</p>
      ) : definitions.length === 0 ? (
        <p>{t('capture.fields.none')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="fields-form">
          {definitions.map((d) => (
            <FieldInput key={d.id} definition={d} value={values[d.id] ?? ''} onChange={(v) => set(d.id, v)} error={showMissing && missing.includes(d.id) ? t('capture.fields.required', { field: d.label }) : null} />
          ))}
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

export function FieldInput({ definition, value, onChange, error }: { definition: Definition; value: string; onChange(value: string): void; error: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const testId = `field-${definition.id}`;
  switch (definition.kind) {
    case 'boolean':
      return (
        <div className="field field-check">
          <label className="check-label">
            <input type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} data-testid={testId} />
            {definition.label}
          </label>
        </div>
      );
    case 'choice':
      return (
        <div className={`field${error ? ' field-has-error' : ''}`}>
          <label className="field-label" htmlFor={id}>
            {definition.label}
            {definition.required && <span className="field-required"> *</span>}
          </label>
          <select id={id} className="field-input" value={value} required={definition.required} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
            <option value="">{t('capture.fields.choose')}</option>
            {definition.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      );
    default:
      return (
        <TextField
          label={definition.label}
          value={value}
          onChange={onChange}
          required={definition.required}
          type={definition.kind === 'date' ? 'date' : 'text'}
          inputMode={definition.kind === 'number' ? 'decimal' : undefined}
          maxLength={1000}
          error={error}
          testId={testId}
        />
      );
  }
}
