// The signed-in account's application form (its custom fields) for a guest link or a queued
// application: definitions from `capture.fieldDefinitions`, one input per field (the capture form's
// FieldInput), values held by the caller. Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { FieldInput, missingRequired } from '../capture/FieldsForm';

export type FieldDefinitions = Res<'capture.fieldDefinitions'>;

/** Loads the form; `null` while loading. */
export function useAccountForm(): { definitions: FieldDefinitions | null; error: string | null; retry(): void } {
  const [definitions, setDefinitions] = useState<FieldDefinitions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setError(null);
    getBridge()
      .invoke('capture.fieldDefinitions')
      .then(
        (list) => !cancelled && setDefinitions(list),
        (failure: Error) => !cancelled && setError(failure.message),
      );
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  return { definitions, error, retry: () => setAttempt((n) => n + 1) };
}

export { missingRequired };

export function AccountFields(props: { definitions: FieldDefinitions; values: Record<string, string>; onChange(values: Record<string, string>): void; showMissing: boolean }) {
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

/** Only the values typed, so an empty field is not sent. */
export const filledValues = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
