// The workspace's languages and how each writes numbers and dates: plain TypeScript (no React, no i18next).

/** The workspace's languages, each named in itself on the switch (so anyone finds their own). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

/** The locale Intl formats with: British English (the catalogue's spelling), Dutch as written in the Netherlands. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** Every number, percentage and date the workspace shows, in the chosen language (nl: 62,5 · 1 december 2026). */
export interface Format {
  /** A score: unrounded in the API, shown with one decimal (62.5 / 62,5). */
  decimal: (n: number) => string;
  /** A change of a score, signed (+2.5, -1.0, 0.0). */
  signed: (n: number) => string;
  /** A count (1,234 / 1.234). */
  integer: (n: number) => string;
  /** A value as the API sends it in text ("3.5"): a number in the language, anything else as it is. */
  numeric: (value: string) => string;
  /** A day, in words (1 December 2026 / 1 december 2026), UTC: the API's due dates and submissions. */
  date: (iso: string) => string;
  /** A day, short, for tables (1 Dec 2026 / 1 dec 2026), UTC. */
  shortDate: (iso: string) => string;
  /** A moment's day, short, in the reader's time zone (12 Dec / 12 dec): a campaign's closing day. */
  dayMonth: (iso: string) => string;
  /** A moment in the reader's time zone (1 Dec 2026, 14:00 / 1 dec 2026, 14:00). */
  dateTime: (iso: string) => string;
  /** A moment in words, in the reader's time zone (1 December 2026 at 14:00 / 1 december 2026 om 14:00). */
  longDateTime: (iso: string) => string;
}

/** -0.04 rounds to -0: shown as 0.0, not -0.0. */
const tenth = (n: number) => Math.round(n * 10) / 10 || 0;

export function formatters(language: Language): Format {
  const locale = LOCALES[language];
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const upTo2 = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const longMoment = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    decimal: (n) => one.format(tenth(n)),
    signed: (n) => signed.format(tenth(n)),
    integer: (n) => whole.format(n),
    numeric: (value) => (/^-?\d+(\.\d+)?$/.test(value) ? upTo2.format(Number(value)) : value),
    date: (iso) => day.format(new Date(iso)),
    shortDate: (iso) => shortDay.format(new Date(iso)),
    dayMonth: (iso) => dayMonth.format(new Date(iso)),
    dateTime: (iso) => moment.format(new Date(iso)),
    longDateTime: (iso) => longMoment.format(new Date(iso)),
  };
}
