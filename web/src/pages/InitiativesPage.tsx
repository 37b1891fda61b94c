import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../api/client';
import {
  CreateInitiativeDocument,
  DeleteInitiativeDocument,
  InitiativeDocument,
  InitiativesDocument,
  UpdateInitiativeDocument,
} from '../api/documents';
import type { Department, FailureFactor, InitiativeStatus, InitiativesQuery, KpiKind, Outsourcing } from '../gql/graphql';
import { DEPARTMENTS, FAILURE_FACTORS, INITIATIVE_STATUSES, KPI_KINDS, OUTSOURCINGS } from '../enums';
import { ConfirmButton, Field, Loading, ProblemBanner, Section } from '../components/ui';

type Initiative = InitiativesQuery['initiatives']['edges'][number]['node'];

interface Draft {
  name: string;
  status: InitiativeStatus;
  ownerDepartment: Department;
  outsourcing: Outsourcing;
  satisfaction: number | null;
  kpis: { name: string; kind: KpiKind }[];
  failureFactors: FailureFactor[];
}

const draftOf = (i: Initiative): Draft => ({
  name: i.name,
  status: i.status,
  ownerDepartment: i.ownerDepartment,
  outsourcing: i.outsourcing,
  satisfaction: i.satisfaction ?? null,
  kpis: i.kpis.map((k) => ({ name: k.name, kind: k.kind })),
  failureFactors: [...i.failureFactors],
});

/** Initiatives with their KPIs, outsourcing, status, satisfaction and failure factors. */
export function InitiativesPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: InitiativesDocument, variables: {} });
  const [created, create] = useMutation(CreateInitiativeDocument);
  const [formKey, setFormKey] = useState(0);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  const list = data.initiatives.edges.map((e) => e.node);
  return (
    <>
      <Section title={t('initiatives.title')}>
        {list.length === 0 && <p className="empty">{t('initiatives.none')}</p>}
        <ul className="initiative-list">
          {list.map((i) => (
            <InitiativeItem key={i.id} initiative={i} onChange={reload} />
          ))}
        </ul>
        {data.initiatives.totalCount > list.length && <p className="muted">{t('initiatives.more', { count: data.initiatives.totalCount - list.length })}</p>}
      </Section>
      <Section title={t('initiatives.create')}>
        <InitiativeForm
          key={formKey}
          formId="create-initiative-form"
          problem={problemOf(created.error)}
          fetching={created.fetching}
          submitLabel={t('initiatives.submit')}
          onSubmit={async (draft) => {
            const res = await create({ input: draft });
            if (res.data) {
              setFormKey((k) => k + 1);
              reload();
            }
          }}
        />
      </Section>
    </>
  );
}

