import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';
import { initialLanguage, LANGUAGES } from './language';

// <html lang> follows the language shown (screen readers pronounce by it; the browser hyphenates by it), and so
// does the tab's title.
i18n.on('languageChanged', (lng) => {
  document.documentElement.setAttribute('lang', lng);
  document.title = i18n.t('app.name');
});

/**
 * Every text the workspace shows comes from a catalogue, one per language (en.json, nl.json: the same keys); the
 * language is the one chosen on the switch, first the browser's (language.ts).
 */
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: initialLanguage(),
  supportedLngs: LANGUAGES.map((l) => l.code),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  // A key without a text is a bug: it shows in the console (the browser test fails on console errors).
  missingKeyHandler: (_lngs, _ns, key) => console.error(`i18n: no text for "${key}"`),
});

export default i18n;
