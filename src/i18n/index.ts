/** The public API of i18n/: what other modules may import (ARCHITECTURE.md). */
export { LANGUAGES, DEFAULT_LANGUAGE, languageOf, isLanguage, type Language } from '../common/language';
export { translator, hasText, formatNumber, formatDate, CATALOGUES, type Translate, type TextValues } from './translator';
