import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import {
  AddTeamMemberDocument,
  CreateTeamDocument,
  DeleteTeamDocument,
  RemoveTeamMemberDocument,
  TeamsDocument,
  UpdateTeamDocument,
  UpdateTeamMemberDocument,
} from '../api/documents';
import type { Department, TeamsQuery } from '../gql/graphql';
import { DEPARTMENTS } from '../enums';
import { ConfirmButton, Field, Loading, ProblemBanner, Section } from '../components/ui';

type Team = TeamsQuery['tenant']['teams'][number];
type Member = Team['members'][number];

interface MemberDraft {
  name: string;
  department: Department;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
}

const SKILLS = ['insight', 'experience', 'affinity'] as const;

/** Teams and their members: department, in-house or agency, and the three skills (1-5). */
export function TeamsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: TeamsDocument });
  const [createdTeam, createTeam] = useMutation(CreateTeamDocument);
  const [name, setName] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  const problem = problemOf(createdTeam.error);
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const res = await createTeam({ input: { name } });
    if (res.data) {
      setName('');
      reload();
    }
  };
  return (
    <>
      {data.tenant.teams.length === 0 && <p className="empty">{t('teams.none')}</p>}
      {data.tenant.teams.map((team) => (
        <TeamCard key={team.id} team={team} departments={data.tenant.profile.departments} onChange={reload} />
      ))}
      <Section title={t('teams.create')}>
        <form id="create-team-form" className="inline-form" onSubmit={onCreate}>
          <Field label={t('teams.name')} error={problem?.fields['input.name']}>
            {(p) => <input {...p} name="team-name" required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" disabled={createdTeam.fetching}>
            {t('teams.submit')}
          </button>
        </form>
        <ProblemBanner problem={problem} fields={['input.name']} />
      </Section>
    </>
  );
}

