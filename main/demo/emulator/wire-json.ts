// The emulator's JSON writer: TrustID's wire conventions that JSON.stringify cannot express.
// Runs wherever the emulator runs (main, tests, the CLI). Pure.
//
// RAW-API §1.6: base envelope fields first in their table order, then the operation's fields, and
// every nested object, in ordinal (UTF-16 code unit) order, so "MRZCorrected" sorts before
// "MandatoryDocumentFieldsFlag". §1.8: dates as "\/Date(<ms>+hhmm)\/" with escaped slashes in the
// raw text; unset dates as null, or the .NET year-1 sentinel when the switch asks for it.

/** An instant to be written as a Microsoft JSON date. */
export class WireDate {
  constructor(readonly ms: number) {}
}

/** A nullable date that has no value. */
export class UnsetDate {
  static readonly instance = new UnsetDate();
  private constructor() {}
}

export const unsetDate = UnsetDate.instance;

/** A response envelope nested in another object (the webhook's `Response`): base fields first. */
export class WireEnvelope {
  constructor(readonly fields: { [key: string]: WireValue }) {}
}

export type WireValue = null | boolean | number | string | WireDate | UnsetDate | WireEnvelope | WireValue[] | { [key: string]: WireValue };
export type WireObject = { [key: string]: WireValue };

export type DateStyle = {
  /** The `±hhmm` suffix written after the milliseconds; it records an offset, it never shifts the instant. */
  offset: string;
  /** Write the .NET minimum date instead of null for unset nullable dates (§1.8 switch). */
  emitSentinels: boolean;
};

export const DOTNET_MIN_DATE_MS = -62135596800000;

/** The base envelope fields, in the order of RAW-API §1.6. */
export const BASE_FIELDS = [
  'AccessDenied',
  'CallbackId',
  'Locked',
  'Message',
  'MfaCodeRequired',
  'NewPasswordRequired',
  'SessionExpired',
  'Success',
  'VpeUnreachable',
] as const;

/** A date or "unset" from a millisecond value that may be absent. */
export function wireDate(ms: number | null | undefined): WireDate | UnsetDate {
  return ms === null || ms === undefined ? unsetDate : new WireDate(ms);
}

export function formatDate(ms: number, offset: string): string {
  return `/Date(${Math.trunc(ms)}${offset})/`;
}

function ordinalCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function writeValue(value: WireValue, style: DateStyle): string {
  if (value instanceof WireDate) return escapedDate(value.ms, style.offset);
  if (value instanceof UnsetDate) return style.emitSentinels ? escapedDate(DOTNET_MIN_DATE_MS, '+0000') : 'null';
  if (value instanceof WireEnvelope) return writeObject(value.fields, envelopeKeys(value.fields), style);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => writeValue(item, style)).join(',')}]`;
  if (typeof value === 'object') return writeObject(value, Object.keys(value).sort(ordinalCompare), style);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

function escapedDate(ms: number, offset: string): string {
  // JSON.stringify never escapes "/", so the .NET form is written by hand (§1.8).
  return JSON.stringify(formatDate(ms, offset)).replaceAll('/', '\\/');
}

function writeObject(object: WireObject, keys: readonly string[], style: DateStyle): string {
  const parts: string[] = [];
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${writeValue(item, style)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Any wire value, nested objects in ordinal key order. */
export function toWireJson(value: WireValue, style: DateStyle): string {
  return writeValue(value, style);
}

/**
 * A response envelope: the base fields present in `object` first, in §1.6 order, then every
 * other field in ordinal order.
 */
export function toEnvelopeJson(object: WireObject, style: DateStyle): string {
  return writeObject(object, envelopeKeys(object), style);
}

function envelopeKeys(object: WireObject): string[] {
  const base = BASE_FIELDS.filter((key) => key in object);
  const rest = Object.keys(object)
    .filter((key) => !(BASE_FIELDS as readonly string[]).includes(key))
    .sort(ordinalCompare);
  return [...base, ...rest];
}
