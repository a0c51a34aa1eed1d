// Application custom field values staff type in (issue 6 item 3), checked against the account's
// field definitions before they join the draft. Pure; runs in main.
import type { z } from 'zod';
import type { FieldDefinition as FieldDefinitionSchema } from '../../preload/contract';
import { AppError } from '../app-error';
import type { ApplicationFieldKind } from '../store/application-fields';

/**
 * A field of the form as the contract shows it, plus where its value goes at TrustID. The two extra
 * members stay in main: the dispatcher strips them from the `capture.fieldDefinitions` answer.
 */
export type FormField = z.infer<typeof FieldDefinitionSchema> & {
  /** TrustID's FlexibleFieldVersionId the value is sent under (RAW-API §7.8); absent = not sent. */
  versionId?: string;
  /** The value member TrustID takes (RAW-API §7.8); absent = from `kind` (a number is a decimal). */
  valueType?: ApplicationFieldKind;
  /** Document-level fields only (RAW-API §7.9): the definition's PropertyName and slot Index 0–9. */
  propertyName?: string;
  index?: number;
};

/** FieldValueInt is a .NET Int32 (RAW-API §7.8). */
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Why a value does not fit its field, or null when it does. An empty value always fits (it clears). */
export function fieldValueProblem(field: FormField, value: string): string | null {
  if (value === '') return null;
  switch (field.kind) {
    case 'number': {
      // The store's limits (main/store/application-fields.ts), so a value taken here is never refused at Submit.
      const text = value.trim();
      if (field.valueType === 'int') {
        const n = Number(text);
        return /^-?\d{1,10}$/.test(text) && n >= INT32.min && n <= INT32.max ? null : `“${field.label}” must be a whole number.`;
      }
      return /^-?\d{1,15}(\.\d{1,10})?$/.test(text) ? null : `“${field.label}” must be a number.`;
    }
    case 'date':
      return isIsoDate(value) ? null : `“${field.label}” must be a date (year-month-day).`;
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `“${field.label}” must be yes or no.`;
    case 'choice':
      return field.choices.includes(value) ? null : `“${field.label}” must be one of its choices.`;
    default:
      return null;
  }
}

/**
 * The draft's values after staff's edits: each given value replaces the old one, an empty one
 * removes it. Throws `capture.invalid-field` naming the field (never echoing the value).
 */
export function mergeFieldValues(current: Readonly<Record<string, string>>, edits: Readonly<Record<string, string>>, definitions: readonly FormField[]): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const [id, value] of Object.entries(edits)) {
    const field = definitions.find((f) => f.id === id);
    if (!field) throw new AppError('capture.unknown-field', 'One of the fields is not part of this account’s application form any more. Reopen the form and try again.');
    const problem = fieldValueProblem(field, value);
    if (problem) throw new AppError('capture.invalid-field', `${problem} Correct it and try again.`);
    if (value === '') delete next[id];
    else next[id] = value;
  }
  return next;
}