function TeamCard({ team, departments, onChange }: { team: Team; departments: Department[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [renamed, rename] = useMutation(UpdateTeamDocument);
  const [deleted, deleteTeam] = useMutation(DeleteTeamDocument);
  const [removed, removeMember] = useMutation(RemoveTeamMemberDocument);
  const [added, addMember] = useMutation(AddTeamMemberDocument);
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState<string | null>(null);
  const problem = problemOf(renamed.error ?? deleted.error ?? removed.error);
  const onRename = async (e: FormEvent) => {
    e.preventDefault();
    const res = await rename({ input: { id: team.id, name: newName ?? team.name, expectedVersion: team.version } });
    if (res.data) setNewName(null);
    onChange();
  };
  return (
    <Section
      title={team.name}
      id={`team-${team.id}`}
      actions={
        <ConfirmButton
          danger
          confirm={t('teams.confirmDelete', { name: team.name })}
          onConfirm={async () => {
            await deleteTeam({ id: team.id, expectedVersion: team.version });
            onChange();
          }}
        >
          {t('teams.delete')}
        </ConfirmButton>
      }
    >
      {problem?.code === 'VERSION_CONFLICT' ? (
        <p className="banner banner-warn" role="alert">
          {t('conflict.team')}
        </p>
      ) : (
        <ProblemBanner problem={problem} />
      )}
      <form className="inline-form" onSubmit={onRename}>
        <Field label={t('teams.rename')} error={problemOf(renamed.error)?.fields['input.name']}>
          {(p) => <input {...p} name="rename" value={newName ?? team.name} onChange={(e) => setNewName(e.target.value)} />}
        </Field>
        <button type="submit" className="button-quiet" disabled={renamed.fetching || newName === null}>
          {t('common.save')}
        </button>
      </form>
      {team.members.length === 0 ? (
        <p className="empty">{t('teams.noMembers')}</p>
      ) : (
        <div className="table-wrap">
          <table className="members">
            <caption className="sr-only">{t('teams.membersOf', { name: team.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('member.name')}</th>
                <th scope="col">{t('member.department')}</th>
                <th scope="col">{t('member.kind')}</th>
                {SKILLS.map((s) => (
                  <th scope="col" key={s}>
                    {t(`member.${s}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) =>
                editing === m.id ? (
                  <tr key={m.id}>
                    <td colSpan={7}>
                      <EditMember member={m} departments={departments} onDone={() => (setEditing(null), onChange())} />
                    </td>
                  </tr>
                ) : (
                  <tr key={m.id} data-member={m.id}>
                    <td data-label={t('member.name')}>{m.name}</td>
                    <td data-label={t('member.department')}>{t(`enum.Department.${m.department}`)}</td>
                    <td data-label={t('member.kind')}>{t(m.external ? 'member.agency' : 'member.inHouse')}</td>
                    {SKILLS.map((s) => (
                      <td key={s} data-label={t(`member.${s}`)}>
                        {m[s]}
                      </td>
                    ))}
                    <td className="row-actions">
                      <button type="button" className="button-quiet" onClick={() => setEditing(m.id)} aria-label={t('member.editNamed', { name: m.name })}>
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="button-quiet"
                        aria-label={t('member.removeNamed', { name: m.name })}
                        onClick={async () => {
                          await removeMember({ id: m.id });
                          onChange();
                        }}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('member.add')}</h3>
      <MemberForm
        idPrefix={`add-${team.id}`}
        departments={departments}
        fetching={added.fetching}
        problem={problemOf(added.error)}
        submitLabel={t('member.addSubmit')}
        onSubmit={async (draft) => {
          const res = await addMember({ input: { teamId: team.id, ...draft } });
          onChange();
          return Boolean(res.data);
        }}
      />
    </Section>
  );
}

function EditMember({ member, departments, onDone }: { member: Member; departments: Department[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [updated, update] = useMutation(UpdateTeamMemberDocument);
  return (
    <MemberForm
      idPrefix={`edit-${member.id}`}
      initial={member}
      departments={departments}
      fetching={updated.fetching}
      problem={problemOf(updated.error)}
      submitLabel={t('common.save')}
      onCancel={onDone}
      onSubmit={async (draft) => {
        const res = await update({ input: { id: member.id, ...draft } });
        if (res.data) onDone();
        return Boolean(res.data);
      }}
    />
  );
}

function MemberForm({
  idPrefix,
  initial,
  departments,
  fetching,
  problem,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial?: MemberDraft;
  departments: Department[];
  fetching: boolean;
  problem: ReturnType<typeof problemOf>;
  submitLabel: string;
  onSubmit: (draft: MemberDraft) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const blank: MemberDraft = { name: '', department: departments[0] ?? 'MARKETING', external: false, insight: 3, experience: 3, affinity: 3 };
  const [draft, setDraft] = useState<MemberDraft>(initial ? { ...initial } : blank);
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: string) => problem?.fields[`input.${f}`];
  return (
    <form
      className="member-form"
      data-form={idPrefix}
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await onSubmit(draft)) && !initial) setDraft(blank);
      }}
    >
      <div className="form-grid form-grid-tight">
        <Field label={t('member.name')} error={err('name')}>
          {(p) => <input {...p} name="member-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('member.department')} error={err('department')}>
          {(p) => (
            <select {...p} name="member-department" value={draft.department} onChange={(e) => set('department', e.target.value as Department)}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`enum.Department.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('member.kind')} error={err('external')}>
          {(p) => (
            <select {...p} name="member-kind" value={draft.external ? 'AGENCY' : 'IN_HOUSE'} onChange={(e) => set('external', e.target.value === 'AGENCY')}>
              <option value="IN_HOUSE">{t('member.inHouse')}</option>
              <option value="AGENCY">{t('member.agency')}</option>
            </select>
          )}
        </Field>
        {SKILLS.map((s) => (
          <Field key={s} label={t(`member.${s}`)} error={err(s)}>
            {(p) => (
              <select {...p} name={`member-${s}`} value={draft[s]} onChange={(e) => set(s, Number(e.target.value))}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {t(`scale.${n}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <ProblemBanner problem={problem} fields={Object.keys(problem?.fields ?? {})} />
      <div className="buttons">
        <button type="submit" disabled={fetching}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
