import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, type Catalog } from './catalogs';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

// The interface language is a preference, not a secret: it may live in localStorage (tokens never do).
const LANGUAGE_KEY = 'lse.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the English catalog at compile time; a test checks Spanish has
    // exactly the same keys.
    resources: { translation: Catalog };
    returnNull: false;
  }
}

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (stored === 'en' || stored === 'es') return stored;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return browser === 'es' ? 'es' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: CATALOGS.en }, es: { translation: CATALOGS.es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function applyLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  globalThis.localStorage?.setItem(LANGUAGE_KEY, lng);
});

export { i18n };
