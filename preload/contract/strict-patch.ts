// A strict, deep-partial "patch" schema derived from a settings-like schema: every object becomes a
// strict object of optional keys without defaults (so an absent key means "leave it as it is", and
// an unknown key is refused); arrays and leaves keep their own checks and are replaced whole.
// Runtime-agnostic: no electron, node:* or DOM.
import { z } from 'zod';

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The same schema with every nested object strict (unknown keys refused); defaults kept. */
export function strictDeep(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault) return strictDeep(schema.unwrap() as z.ZodType).default(schema._zod.def.defaultValue as never);
  if (schema instanceof z.ZodPrefault) return strictDeep(schema.unwrap() as z.ZodType).prefault(schema._zod.def.defaultValue as never);
  if (schema instanceof z.ZodObject) {
    return z.strictObject(Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, strictDeep(value)])));
  }
  if (schema instanceof z.ZodArray) return schema.clone({ ...schema._zod.def, element: strictDeep(schema.element as z.ZodType) } as never);
  return schema;
}

/** The patch schema: objects strict and partial without defaults, everything else whole and strict. */
export function strictPatch(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return strictPatch(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    return z.strictObject(Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, strictPatch(value).optional()])));
  }
  return strictDeep(schema);
}
