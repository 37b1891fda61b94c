/** The public API of i18n/: what other modules may import (ARCHITECTURE.md). */
export { LANGUAGES, DEFAULT_LANGUAGE, languageOf, isLanguage, type Language } from '../common/language';
export {
  translator,
  hasText,
  formatNumber,
  formatDate,
  formatShortDate,
  formatDateTime,
  CATALOGUES,
  type Translate,
  type TextValues,
} from './translator';
export { findingTexts, stepDescription, label, text, type FindingReference, type FindingTexts, type StepReference } from './texts';
export { errorMessage, fieldMessage } from './error-texts';
