import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { MembersDocument, RemoveMembershipDocument } from '../api/documents';
import { ConfirmButton, Loading, ProblemBanner, Section } from '../components/ui';
import { InvitationsSection } from './InvitationsSection';

/** Who has which role in the organisation (OWNER and ADMIN see and change this). */
export function MembersPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MembersDocument });
  const [removed, remove] = useMutation(RemoveMembershipDocument);
  const readProblem = problemOf(error);
  if (readProblem?.code === 'FORBIDDEN') return <p className="banner banner-info">{t('members.forbidden')}</p>;
  if (!data) return readProblem ? <ProblemBanner problem={readProblem} /> : <Loading />;
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
                    <ConfirmButton
                      ariaLabel={t('members.removeNamed', { name: node.user.name })}
                      confirm={t('members.confirmRemove', { name: node.user.name })}
                      onConfirm={async () => {
                        await remove({ userId: node.user.id });
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('common.remove')}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <InvitationsSection />
    </>
  );
}
