import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../api/client';
import { AssignResponsibilityDocument, ResponsibilitiesDocument, UnassignResponsibilityDocument } from '../api/documents';
import type { AssignResponsibilityInput, Department, Responsibility } from '../gql/graphql';
import { DEPARTMENTS, RESPONSIBILITIES } from '../enums';
import { Loading, ProblemBanner, Section } from '../components/ui';

/** "Who does what": the nine responsibilities and their owners, changed in place. */
export function ResponsibilitiesPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: ResponsibilitiesDocument });
  const [assigned, assign] = useMutation(AssignResponsibilityDocument);
  const [, unassign] = useMutation(UnassignResponsibilityDocument);
  const [problem, setProblem] = useState<{ responsibility: Responsibility; problem: ApiProblem } | null>(null);
  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  const owners = new Map(data.tenant.responsibilities.map((r) => [r.responsibility, r]));
  const members = data.tenant.teams.flatMap((team) => team.members.map((m) => ({ ...m, team: team.name })));
  const departments: Department[] = DEPARTMENTS.filter((d) => data.tenant.profile.departments.includes(d));
  const owned = RESPONSIBILITIES.length - data.tenant.unownedResponsibilities.length;

  const change = async (responsibility: Responsibility, value: string) => {
    setProblem(null);
    const [kind, ref] = value.split(':');
    const res =
      kind === 'NONE'
        ? await unassign({ responsibility })
        : await assign({
            input: {
              responsibility,
              ownerKind: kind as AssignResponsibilityInput['ownerKind'],
              memberId: kind === 'MEMBER' ? ref : null,
              department: kind === 'DEPARTMENT' ? (ref as Department) : null,
            },
          });
    const p = problemOf(res.error);
    if (p) setProblem({ responsibility, problem: p });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Section title={t('responsibilities.title')}>
      <p className="muted">{t('responsibilities.intro')}</p>
      <p id="coverage" className="coverage" role="status">
        {t('responsibilities.coverage', { owned, total: RESPONSIBILITIES.length })}
      </p>
      {members.length === 0 && <p className="banner banner-info">{t('responsibilities.noMembers')}</p>}
      <div className="table-wrap">
        <table className="matrix" id="responsibility-matrix">
          <caption className="sr-only">{t('responsibilities.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('responsibilities.task')}</th>
              <th scope="col">{t('responsibilities.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {RESPONSIBILITIES.map((r) => {
              const owner = owners.get(r);
              const value = !owner
                ? 'NONE'
                : owner.ownerKind === 'MEMBER'
                  ? `MEMBER:${owner.member?.id ?? ''}`
                  : owner.ownerKind === 'DEPARTMENT'
                    ? `DEPARTMENT:${owner.department ?? ''}`
                    : 'AGENCY';
              const selectId = `owner-${r}`;
              const rowProblem = problem?.responsibility === r ? problem.problem : null;
              return (
                <tr key={r} data-responsibility={r} className={owner ? '' : 'unowned'}>
                  <th scope="row">
                    <label htmlFor={selectId}>{t(`enum.Responsibility.${r}`)}</label>
                    <small className="hint" id={`${selectId}-hint`}>
                      {t(`responsibilityHint.${r}`)}
                    </small>
                  </th>
                  <td>
                    <select
                      id={selectId}
                      name={selectId}
                      value={value}
                      aria-describedby={`${selectId}-hint`}
                      aria-invalid={rowProblem ? true : undefined}
                      disabled={assigned.fetching}
                      onChange={(e) => void change(r, e.target.value)}
                    >
                      <option value="NONE">{t('responsibilities.nobody')}</option>
                      {members.length > 0 && (
                        <optgroup label={t('responsibilities.members')}>
                          {members.map((m) => (
                            <option key={m.id} value={`MEMBER:${m.id}`}>
                              {t('responsibilities.memberOption', { name: m.name, team: m.team })}
                            </option>
                          ))}
                        </optgroup>
                      )}
                      <optgroup label={t('responsibilities.departments')}>
                        {departments.map((d) => (
                          <option key={d} value={`DEPARTMENT:${d}`}>
                            {t(`enum.Department.${d}`)}
                          </option>
                        ))}
                      </optgroup>
                      <option value="AGENCY">{t('responsibilities.agency')}</option>
                    </select>
                    {rowProblem && (
                      <small className="field-error" role="alert">
                        {rowProblem.message || t(`errors.${rowProblem.code}`, { defaultValue: t('errors.generic') })}
                      </small>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
