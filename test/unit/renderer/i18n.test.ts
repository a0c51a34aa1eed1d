import { describe, expect, it } from 'vitest';
import { locales } from '../../../renderer/src/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('has the same keys in Welsh as in English, none empty', () => {
    expect(keys(locales.cy).sort()).toEqual(keys(locales.en).sort());
    for (const locale of Object.values(locales)) {
      for (const key of keys(locale)) {
        const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], locale);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });
});
