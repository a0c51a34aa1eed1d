// Every date, time, number and duration staff read, in the app's language (en-GB or cy), never the
// browser's default locale and never month-first (issue 11 §5). One module, used everywhere.
// Renderer process.
//
// Intl does the work where it knows the language. Debian's Chromium knows Welsh plural rules but
// has no Welsh date or number data (it falls back to en-US, "Jan 1, 1970"), so Welsh dates are
// built here from en-GB's parts (day before month, 24-hour time) with Welsh month names.
import i18next from 'i18next';

export type Language = 'en' | 'cy';

function language(given?: string): Language {
  return (given ?? i18next.language) === 'cy' ? 'cy' : 'en';
}

/** The Intl locale for the app's language: British English or Welsh. */
export function intlLocale(lang?: string): string {
  return language(lang) === 'cy' ? 'cy-GB' : 'en-GB';
}

const hasIntlData = (locale: string) => Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;

function months(lang: Language): string[] {
  return i18next.t('format.months', { lng: lang, returnObjects: true }) as string[];
}

function dateParts(epochMs: number, withTime: boolean, withDate: boolean, lang: Language): string {
  const options: Intl.DateTimeFormatOptions = {
    ...(withDate ? { dateStyle: 'medium' } : {}),
    ...(withTime ? { timeStyle: 'short' } : {}),
  };
  if (lang === 'en' || hasIntlData('cy-GB')) return new Intl.DateTimeFormat(intlLocale(lang), options).format(epochMs);
  // en-GB's order and clock, Welsh month names.
  const parts = new Intl.DateTimeFormat('en-GB', { ...(withDate ? { day: 'numeric', month: 'numeric', year: 'numeric' } : {}), ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}) }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = withDate ? `${Number(get('day'))} ${months(lang)[Number(get('month')) - 1]} ${get('year')}` : '';
  const time = withTime ? `${get('hour')}:${get('minute')}` : '';
  return [date, time].filter(Boolean).join(', ');
}

/** "4 Dec 2026, 17:25" / "4 Rhag 2026, 17:25". */
export function formatDateTime(epochMs: number, lang?: string): string {
  return dateParts(epochMs, true, true, language(lang));
}

/** "4 Dec 2026" / "4 Rhag 2026". */
export function formatDate(epochMs: number, lang?: string): string {
  return dateParts(epochMs, false, true, language(lang));
}

/** "17:25". */
export function formatTime(epochMs: number, lang?: string): string {
  return dateParts(epochMs, true, false, language(lang));
}

/** Grouped the British way in both languages (Welsh uses the same separators). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB').format(value);
}

/**
 * A length of time in its largest whole unit with the language's plural forms (i18next asks
 * Intl.PluralRules): "1 minute", "3 minutes", "2 funud" — never "1 minutes".
 */
export function formatDuration(seconds: number, lang?: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const [count, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 86_400 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86_400), 'day'];
  return i18next.t(`format.units.${unit}`, { count, lng: language(lang) });
}
