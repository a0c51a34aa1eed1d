// The locale resources: Welsh has every English text, and every English plural has all six Welsh
// plural forms (zero, one, two, few, many, other), as Intl.PluralRules gives them for `cy`.
import { describe, expect, it } from 'vitest';
import { locales } from '../../../../renderer/src/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const base = (key: string) => key.replace(PLURAL, '');
const pluralBases = (all: string[]) => new Set(all.filter((k) => PLURAL.test(k)).map(base));

describe('locales', () => {
  const en = keys(locales.en);
  const cy = keys(locales.cy);

  it('has the same texts in Welsh as in English, none empty', () => {
    expect([...new Set(cy.map(base))].sort()).toEqual([...new Set(en.map(base))].sort());
    for (const locale of Object.values(locales)) {
      for (const key of keys(locale)) {
        const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], locale);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });

  it('gives every plural the forms each language’s plural rules ask for', () => {
    const forms = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    expect([...forms('cy')].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralBases(cy)).toEqual(pluralBases(en));
    for (const key of pluralBases(en)) {
      for (const form of forms('en')) expect(en, `${key}_${form} (en)`).toContain(`${key}_${form}`);
      for (const form of forms('cy')) expect(cy, `${key}_${form} (cy)`).toContain(`${key}_${form}`);
    }
  });
});
