// How long ago a queued application was prepared, in the app's language (Intl, en-GB / cy).
// Renderer process; pure.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function preparedAgo(createdAt: number, now: number, language: string): string {
  const fmt = new Intl.RelativeTimeFormat(language === 'cy' ? 'cy-GB' : 'en-GB', { numeric: 'auto' });
  const elapsed = Math.max(0, now - createdAt);
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return fmt.format(-Math.floor(elapsed / ms), unit);
  }
  return fmt.format(0, 'minute');
}
