// The signed-in account's application form, shared by the capture screen, guest links and queued
// applications (renderer): its field definitions from `capture.fieldDefinitions` (main fetches them
// from TrustID when online and caches them) and the checks every form of them makes.
import { useEffect, useState } from 'react';
import type { Res } from '../../../preload/contract';
import { getBridge } from '../bridge';

export type FieldDefinitions = Res<'capture.fieldDefinitions'>;
export type FieldDefinition = FieldDefinitions[number];

/** The definitions, `null` while loading; `retry` loads them again after a failure. */
export interface FieldDefinitionsLoad {
  definitions: FieldDefinitions | null;
  error: string | null;
  retry(): void;
}

export function useFieldDefinitions(): FieldDefinitionsLoad {
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

/** The fields a save would leave empty although they are required. */
export function missingRequired(definitions: FieldDefinition[], values: Record<string, string>): string[] {
  return definitions.filter((d) => d.required && d.kind !== 'boolean' && !(values[d.id] ?? '').trim()).map((d) => d.id);
}

/** Only the values typed, so an empty field is not sent. */
export const filledValues = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
