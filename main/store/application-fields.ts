// Application custom field values (issue 6 item 3) as the store keeps them: their shape, the checks
// saveCapture makes before anything is written, and sealing them into `applications.fields_sealed`
// (AAD `applications.fields.<appId>`, like every personal value in a row). Runs in main (plain Node).
import type { KeyRing } from './key-ring';
import { openField, sealField } from './sealed-fields';
import { invalidCaptureError } from './store-errors';

/**
 * Which value member TrustID takes for the field (RAW-API §7.8 ApplicationFlexibleFieldValue:
 * FieldValueString, FieldValueInt, FieldValueDate, FieldValueDecimal). Choice and yes/no fields are
 * strings there.
 */
export type ApplicationFieldKind = 'string' | 'int' | 'date' | 'decimal';

export const APPLICATION_FIELD_KINDS: readonly ApplicationFieldKind[] = ['string', 'int', 'date', 'decimal'];

/** One value as the capture collected it. Personal data: sealed at rest, never logged. */
export type ApplicationFieldValue = {
  /** The form's field id (the contract's FieldDefinition.id). */
  fieldId: string;
  /** TrustID's FlexibleFieldVersionId; absent for a field that is not TrustID's (it is not sent). */
  versionId?: string;
  kind: ApplicationFieldKind;
  /** As typed: a number in plain decimal notation, a date as YYYY-MM-DD. */
  value: string;
};

const MAX_FIELDS = 50;
const MAX_VALUE_CHARS = 1000;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
// FieldValueInt is a .NET Int32 (RAW-API §7.8 "int").
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a value cannot be stored for its kind, or null. Never quotes the value. */
function valueProblem(kind: ApplicationFieldKind, value: string): string | null {
  switch (kind) {
    case 'int': {
      if (!/^-?\d{1,10}$/.test(value)) return 'is not a whole number';
      const n = Number(value);
      return n < INT32.min || n > INT32.max ? 'is out of range' : null;
    }
    case 'decimal':
      return /^-?\d{1,15}(\.\d{1,10})?$/.test(value) ? null : 'is not a number';
    case 'date':
      return isCalendarDay(value) ? null : 'is not a date';
    case 'string':
      return null;
  }
}

/** Throws `store.invalid-capture` naming the field's position, never its value. */
export function validateApplicationFields(fields: readonly ApplicationFieldValue[]): void {
  if (!Array.isArray(fields)) throw invalidCaptureError('its application fields are not a list');
  if (fields.length > MAX_FIELDS) throw invalidCaptureError(`it has more than ${MAX_FIELDS} application fields`);
  const seen = new Set<string>();
  for (const [i, f] of fields.entries()) {
    const which = `application field ${i + 1}`;
    if (typeof f !== 'object' || f === null) throw invalidCaptureError(`${which} is not valid`);
    if (typeof f.fieldId !== 'string' || !ID.test(f.fieldId)) throw invalidCaptureError(`${which} has no valid id`);
    if (seen.has(f.fieldId)) throw invalidCaptureError(`${which} appears twice`);
    seen.add(f.fieldId);
    if (f.versionId !== undefined && (typeof f.versionId !== 'string' || !ID.test(f.versionId))) throw invalidCaptureError(`${which} has no valid version id`);
    if (!APPLICATION_FIELD_KINDS.includes(f.kind)) throw invalidCaptureError(`${which} has an unknown kind`);
    if (typeof f.value !== 'string' || f.value.length === 0 || f.value.length > MAX_VALUE_CHARS) throw invalidCaptureError(`${which} has no valid value`);
    const problem = valueProblem(f.kind, f.value);
    if (problem) throw invalidCaptureError(`${which} ${problem}`);
  }
}

/** Only the four members of the shape, so nothing else a caller attached is sealed with them. */
function canonical(fields: readonly ApplicationFieldValue[]): ApplicationFieldValue[] {
  return fields.map((f) => ({ fieldId: f.fieldId, ...(f.versionId === undefined ? {} : { versionId: f.versionId }), kind: f.kind, value: f.value }));
}

/** The sealed column's value: null when there are none, so an application without fields stores nothing. */
export function sealApplicationFields(keys: KeyRing, appId: string, fields: readonly ApplicationFieldValue[] | undefined): Buffer | null {
  if (!fields || fields.length === 0) return null;
  return sealField(keys, 'applications', 'fields', appId, JSON.stringify(canonical(fields)));
}

/** Opens the column (throws SealBrokenError or `store.no-key` like any sealed field). */
export function openApplicationFields(keys: KeyRing, appId: string, sealed: Uint8Array): ApplicationFieldValue[] {
  const parsed = JSON.parse(openField(keys, 'applications', 'fields', appId, sealed)) as ApplicationFieldValue[];
  validateApplicationFields(parsed);
  return parsed;
}
