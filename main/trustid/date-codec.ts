// The Microsoft JSON date form "/Date(<ms>±hhmm)/" that TrustID uses, both ways (RAW-API §1.8),
// as plain functions and as a zod codec for the models. Runs in main (plain Node).
import { z } from 'zod';

/** RAW-API §1.8: applied after JSON decoding, so escaped slashes (`\/`) are already plain. */
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * Not in the spec: an ISO 8601 timestamp, accepted because the real service is a moving target
 * (RAW-API §16: the client copes with plausible alternatives) and an ISO date is unambiguous.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * RAW-API §1.8: "unset" arrives as .NET's minimum date (year 1), SQL's minimum (year 1753) or null;
 * the client treats every instant before 1900-01-01 as unset.
 */
export const UNSET_BEFORE_MS = Date.UTC(1900, 0, 1);

export class MsDateFormatError extends Error {
  override readonly name = 'MsDateFormatError';
}

/**
 * Text → instant, or `undefined` for "unset" (null, absent, a sentinel, anything before 1900).
 * The `±hhmm` suffix only records the server's local offset and never shifts the instant
 * (RAW-API §1.8, as .NET writes it). Throws MsDateFormatError for text that is not a date; its
 * message never repeats the text, which may be personal data.
 */
export function parseMsDate(text: string | null | undefined): Date | undefined {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const ms = MS_DATE.exec(trimmed);
  let epochMs: number;
  if (ms) {
    epochMs = Number(ms[1]);
  } else if (ISO_DATE.test(trimmed)) {
    // A date-only ISO value means midnight UTC, like the dates the client sends (§1.8).
    epochMs = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  } else {
    throw new MsDateFormatError('not a /Date(ms)/ value');
  }
  if (!Number.isFinite(epochMs)) throw new MsDateFormatError('date out of range');
  if (epochMs < UNSET_BEFORE_MS) return undefined;
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) throw new MsDateFormatError('date out of range');
  return date;
}

/** Instant → "/Date(<ms>+0000)/", the form the client always sends (RAW-API §1.8). */
export function formatMsDate(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatMsDate needs a valid date');
  return `/Date(${Math.trunc(ms)}+0000)/`;
}

/** A calendar date ("YYYY-MM-DD") → midnight UTC of that day, as RAW-API §1.8 asks for date-only values. */
export function formatMsDateOnly(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) throw new RangeError(`"${isoDay}" is not a YYYY-MM-DD date`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(m[3]) || check.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`"${isoDay}" is not a calendar date`);
  }
  return formatMsDate(ms);
}

/**
 * The zod codec the models use for every date field: decodes to `Date | undefined` (unset) and
 * encodes back to the wire form (`null` for unset, which is what TrustID sends for nullable dates).
 */
export const MsDate = z.codec(z.string().nullable(), z.date().optional(), {
  decode(text, ctx) {
    try {
      return parseMsDate(text);
    } catch (error) {
      // The message names the problem, never the value: dates can be personal data (birth dates).
      ctx.issues.push({ code: 'custom', message: `expected a /Date(ms)/ date (${(error as Error).message})`, input: text });
      return z.NEVER;
    }
  },
  encode: (date) => (date === undefined ? null : formatMsDate(date)),
});
