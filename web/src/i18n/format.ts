import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters, isLanguage, type Format, type Language } from './locale';

export type { Format } from './locale';

/** The formatters of the language shown now; a new set when the language changes. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const shown = i18n.resolvedLanguage ?? i18n.language;
  const language: Language = isLanguage(shown) ? shown : 'en';
  return useMemo(() => formatters(language), [language]);
}
