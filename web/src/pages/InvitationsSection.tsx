import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { InvitationsDocument, InviteMemberDocument, RevokeInvitationDocument } from '../api/documents';
import type { Role } from '../gql/graphql';
import { ROLES } from '../enums';
import { ConfirmButton, Field, ProblemBanner, Section } from '../components/ui';
import { useFormatDate } from './ApiKeysPage';

/** The link an invitee opens: the server sends /invitations/<token> on to the workspace's accept page. */
export function invitationLink(token: string): string {
  return `${window.location.origin}/invitations/${encodeURIComponent(token)}`;
}

/** Invite someone by email in a role (they accept it signed in with that email), and the open invitations. */
export function InvitationsSection({ onChange }: { onChange?: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [{ data, error }, refetch] = useQuery({ query: InvitationsDocument });
  const [invited, invite] = useMutation(InviteMemberDocument);
  const [revoked, revoke] = useMutation(RevokeInvitationDocument);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('CONTRIBUTOR');
  const [sent, setSent] = useState<{ email: string; token: string | null } | null>(null);
  const problem = problemOf(invited.error);
  const onInvite = async (e: FormEvent) => {
    e.preventDefault();
    const res = await invite({ email, role });
    if (res.data) {
      setSent({ email: res.data.inviteMember.email, token: res.data.inviteMember.token ?? null });
      setEmail('');
      refetch({ requestPolicy: 'network-only' });
      onChange?.();
    }
  };
  const now = new Date();
  const open = (data?.invitations ?? []).filter((i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt) > now);
  return (
    <>
      <Section title={t('invitations.invite')}>
        <p className="muted">{t('invitations.intro')}</p>
        <form id="invite-form" className="inline-form" onSubmit={onInvite}>
          <Field label={t('members.email')} error={problem?.fields['email']}>
            {(p) => <input {...p} type="email" name="invite-email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={t('members.role')} error={problem?.fields['role']}>
            {(p) => (
              <select {...p} name="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`enum.Role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" id="invite-submit" disabled={invited.fetching}>
            {t('invitations.submit')}
          </button>
        </form>
        <ProblemBanner problem={problem} fields={['email', 'role']} />
        {sent && (
          <div id="invitation-sent" className="secret-card" role="status">
            {sent.token ? (
              <>
                <p className="banner banner-warning">{t('invitations.linkOnce', { email: sent.email })}</p>
                <div className="secret-row">
                  <code id="invitation-link" className="secret-value">
                    {invitationLink(sent.token)}
                  </code>
                  <button type="button" onClick={() => void navigator.clipboard?.writeText(invitationLink(sent.token ?? '')).catch(() => undefined)}>
                    {t('apiKeys.copy')}
                  </button>
                </div>
              </>
            ) : (
              <p className="banner banner-info">{t('invitations.mailed', { email: sent.email })}</p>
            )}
          </div>
        )}
      </Section>
      <Section title={t('invitations.title')}>
        <ProblemBanner problem={problemOf(error) ?? problemOf(revoked.error)} />
        {open.length === 0 ? (
          <p className="muted" id="invitations-none">
            {t('invitations.none')}
          </p>
        ) : (
          <div className="table-wrap">
            <table id="invitations-table">
              <caption className="sr-only">{t('invitations.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('invitations.expires')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {open.map((inv) => (
                  <tr key={inv.id} data-invitation={inv.id}>
                    <td data-label={t('members.email')}>{inv.email}</td>
                    <td data-label={t('members.role')}>{t(`enum.Role.${inv.role}`)}</td>
                    <td data-label={t('invitations.expires')}>{formatDate(inv.expiresAt)}</td>
                    <td className="row-actions">
                      <ConfirmButton
                        ariaLabel={t('invitations.revokeNamed', { email: inv.email })}
                        confirm={t('invitations.confirmRevoke', { email: inv.email })}
                        onConfirm={async () => {
                          await revoke({ id: inv.id });
                          refetch({ requestPolicy: 'network-only' });
                        }}
                      >
                        {t('invitations.revoke')}
                      </ConfirmButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
