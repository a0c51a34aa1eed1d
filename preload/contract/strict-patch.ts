// A strict, deep-partial "patch" schema derived from a settings-like schema: every object becomes a
// strict object of optional keys without defaults (so an absent key means "leave it as it is", and
// an unknown key is refused); arrays and leaves keep their own checks and are replaced whole.
// Runtime-agnostic: no electron, node:* or DOM.
import { z } from 'zod';

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * The same schema with every nested object strict (unknown keys refused), through optional,
 * nullable, default, array, record and union wrappers; defaults and object-level checks kept.
 */
export function strictDeep(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault) return strictDeep(schema.unwrap() as z.ZodType).default(schema._zod.def.defaultValue as never);
  if (schema instanceof z.ZodPrefault) return strictDeep(schema.unwrap() as z.ZodType).prefault(schema._zod.def.defaultValue as never);
  if (schema instanceof z.ZodOptional) return strictDeep(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return strictDeep(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, strictDeep(value)]));
    // A clone keeps the object's own checks (refinements), which a fresh strictObject would drop.
    return schema.clone({ ...schema._zod.def, shape, catchall: z.never() } as never);
  }
  if (schema instanceof z.ZodArray) return schema.clone({ ...schema._zod.def, element: strictDeep(schema.element as z.ZodType) } as never);
  if (schema instanceof z.ZodRecord) return schema.clone({ ...schema._zod.def, valueType: strictDeep(schema._zod.def.valueType as z.ZodType) } as never);
  if (schema instanceof z.ZodUnion) return schema.clone({ ...schema._zod.def, options: (schema._zod.def.options as z.ZodType[]).map(strictDeep) } as never);
  return schema;
}

const strictRequests = new WeakMap<z.ZodType, z.ZodType>();

/** A channel's request schema as the dispatcher checks it: deep-strict, built once per schema. */
export function strictRequest(schema: z.ZodType): z.ZodType {
  let strict = strictRequests.get(schema);
  if (!strict) strictRequests.set(schema, (strict = strictDeep(schema)));
  return strict;
}

/** The patch schema: objects strict and partial without defaults, everything else whole and strict. */
export function strictPatch(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return strictPatch(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    return z.strictObject(Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, strictPatch(value).optional()])));
  }
  return strictDeep(schema);
}
