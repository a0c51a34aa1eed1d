// Typed reads of a JSON request body the way TrustID's .NET service binds them (RAW-API §1.5):
// case-sensitive names, absent and null alike, a wrong type is a failure naming the field.
// Runs wherever the emulator runs. Pure.
import { ApiFailure, MESSAGES } from './envelope';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** §1.8: the instant is the milliseconds alone; the offset never shifts it. */
export function parseMsDate(value: string): number | null {
  const match = MS_DATE.exec(value);
  return match ? Number(match[1]) : null;
}

export class JsonBody {
  constructor(readonly data: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.data[name] !== undefined && this.data[name] !== null;
  }

  string(name: string, required: true): string;
  string(name: string, required?: boolean): string | null;
  string(name: string, required = false): string | null {
    const value = this.data[name];
    if (value === undefined || value === null || value === '') {
      if (required) throw new ApiFailure(MESSAGES.required(name));
      return null;
    }
    if (typeof value !== 'string') throw new ApiFailure(MESSAGES.invalid(name));
    return value;
  }

  /** A GUID, lower-cased (§1.9: compared case-insensitively). Not GUID-shaped counts as "not found" upstream. */
  guid(name: string, required: true): string;
  guid(name: string, required?: boolean): string | null;
  guid(name: string, required = false): string | null {
    const value = this.string(name, required);
    return value === null ? null : value.toLowerCase();
  }

  bool(name: string): boolean | null {
    const value = this.data[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') throw new ApiFailure(MESSAGES.invalid(name));
    return value;
  }

  int(name: string): number | null {
    const value = this.data[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new ApiFailure(MESSAGES.invalid(name));
    return value;
  }

  /** ApiVersionNumber travels as a string or a number (§2.2). */
  numberish(name: string): number | null {
    const value = this.data[name];
    if (value === undefined || value === null || value === '') return null;
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : Number.NaN;
    if (!Number.isFinite(number)) throw new ApiFailure(MESSAGES.invalid(name));
    return number;
  }

  date(name: string): number | null {
    const value = this.string(name);
    if (value === null) return null;
    const ms = parseMsDate(value);
    if (ms === null) throw new ApiFailure(MESSAGES.invalid(name));
    return ms;
  }

  array(name: string): unknown[] | null {
    const value = this.data[name];
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) throw new ApiFailure(MESSAGES.invalid(name));
    return value;
  }

  object(name: string): JsonBody | null {
    const value = this.data[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw new ApiFailure(MESSAGES.invalid(name));
    return new JsonBody(value as Record<string, unknown>);
  }
}

/** Element objects of an array field, each as a JsonBody; a non-object element fails the field. */
export function objectsOf(items: unknown[] | null, name: string): JsonBody[] {
  return (items ?? []).map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new ApiFailure(MESSAGES.invalid(name));
    return new JsonBody(item as Record<string, unknown>);
  });
}
