import i18next, { type i18n, type TOptions } from 'i18next';
import { LANGUAGES, type Language } from '../common/language';
import en from './catalogue/en.json';
import nl from './catalogue/nl.json';

/**
 * Every text a person reads, in one catalogue per language (catalogue/en.json, catalogue/nl.json), looked up with
 * i18next. Keys are dotted paths; placeholders are written `{name}` (as in the scoring model's texts); plurals use
 * i18next's `_one`/`_other` suffixes with a `count` value. Stored results keep codes, never texts: a text is made
 * when a response is written, in the request's language.
 */
export const CATALOGUES: Readonly<Record<Language, Record<string, unknown>>> = { en, nl };

const instance: i18n = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: CATALOGUES[language] }])),
  lng: 'en',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  // A missing key is a defect the catalogue test catches; at run time it shows as its key rather than vanishing.
  parseMissingKeyHandler: (key: string) => key,
});

export type TextValues = Readonly<Record<string, string | number | null | undefined>>;

/** A function that writes texts in one language. */
export type Translate = (key: string, values?: TextValues) => string;

const translators = new Map<Language, Translate>(
  LANGUAGES.map((language) => {
    const t = instance.getFixedT(language);
    return [language, (key: string, values?: TextValues) => t(key, values as TOptions)];
  }),
);

/** The translate function of a language (made once per language, cheap to ask for). */
export function translator(language: Language): Translate {
  return translators.get(language)!;
}

/** Whether the catalogue of a language has a key (for texts that exist only for some codes). */
export function hasText(language: Language, key: string): boolean {
  return instance.exists(key, { lng: language });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written the way the language writes it (nl: 1.234,5; en: 1,234.5). */
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, style: 'long' | 'medium'): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date written the way the language writes it (nl: 1 december 2026; en: 1 December 2026), in UTC. */
export function formatDate(language: Language, value: Date): string {
  return dateFormat(language, 'long').format(value);
}

/** A calendar date for a table cell (nl: 21 nov 2026; en: 21 Nov 2026), in UTC. */
export function formatShortDate(language: Language, value: Date): string {
  return dateFormat(language, 'medium').format(value);
}

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** A moment written the way the language writes it, in UTC (nl: 1 december 2026 om 14:30; en: 1 December 2026 at 14:30). */
export function formatDateTime(language: Language, value: Date): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateTimeFormats.set(language, format);
  }
  return `${format.format(value)} UTC`;
}

function locale(language: Language): string {
  return language === 'nl' ? 'nl-NL' : 'en-GB';
}
