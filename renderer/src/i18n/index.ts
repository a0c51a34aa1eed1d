// i18next set up once, with every locale bundled (nothing fetched at run time). Each feature keeps
// its texts beside it (features/<name>/locales.ts) under a key of its own name.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as capture from '../features/capture/locales';
import * as guest from '../features/guest/locales';
import * as queue from '../features/queue/locales';
import * as queued from '../features/queued/locales';
import * as queuedPrepare from '../features/queued-prepare/locales';
import * as results from '../features/results/locales';
import * as settings from '../features/settings/locales';
import * as signIn from '../features/sign-in/locales';
import * as format from './format-words';
import * as mainErrors from './main-errors';
import { cy as coreCy } from './locales/cy';
import { en as coreEn } from './locales/en';

const features = { capture, guest, queue, queued, queuedPrepare, results, settings, signIn, mainErrors, format };

function merge(core: object, pick: (f: { en: object; cy: object }) => object) {
  return { ...core, ...Object.fromEntries(Object.entries(features).map(([name, f]) => [name, pick(f)])) };
}

export const locales = { en: merge(coreEn, (f) => f.en), cy: merge(coreCy, (f) => f.cy) } as const;
export type Locale = keyof typeof locales;

export function setUpI18n(language: Locale = 'en') {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: locales.en }, cy: { translation: locales.cy } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    showSupportNotice: false, // no advert in the kiosk's console or the test output
  });
  return i18next;
}
