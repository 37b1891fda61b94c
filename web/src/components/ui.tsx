import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/client';

interface FieldProps {
  label: string;
  /** The input path the API names on a validation error (extensions.fields), e.g. input.name. */
  error?: string | null;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and, when the API refused it, the message next to it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" data-field-error>
          {error}
        </small>
      )}
    </div>
  );
}

/** The error of an answer that names no field (or every error, when `all`): a live region. */
export function ProblemBanner({ problem, fields = [] }: { problem: ApiProblem | null; fields?: string[] }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const shownAtField = Object.keys(problem.fields).some((f) => fields.includes(f));
  if (shownAtField) return null;
  const key = `errors.${problem.code}`;
  return (
    <p className="banner banner-error" role="alert">
      {t(key, { defaultValue: t('errors.generic') })}
      {problem.message && problem.code !== 'NETWORK' ? ` (${problem.message})` : ''}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Section({ title, id, children, actions }: { title: string; id?: string; children: ReactNode; actions?: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="card-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A visually hidden text for screen readers. */
export function SrOnly({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

/** A button that asks first (window.confirm) and then does its work: delete, remove, revoke. */
export function ConfirmButton({
  confirm,
  onConfirm,
  children,
  danger = false,
  ariaLabel,
}: {
  confirm: string;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
  danger?: boolean;
  ariaLabel?: string;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button-danger' : 'button-quiet'}
      aria-label={ariaLabel}
      onClick={async () => {
        if (!window.confirm(confirm)) return;
        await onConfirm();
      }}
    >
      {children}
    </button>
  );
}
