// Document-level custom field values as createDocument sends them (RAW-API §4.2, §7.9):
// `Document.CustomFieldDictionary: [{Key, Value: {Index?, PropertyName?, Value}}]`, matched to the
// account's definitions and checked. Runs wherever the emulator runs. Pure.
import type { CustomFieldDefinition } from '../config';
import { ApiFailure, MESSAGES } from '../envelope';
import type { JsonBody } from '../request-body';

const FIELD = 'CustomFieldDictionary';

function refuse(): never {
  throw new ApiFailure(MESSAGES.invalid(FIELD));
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) refuse();
  return value as Record<string, unknown>;
}

/**
 * §7.9: each entry names a definition by `Value.Index`, or by `Key` when Index is absent; an entry
 * that matches none, a Key and Index naming different definitions, a value that is not a string, or
 * one outside a non-empty `Values` list refuses the whole call. Returns the values by Index.
 */
export function parseCustomFieldValues(document: JsonBody | null, definitions: CustomFieldDefinition[]): Record<string, string> {
  const entries = document?.array(FIELD) ?? null;
  const values: Record<string, string> = {};
  if (entries === null) return values;
  for (const raw of entries) {
    const entry = asRecord(raw);
    const value = asRecord(entry.Value);
    const key = entry.Key;
    if (key !== undefined && key !== null && typeof key !== 'string') refuse();
    const index = value.Index;
    if (index !== undefined && index !== null && (typeof index !== 'number' || !Number.isInteger(index))) refuse();
    const byIndex = typeof index === 'number' ? definitions.find((item) => item.index === index) : undefined;
    const byKey = typeof key === 'string' ? definitions.find((item) => item.propertyName === key) : undefined;
    const definition = typeof index === 'number' ? byIndex : byKey;
    if (!definition) refuse();
    if (byKey && byIndex && byKey !== byIndex) refuse();
    if (typeof key === 'string' && !byKey) refuse();
    const text = value.Value;
    if (typeof text !== 'string') refuse();
    if (definition.values.length > 0 && !definition.values.includes(text)) refuse();
    values[String(definition.index)] = text;
  }
  return values;
}
