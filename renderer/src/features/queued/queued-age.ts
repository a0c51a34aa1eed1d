// How long ago a queued application was prepared: the unit and count, worded through the shared
// plural units (i18n/format-words.ts, every Welsh form), since Chromium's ICU data has no Welsh
// relative-time words. Renderer process; pure.

export type Ago = { unit: 'minute' | 'hour' | 'day'; count: number } | { unit: 'now'; count: 0 };

const UNITS: ['minute' | 'hour' | 'day', number][] = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function preparedAgo(createdAt: number, now: number): Ago {
  const elapsed = Math.max(0, now - createdAt);
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return { unit, count: Math.floor(elapsed / ms) };
  }
  return { unit: 'now', count: 0 };
}
