// A labelled text field with an optional hint and error, wired for screen readers (the error is
// announced and linked with aria-describedby). Renderer process. Single line, or multiline for
// reasons and notes.
import { useId, type InputHTMLAttributes, type Ref } from 'react';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> & {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  /** Say what is wrong and how to fix it; null or empty when the value is fine. */
  error?: string | null;
  multiline?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
};

export function TextField({ label, value, onChange, hint, error, multiline = false, testId, inputRef, className, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    className: `field-input${className ? ` ${className}` : ''}`,
  } as const;
  return (
    <div className={`field${error ? ' field-has-error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {rest.required && <span className="field-required"> *</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea ref={inputRef} {...common} required={rest.required} disabled={rest.disabled} maxLength={rest.maxLength} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input ref={inputRef} type="text" {...rest} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
