// i18next set up once, with every locale bundled (nothing fetched at run time).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cy } from './locales/cy';
import { en } from './locales/en';

export const locales = { en, cy } as const;
export type Locale = keyof typeof locales;

export function setUpI18n(language: Locale = 'en') {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, cy: { translation: cy } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}
