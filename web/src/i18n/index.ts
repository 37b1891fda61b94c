import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** Every text the workspace shows comes from a catalogue (en.json); another language is another file. */
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  // A key without a text is a bug: it shows in the console (the browser test fails on console errors).
  missingKeyHandler: (_lngs, _ns, key) => console.error(`i18n: no text for "${key}"`),
});

export default i18n;
