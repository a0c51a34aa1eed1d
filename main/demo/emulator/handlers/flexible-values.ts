// ApplicationFlexibleFieldValues as requests send them (RAW-API §7.8): parsed, checked against the
// account's field definitions, merged by FlexibleFieldVersionId. Runs wherever the emulator runs.
import type { EmulatorConfig } from '../config';
import { ApiFailure, MESSAGES } from '../envelope';
import type { JsonBody } from '../request-body';
import { objectsOf } from '../request-body';
import type { FlexibleValue } from '../state';

const FIELD = 'ApplicationFlexibleFieldValues';

export function parseFlexibleValues(body: JsonBody, config: EmulatorConfig): FlexibleValue[] {
  return objectsOf(body.array(FIELD), FIELD).map((item) => {
    const versionId = item.guid('FlexibleFieldVersionId', true);
    if (!config.flexibleFields.some((definition) => definition.id === versionId)) throw new ApiFailure(MESSAGES.invalid('FlexibleFieldVersionId'));
    const decimal = item.data.FieldValueDecimal;
    if (decimal !== undefined && decimal !== null && typeof decimal !== 'number') throw new ApiFailure(MESSAGES.invalid('FieldValueDecimal'));
    return {
      flexibleFieldVersionId: versionId,
      valueString: item.string('FieldValueString'),
      valueInt: item.int('FieldValueInt'),
      valueDate: item.date('FieldValueDate'),
      valueDecimal: typeof decimal === 'number' ? decimal : null,
    };
  });
}

function hasValue(value: FlexibleValue): boolean {
  return (value.valueString !== null && value.valueString.trim() !== '') || value.valueInt !== null || value.valueDate !== null || value.valueDecimal !== null;
}

/** §4.1: a mandatory application field left empty refuses the create. */
export function requireMandatory(values: FlexibleValue[], config: EmulatorConfig): void {
  for (const definition of config.flexibleFields) {
    if (!definition.mandatory) continue;
    const value = values.find((item) => item.flexibleFieldVersionId === definition.id);
    if (!value || !hasValue(value)) throw new ApiFailure(MESSAGES.required(definition.displayName));
  }
}

/** §4.5: values merge by FlexibleFieldVersionId; later wins. */
export function mergeFlexibleValues(current: FlexibleValue[], changes: FlexibleValue[]): FlexibleValue[] {
  const merged = [...current];
  for (const change of changes) {
    const index = merged.findIndex((item) => item.flexibleFieldVersionId === change.flexibleFieldVersionId);
    if (index >= 0) merged[index] = change;
    else merged.push(change);
  }
  return merged;
}

/** Sets a system string field (guest name and email, §12.3) when the account defines it. */
export function withSystemValue(values: FlexibleValue[], config: EmulatorConfig, name: string, value: string): FlexibleValue[] {
  const definition = config.flexibleFields.find((item) => item.name === name);
  if (!definition) return values;
  return mergeFlexibleValues(values, [{ flexibleFieldVersionId: definition.id, valueString: value, valueInt: null, valueDate: null, valueDecimal: null }]);
}
