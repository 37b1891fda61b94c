import Negotiator from 'negotiator';

/** The languages every text a person reads exists in (domain.md, "Languages"). English is the default. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * The language an `Accept-Language` header asks for: q-values honoured, `nl`, `nl-NL`, `nl-BE` are Dutch, `*` and
 * anything unknown fall back to English. No header (the common case of API clients) costs no parsing.
 */
export function languageOf(acceptLanguage: string | string[] | undefined | null): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES]);
  return (best as Language | undefined) ?? DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
