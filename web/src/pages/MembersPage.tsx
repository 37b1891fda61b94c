import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { AddMembershipDocument, MembersDocument, RemoveMembershipDocument } from '../api/documents';
import type { Role } from '../gql/graphql';
import { ROLES } from '../enums';
import { Field, Loading, ProblemBanner, Section } from '../components/ui';

/** Who has which role in the organisation (OWNER and ADMIN see and change this). */
export function MembersPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MembersDocument });
  const [added, add] = useMutation(AddMembershipDocument);
  const [removed, remove] = useMutation(RemoveMembershipDocument);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('CONTRIBUTOR');
  const readProblem = problemOf(error);
  if (readProblem?.code === 'FORBIDDEN') return <p className="banner banner-info">{t('members.forbidden')}</p>;
  if (!data) return readProblem ? <ProblemBanner problem={readProblem} /> : <Loading />;
  const problem = problemOf(added.error);
  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    const res = await add({ input: { email, role } });
    if (res.data) setEmail('');
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <Section title={t('members.title')}>
        <ProblemBanner problem={problemOf(removed.error)} />
        <div className="table-wrap">
          <table id="members-table">
            <caption className="sr-only">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.tenant.members.edges.map(({ node }) => (
                <tr key={node.user.id} data-user={node.user.id}>
                  <td data-label={t('members.name')}>{node.user.name}</td>
                  <td data-label={t('members.email')}>{node.user.email}</td>
                  <td data-label={t('members.role')}>{t(`enum.Role.${node.role}`)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={t('members.removeNamed', { name: node.user.name })}
                      onClick={async () => {
                        if (!window.confirm(t('members.confirmRemove', { name: node.user.name }))) return;
                        await remove({ userId: node.user.id });
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('members.add')}>
        <form id="add-member-form" className="inline-form" onSubmit={onAdd}>
          <Field label={t('members.email')} error={problem?.fields['input.email'] ?? (problem?.code === 'NOT_FOUND' ? t('members.noAccount') : null)}>
            {(p) => <input {...p} type="email" name="membership-email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={t('members.role')} error={problem?.fields['input.role']}>
            {(p) => (
              <select {...p} name="membership-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`enum.Role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={added.fetching}>
            {t('members.submit')}
          </button>
        </form>
        {problem?.code !== 'NOT_FOUND' && <ProblemBanner problem={problem} fields={['input.email', 'input.role']} />}
      </Section>
    </>
  );
}
