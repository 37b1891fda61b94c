import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, setLanguage } from '../i18n/language';

/**
 * English / Nederlands: each language named in itself (and marked with its lang, so a screen reader says it right),
 * the one shown pressed. The choice is remembered in this browser (language.ts).
 */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const shown = i18n.resolvedLanguage ?? i18n.language;
  const current = isLanguage(shown) ? shown : 'en';
  return (
    <div className={`language-switch ${className}`.trim()} role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l, n) => (
        <span key={l.code} className="language-option">
          {n > 0 && (
            <span className="language-separator" aria-hidden="true">
              /
            </span>
          )}
          <button type="button" id={`language-${l.code}`} lang={l.code} aria-pressed={current === l.code} onClick={() => setLanguage(l.code)}>
            {l.name}
          </button>
        </span>
      ))}
    </div>
  );
}
