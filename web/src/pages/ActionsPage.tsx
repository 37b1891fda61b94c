import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../api/client';
import { ActionsDocument, UpdateActionDocument } from '../api/documents';
import type { ActionStatus, ActionsQuery, Department, UpdateActionInput } from '../gql/graphql';
import { DEPARTMENTS } from '../enums';
import { useFormat } from '../i18n/format';
import { Loading, ProblemBanner, Section } from '../components/ui';
import { dayOf, endOfDay } from './RoadmapPage';

type Action = ActionsQuery['tenant']['actions']['edges'][number]['node'];

export const ACTION_STATUSES: ActionStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];
const READERS = ['VIEWER'];

const ownerValue = (a: Action) => (a.ownerMember ? `MEMBER:${a.ownerMember.id}` : a.ownerDepartment ? `DEPARTMENT:${a.ownerDepartment}` : 'NONE');

/** The action plan as a board: one column per status, each card with its owner, due date and badges, changed in place. */
export function ActionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenantId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: ActionsDocument });
  const [updating, update] = useMutation(UpdateActionDocument);
  const [problem, setProblem] = useState<{ id: string; problem: ApiProblem } | null>(null);
  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  const tenant = data.tenant;
  const canWrite = !READERS.includes(tenant.myRole);
  const actions = tenant.actions.edges.map((e) => e.node);
  const members = tenant.teams.flatMap((team) => team.members.map((m) => ({ ...m, team: team.name })));
  const departments: Department[] = DEPARTMENTS.filter((d) => tenant.profile.departments.includes(d));
  const date = format.shortDate;

  const change = async (a: Action, changes: Omit<UpdateActionInput, 'id' | 'expectedVersion'>) => {
    setProblem(null);
    const res = await update({ input: { id: a.id, expectedVersion: a.version, ...changes } });
    const p = problemOf(res.error);
    if (p) setProblem({ id: a.id, problem: p });
    // On a conflict the board shows what the other person saved; otherwise the card moves column if its status changed.
    refetch({ requestPolicy: 'network-only' });
  };

  const changeOwner = (a: Action, value: string) => {
    const [kind, ref] = value.split(':');
    void change(a, {
      ownerMemberId: kind === 'MEMBER' ? ref : null,
      ownerDepartment: kind === 'DEPARTMENT' ? (ref as Department) : null,
    });
  };

  return (
    <Section title={t('actions.title')} id="actions">
      <p className="muted">
        {t('actions.intro', { count: actions.length })} <Link to={`/t/${tenantId}/roadmap`}>{t('actions.fromRoadmap')}</Link>
      </p>
      <div className="board" id="action-board">
        {ACTION_STATUSES.map((status) => {
          const column = actions.filter((a) => a.status === status);
          const headingId = `column-${status}`;
          return (
            <section key={status} className={`board-column board-${status}`} aria-labelledby={headingId} data-status={status}>
              <h3 id={headingId}>
                {t(`actions.status.${status}`)} <span className="badge">{column.length}</span>
              </h3>
              {column.length === 0 && <p className="empty">{t('actions.emptyColumn')}</p>}
              <ul className="board-cards">
                {column.map((a) => {
                  const cardProblem = problem?.id === a.id ? problem.problem : null;
                  const prefix = `action-${a.id}`;
                  return (
                    <li key={a.id} className="action-card" data-action={a.id} data-move={a.move ?? ''}>
                      <p className="action-title">{a.title}</p>
                      <p className="action-badges">
                        {a.overdue && <span className="badge badge-overdue">{t('actions.overdue')}</span>}
                        {a.verified && <span className="badge badge-ok verified">{t('actions.verified')}</span>}
                        {a.move && !a.verified && a.status === 'DONE' && <span className="badge">{t('actions.awaitingAssessment')}</span>}
                      </p>
                      <p className="hint">
                        {t('actions.ownerIs', {
                          owner: a.ownerMember ? a.ownerMember.name : a.ownerDepartment ? t(`enum.Department.${a.ownerDepartment}`) : t('actions.noOwner'),
                        })}
                        {' · '}
                        {a.dueAt ? t('actions.dueOn', { date: date(a.dueAt) }) : t('actions.noDue')}
                      </p>
                      {cardProblem?.code === 'VERSION_CONFLICT' ? (
                        <p className="banner banner-warn conflict" role="alert">
                          {t('actions.conflict')}
                        </p>
                      ) : (
                        cardProblem && <ProblemBanner problem={cardProblem} />
                      )}
                      {canWrite && (
                        <div className="action-controls">
                          <label htmlFor={`${prefix}-status`}>{t('actions.statusLabel')}</label>
                          <select
                            id={`${prefix}-status`}
                            name="action-status"
                            value={a.status}
                            disabled={updating.fetching}
                            onChange={(e) => void change(a, { status: e.target.value as ActionStatus })}
                          >
                            {ACTION_STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`actions.status.${s}`)}
                              </option>
                            ))}
                          </select>
                          <label htmlFor={`${prefix}-owner`}>{t('actions.ownerLabel')}</label>
                          <select id={`${prefix}-owner`} name="action-owner" value={ownerValue(a)} disabled={updating.fetching} onChange={(e) => changeOwner(a, e.target.value)}>
                            <option value="NONE">{t('actions.noOwner')}</option>
                            {members.length > 0 && (
                              <optgroup label={t('actions.members')}>
                                {members.map((m) => (
                                  <option key={m.id} value={`MEMBER:${m.id}`}>
                                    {t('actions.memberOption', { name: m.name, team: m.team })}
                                  </option>
                                ))}
                              </optgroup>
                            )}
                            <optgroup label={t('actions.departments')}>
                              {departments.map((d) => (
                                <option key={d} value={`DEPARTMENT:${d}`}>
                                  {t(`enum.Department.${d}`)}
                                </option>
                              ))}
                            </optgroup>
                          </select>
                          <label htmlFor={`${prefix}-due`}>{t('actions.dueLabel')}</label>
                          <input
                            id={`${prefix}-due`}
                            name="action-due"
                            type="date"
                            defaultValue={dayOf(a.dueAt)}
                            key={`${a.version}-${a.dueAt ?? ''}`}
                            disabled={updating.fetching}
                            onBlur={(e) => {
                              if (e.target.value !== dayOf(a.dueAt)) void change(a, { dueAt: endOfDay(e.target.value) });
                            }}
                          />
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </Section>
  );
}
