// Document-level custom field values (issue 10 §5, RAW-API §7.9): what staff filled in for one
// document, keyed by the account's definition (PropertyName and slot Index 0–9), sealed at rest and
// sent with that document's createDocument. Personal: never logged. Runs in main (plain Node).
import type { KeyRing } from './key-ring';
import { openField, sealField } from './sealed-fields';
import { invalidCaptureError } from './store-errors';

export type DocumentFieldValue = { propertyName: string; index?: number; value: string };

/** RAW-API §7.9: at most 10 document-level fields per account, slots 0–9. */
const MAX_FIELDS = 10;
const MAX_VALUE_CHARS = 1000;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function validateDocumentFields(fields: readonly DocumentFieldValue[]): void {
  if (!Array.isArray(fields)) throw invalidCaptureError('its document fields are not a list');
  if (fields.length > MAX_FIELDS) throw invalidCaptureError(`a document has more than ${MAX_FIELDS} custom fields`);
  const seen = new Set<string>();
  for (const [i, f] of fields.entries()) {
    const which = `document field ${i + 1}`;
    if (typeof f !== 'object' || f === null) throw invalidCaptureError(`${which} is not valid`);
    if (typeof f.propertyName !== 'string' || !PROPERTY_NAME.test(f.propertyName)) throw invalidCaptureError(`${which} has no valid name`);
    if (seen.has(f.propertyName)) throw invalidCaptureError(`${which} appears twice`);
    seen.add(f.propertyName);
    if (f.index !== undefined && (!Number.isInteger(f.index) || f.index < 0 || f.index > 9)) throw invalidCaptureError(`${which} has no valid slot`);
    if (typeof f.value !== 'string' || f.value.length === 0 || f.value.length > MAX_VALUE_CHARS) throw invalidCaptureError(`${which} has no valid value`);
  }
}

/** The sealed column for a document, or null when staff filled in nothing. */
export function sealDocumentFields(keys: KeyRing, docId: string, fields: readonly DocumentFieldValue[] | undefined): Buffer | null {
  if (!fields || fields.length === 0) return null;
  const ordered = [...fields].sort((a, b) => (a.index ?? 99) - (b.index ?? 99) || a.propertyName.localeCompare(b.propertyName));
  return sealField(keys, 'documents', 'fields', docId, JSON.stringify(ordered.map((f) => ({ propertyName: f.propertyName, ...(f.index !== undefined ? { index: f.index } : {}), value: f.value }))));
}

/** Opens the column (throws SealBrokenError or `store.no-key` like any sealed field). */
export function openDocumentFields(keys: KeyRing, docId: string, sealed: Uint8Array): DocumentFieldValue[] {
  const parsed = JSON.parse(openField(keys, 'documents', 'fields', docId, sealed)) as DocumentFieldValue[];
  validateDocumentFields(parsed);
  return parsed;
}
