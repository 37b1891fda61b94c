import i18n from 'i18next';
import { isLanguage, type Language } from './locale';

export { isLanguage, LANGUAGES, LOCALES, type Language } from './locale';

const STORAGE_KEY = 'smt.language';

/** The remembered choice, else the browser's language (nl, nl-NL, nl-BE: Dutch), else English. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused (private mode, policy): the browser's language then.
  }
  return /^nl\b/i.test(navigator.language ?? '') ? 'nl' : 'en';
}

/** The language the workspace shows now; what every request sends as Accept-Language. */
export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

/** Switch: remembered for the next visit, texts and <html lang> follow at once (i18next's languageChanged). */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, still switched.
  }
  void i18n.changeLanguage(lng);
}