function InitiativeItem({ initiative, onChange }: { initiative: Initiative; onChange: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const [updated, update] = useMutation(UpdateInitiativeDocument);
  const [, remove] = useMutation(DeleteInitiativeDocument);
  const [base, setBase] = useState<Initiative>(initiative);
  const [newer, setNewer] = useState<Initiative | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [draftSeed, setDraftSeed] = useState<Draft | null>(null);
  const problem = problemOf(updated.error);
  const conflict = problem?.code === 'VERSION_CONFLICT' && newer;
  return (
    <li className="initiative" data-initiative={initiative.id}>
      <div className="initiative-head">
        <h3>{initiative.name}</h3>
        <span className={`badge badge-status status-${initiative.status}`}>{t(`enum.InitiativeStatus.${initiative.status}`)}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('initiatives.ownerDepartment')}</dt>
          <dd>{t(`enum.Department.${initiative.ownerDepartment}`)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.outsourcing')}</dt>
          <dd>{t(`enum.Outsourcing.${initiative.outsourcing}`)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.satisfaction')}</dt>
          <dd>{initiative.satisfaction ? t(`scale.${initiative.satisfaction}`) : t('initiatives.notRated')}</dd>
        </div>
        <div>
          <dt>{t('initiatives.kpis')}</dt>
          <dd>
            {initiative.kpis.length === 0
              ? t('initiatives.noKpis')
              : initiative.kpis.map((k) => (
                  <span key={`${k.name}-${k.kind}`} className={`chip kpi-${k.kind}`}>
                    {k.name} · {t(`enum.KpiKind.${k.kind}`)}
                  </span>
                ))}
          </dd>
        </div>
        {initiative.failureFactors.length > 0 && (
          <div>
            <dt>{t('initiatives.failureFactors')}</dt>
            <dd>{initiative.failureFactors.map((f) => t(`enum.FailureFactor.${f}`)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {!editing && (
        <div className="buttons">
          <button
            type="button"
            className="button-quiet"
            aria-label={t('initiatives.editNamed', { name: initiative.name })}
            onClick={() => {
              setBase(initiative);
              setDraftSeed(null);
              setNewer(null);
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </button>
          <ConfirmButton
            danger
            ariaLabel={t('initiatives.deleteNamed', { name: initiative.name })}
            confirm={t('initiatives.confirmDelete', { name: initiative.name })}
            onConfirm={async () => {
              await remove({ id: initiative.id, expectedVersion: initiative.version });
              onChange();
            }}
          >
            {t('common.delete')}
          </ConfirmButton>
        </div>
      )}
      {editing && (
        <>
          {conflict && (
            <div className="banner banner-warn" role="alert" id={`conflict-${initiative.id}`}>
              <p>{t('conflict.initiative', { version: newer.version })}</p>
              <p className="muted">{t('conflict.newer', { name: newer.name, status: t(`enum.InitiativeStatus.${newer.status}`) })}</p>
              <div className="buttons">
                <button
                  type="button"
                  onClick={() => {
                    setBase(newer);
                    setDraftSeed(null);
                    setNewer(null);
                    setFormKey((k) => k + 1);
                    onChange();
                  }}
                >
                  {t('conflict.takeNewer')}
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => {
                    setBase(newer);
                    setNewer(null);
                  }}
                >
                  {t('conflict.keepMine')}
                </button>
              </div>
            </div>
          )}
          <InitiativeForm
            key={formKey}
            formId={`edit-initiative-${initiative.id}`}
            initial={draftSeed ?? draftOf(base)}
            problem={conflict ? null : problem}
            fetching={updated.fetching}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (draft) => {
              setDraftSeed(draft);
              const res = await update({ input: { id: initiative.id, expectedVersion: base.version, ...draft } });
              if (res.data) {
                setEditing(false);
                onChange();
                return;
              }
              if (problemOf(res.error)?.code === 'VERSION_CONFLICT') {
                const fresh = await client.query(InitiativeDocument, { id: initiative.id }, { requestPolicy: 'network-only' }).toPromise();
                if (fresh.data) setNewer(fresh.data.initiative);
              }
            }}
          />
        </>
      )}
    </li>
  );
}

function InitiativeForm({
  formId,
  initial,
  problem,
  fetching,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  formId: string;
  initial?: Draft;
  problem: ApiProblem | null;
  fetching: boolean;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(
    initial ?? { name: '', status: 'ACTIVE', ownerDepartment: 'MARKETING', outsourcing: 'NONE', satisfaction: null, kpis: [{ name: '', kind: 'BUSINESS' }], failureFactors: [] },
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: string) => problem?.fields[`input.${f}`];
  return (
    <form
      id={formId}
      className="initiative-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(draft);
      }}
    >
      <div className="form-grid">
        <Field label={t('initiatives.name')} error={err('name')}>
          {(p) => <input {...p} name="initiative-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('initiatives.status')} error={err('status')}>
          {(p) => (
            <select {...p} name="initiative-status" value={draft.status} onChange={(e) => set('status', e.target.value as InitiativeStatus)}>
              {INITIATIVE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`enum.InitiativeStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('initiatives.ownerDepartment')} error={err('ownerDepartment')}>
          {(p) => (
            <select {...p} name="initiative-department" value={draft.ownerDepartment} onChange={(e) => set('ownerDepartment', e.target.value as Department)}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`enum.Department.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('initiatives.outsourcing')} error={err('outsourcing')}>
          {(p) => (
            <select {...p} name="initiative-outsourcing" value={draft.outsourcing} onChange={(e) => set('outsourcing', e.target.value as Outsourcing)}>
              {OUTSOURCINGS.map((o) => (
                <option key={o} value={o}>
                  {t(`enum.Outsourcing.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('initiatives.satisfaction')} error={err('satisfaction')}>
          {(p) => (
            <select {...p} name="initiative-satisfaction" value={draft.satisfaction ?? ''} onChange={(e) => set('satisfaction', e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('initiatives.notRated')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {t(`scale.${n}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="kpis">
        <legend>{t('initiatives.kpis')}</legend>
        {draft.kpis.length === 0 && <p className="muted">{t('initiatives.noKpis')}</p>}
        {draft.kpis.map((kpi, n) => (
          <div className="kpi-row" key={n} data-kpi={n}>
            <Field label={t('initiatives.kpiName', { n: n + 1 })} error={err(`kpis[${n}].name`)}>
              {(p) => (
                <input
                  {...p}
                  name={`kpi-${n}-name`}
                  required
                  value={kpi.name}
                  onChange={(e) => set('kpis', draft.kpis.map((k, i) => (i === n ? { ...k, name: e.target.value } : k)))}
                />
              )}
            </Field>
            <Field label={t('initiatives.kpiKind', { n: n + 1 })} error={err(`kpis[${n}].kind`)}>
              {(p) => (
                <select
                  {...p}
                  name={`kpi-${n}-kind`}
                  value={kpi.kind}
                  onChange={(e) => set('kpis', draft.kpis.map((k, i) => (i === n ? { ...k, kind: e.target.value as KpiKind } : k)))}
                >
                  {KPI_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`enum.KpiKind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className="button-quiet" aria-label={t('initiatives.removeKpi', { n: n + 1 })} onClick={() => set('kpis', draft.kpis.filter((_, i) => i !== n))}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        {err('kpis') && <small className="field-error">{err('kpis')}</small>}
        <button type="button" className="button-quiet" onClick={() => set('kpis', [...draft.kpis, { name: '', kind: 'ENGAGEMENT' }])}>
          {t('initiatives.addKpi')}
        </button>
      </fieldset>
      <fieldset className="checks">
        <legend>{t('initiatives.failureFactors')}</legend>
        {FAILURE_FACTORS.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              name="failure-factors"
              value={f}
              checked={draft.failureFactors.includes(f)}
              onChange={(e) => set('failureFactors', e.target.checked ? [...draft.failureFactors, f] : draft.failureFactors.filter((x) => x !== f))}
            />
            {t(`enum.FailureFactor.${f}`)}
          </label>
        ))}
      </fieldset>
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
