// Every date, time, number and duration staff read, through Intl in the app's language (en-GB or
// cy), never the browser's default locale and never month-first (issue 11 §5). Renderer process.
import i18next from 'i18next';

export type Language = 'en' | 'cy';

/** The Intl locale for the app's language: British English or Welsh (day before month in both). */
export function intlLocale(language: string = i18next.language): string {
  return language === 'cy' ? 'cy-GB' : 'en-GB';
}

/** "4 Dec 2026, 17:25" / "4 Rhag 2026, 17:25". */
export function formatDateTime(epochMs: number, language?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "4 Dec 2026". */
export function formatDate(epochMs: number, language?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(epochMs);
}

/** "17:25". */
export function formatTime(epochMs: number, language?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short' }).format(epochMs);
}

export function formatNumber(value: number, language?: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/**
 * A length of time in its largest whole unit, with the language's own plural forms:
 * "1 minute", "3 minutes", "2 funud", never "1 minutes".
 */
export function formatDuration(seconds: number, style: 'long' | 'short' = 'long', language?: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const [value, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 86_400 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86_400), 'day'];
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: style }).format(value);
}
