import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../api/documents';
import type { ApiKeyScope } from '../gql/graphql';
import { ConfirmButton, Field, Loading, ProblemBanner, Section } from '../components/ui';
import { useFormat } from '../i18n/format';

export const API_KEY_SCOPES: ApiKeyScope[] = ['READ', 'SUBMIT_ASSESSMENTS', 'MANAGE_FACTS'];

/** A moment (or nothing) in the reader's language. */
export function useFormatDate(): (iso: string | null | undefined, empty?: string) => string {
  const { dateTime } = useFormat();
  return (iso, empty = '—') => (iso ? dateTime(iso) : empty);
}

/** The organisation's API keys (OWNER, ADMIN): create one (its secret shown once), see them, revoke them. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [{ data, error }, refetch] = useQuery({ query: ApiKeysDocument });
  const [created, create] = useMutation(CreateApiKeyDocument);
  const [revoked, revoke] = useMutation(RevokeApiKeyDocument);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['SUBMIT_ASSESSMENTS']);
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const readProblem = problemOf(error);
  if (readProblem?.code === 'FORBIDDEN') return <p className="banner banner-info">{t('apiKeys.forbidden')}</p>;
  if (!data) return readProblem ? <ProblemBanner problem={readProblem} /> : <Loading />;
  const problem = problemOf(created.error);
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    const res = await create({ name, scopes: API_KEY_SCOPES.filter((s) => scopes.includes(s)), expiresAt });
    if (res.data) {
      setSecret({ name: res.data.createApiKey.apiKey.name, secret: res.data.createApiKey.secret });
      setCopied(false);
      setName('');
      setExpires('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      {secret && (
        <section className="card secret-card" id="api-key-secret" aria-labelledby="api-key-secret-title">
          <h2 id="api-key-secret-title">{t('apiKeys.secretTitle', { name: secret.name })}</h2>
          <p className="banner banner-warning" role="alert">
            {t('apiKeys.secretWarning')}
          </p>
          <div className="secret-row">
            <code id="api-key-secret-value" className="secret-value">
              {secret.secret}
            </code>
            <button type="button" id="api-key-copy" onClick={copy}>
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </button>
          </div>
          <p className="muted">{t('apiKeys.usage')}</p>
          <button type="button" className="button-quiet" id="api-key-secret-done" onClick={() => setSecret(null)}>
            {t('apiKeys.done')}
          </button>
        </section>
      )}
      <Section title={t('apiKeys.title')}>
        <p className="muted">{t('apiKeys.intro')}</p>
        <ProblemBanner problem={problemOf(revoked.error)} />
        {data.apiKeys.length === 0 ? (
          <p className="muted" id="api-keys-none">
            {t('apiKeys.none')}
          </p>
        ) : (
          <div className="table-wrap">
            <table id="api-keys-table">
              <caption className="sr-only">{t('apiKeys.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.name')}</th>
                  <th scope="col">{t('apiKeys.prefix')}</th>
                  <th scope="col">{t('apiKeys.scopes')}</th>
                  <th scope="col">{t('apiKeys.lastUsed')}</th>
                  <th scope="col">{t('apiKeys.status')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.map((key) => {
                  const expired = !key.revokedAt && key.expiresAt && new Date(key.expiresAt) < new Date();
                  return (
                    <tr key={key.id} data-key={key.id}>
                      <td data-label={t('apiKeys.name')}>{key.name}</td>
                      <td data-label={t('apiKeys.prefix')}>
                        <code>{key.prefix}…</code>
                      </td>
                      <td data-label={t('apiKeys.scopes')}>{key.scopes.map((s) => t(`enum.ApiKeyScope.${s}`)).join(', ')}</td>
                      <td data-label={t('apiKeys.lastUsed')}>{formatDate(key.lastUsedAt, t('apiKeys.never'))}</td>
                      <td data-label={t('apiKeys.status')} className="key-status">
                        {key.revokedAt
                          ? t('apiKeys.revokedAt', { date: formatDate(key.revokedAt) })
                          : expired
                            ? t('apiKeys.expired')
                            : key.expiresAt
                              ? t('apiKeys.expiresAt', { date: formatDate(key.expiresAt) })
                              : t('apiKeys.active')}
                      </td>
                      <td className="row-actions">
                        {!key.revokedAt && (
                          <ConfirmButton
                            ariaLabel={t('apiKeys.revokeNamed', { name: key.name })}
                            confirm={t('apiKeys.confirmRevoke', { name: key.name })}
                            onConfirm={async () => {
                              await revoke({ id: key.id });
                              refetch({ requestPolicy: 'network-only' });
                            }}
                          >
                            {t('apiKeys.revoke')}
                          </ConfirmButton>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={t('apiKeys.create')}>
        <form id="api-key-form" className="stack-form" onSubmit={onCreate}>
          <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={problem?.fields['name']}>
            {(p) => <input {...p} name="api-key-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <fieldset className="field" aria-invalid={problem?.fields['scopes'] ? true : undefined}>
            <legend>{t('apiKeys.scopes')}</legend>
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="check">
                <input
                  type="checkbox"
                  name={`scope-${scope}`}
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                />
                <span>
                  {t(`enum.ApiKeyScope.${scope}`)} <small className="muted">{t(`apiKeys.scopeHint.${scope}`)}</small>
                </span>
              </label>
            ))}
            {problem?.fields['scopes'] && <small className="field-error">{problem.fields['scopes']}</small>}
          </fieldset>
          <Field label={t('apiKeys.expires')} hint={t('apiKeys.expiresHint')} error={problem?.fields['expiresAt']}>
            {(p) => <input {...p} type="date" name="api-key-expires" value={expires} onChange={(e) => setExpires(e.target.value)} />}
          </Field>
          <ProblemBanner problem={problem} fields={['name', 'scopes', 'expiresAt']} />
          <div>
            <button type="submit" id="api-key-submit" disabled={created.fetching || scopes.length === 0}>
              {t('apiKeys.submit')}
            </button>
          </div>
        </form>
      </Section>
    </>
  );
}
