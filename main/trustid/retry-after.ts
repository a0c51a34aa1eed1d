// Retry-After in both of its forms, delta-seconds and HTTP-date (RFC 9110 §10.2.3), as
// SUBMISSION-PROTOCOL §5 requires. Pure; runs in main (plain Node).

/**
 * Milliseconds to wait from `nowMs`, or undefined when the header is absent or unreadable.
 * A date in the past means "no wait" (0). Clamping (SUBMISSION-PROTOCOL §5: 60 min) is the
 * caller's policy, not this parser's.
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  // An HTTP-date names a weekday or a month; a bare number that failed above (e.g. "1.5", "-3")
  // must not fall through to Date.parse, which would read it as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
