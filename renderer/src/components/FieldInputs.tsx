// The inputs of the account's application form (renderer): one per field definition, by its kind,
// each saying so when a required one is left empty. Values are held by the caller.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';
import { missingRequired, type FieldDefinition, type FieldDefinitionsLoad } from './use-field-definitions';

export function FieldInputs(props: { definitions: FieldDefinition[]; values: Record<string, string>; onChange(values: Record<string, string>): void; showMissing: boolean }) {
  const { t } = useTranslation();
  const missing = missingRequired(props.definitions, props.values);
  return (
    <>
      {props.definitions.map((d) => (
        <FieldInput
          key={d.id}
          definition={d}
          value={props.values[d.id] ?? ''}
          onChange={(v) => props.onChange({ ...props.values, [d.id]: v })}
          error={props.showMissing && missing.includes(d.id) ? t('capture.fields.required', { field: d.label }) : null}
        />
      ))}
    </>
  );
}

/** What stands in for the form until its definitions are there: the failure with Retry, or "loading". */
export function FieldDefinitionsPending({ load, retryLabel, loadingLabel, problemClass = 'error-text' }: { load: FieldDefinitionsLoad; retryLabel: string; loadingLabel: string; problemClass?: string }) {
  if (load.error) {
    return (
      <div className={problemClass} role="alert">
        <p>{load.error}</p>
        <button type="button" className="button" onClick={load.retry}>
          {retryLabel}
        </button>
      </div>
    );
  }
  return load.definitions === null ? <p aria-busy="true">{loadingLabel}</p> : null;
}

function FieldInput({ definition, value, onChange, error }: { definition: FieldDefinition; value: string; onChange(value: string): void; error: string | null }) {
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
