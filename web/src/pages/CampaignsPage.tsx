import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import {
  CampaignDocument,
  CampaignsDocument,
  CancelCampaignDocument,
  CloseCampaignDocument,
  InviteRespondentsDocument,
  OpenCampaignDocument,
  RespondToCampaignDocument,
} from '../api/documents';
import type { CampaignQuery, Department, InviteRespondentsMutation } from '../gql/graphql';
import { DEPARTMENTS } from '../enums';
import { useFormat, type Format } from '../i18n/format';
import { Chart } from '../components/Chart';
import { Field, Loading, ProblemBanner, Section } from '../components/ui';
import { QuestionnaireForm, type QuestionnaireDraft } from './RespondPage';

type Detail = NonNullable<CampaignQuery['campaign']>;
type Item = Detail['items'][number];
interface Invitee { email: string; department: Department; external: boolean }

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** A datetime-local value two weeks ahead (local time, as the control shows it). */
function inTwoWeeks(): string {
  const d = new Date(Date.now() + 14 * 86_400_000);
  d.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/** An aggregate or answer value in words: yes/no and cadences from the catalogue, ratings ("3", "3.5") as numbers. */
function valueLabel(t: (key: string) => string, format: Format, v: string): string {
  return /^[0-9]/.test(v) ? format.numeric(v) : t(`campaigns.value.${v}`);
}

const canRun = (role: string | undefined) => role === 'OWNER' || role === 'ADMIN' || role === 'CONSULTANT';

/** The client's campaigns: open one, invite respondents, follow the response rate and where respondents disagree. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignsDocument });
  const [selected, setSelected] = useState<string | null>(null);
  const tenant = data?.tenant;
  const campaigns = tenant?.campaigns.edges.map((e) => e.node) ?? [];
  const when = format.dateTime;
  // The one chosen, else the open one, else the newest: closing keeps the closed campaign on screen.
  const shown = selected ?? campaigns.find((c) => c.status === 'OPEN')?.id ?? campaigns[0]?.id ?? null;

  return (
    <div className="campaigns">
      <Section title={t('campaigns.title')} id="campaign-list">
        <p className="muted">{t('campaigns.intro')}</p>
        {fetching && !data && <Loading />}
        <ProblemBanner problem={problemOf(error)} />
        {tenant && campaigns.length === 0 && <p id="no-campaigns">{t('campaigns.none')}</p>}
        {campaigns.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('campaigns.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.period')}</th>
                  <th scope="col">{t('campaigns.status')}</th>
                  <th scope="col">{t('campaigns.responses')}</th>
                  <th scope="col">{t('campaigns.closesAt')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} className={c.id === shown ? 'row-selected' : undefined}>
                    <td>
                      <button type="button" className="button-quiet" onClick={() => setSelected(c.id)} aria-pressed={c.id === shown} aria-label={t('campaigns.showPeriod', { period: c.period })}>
                        {c.period}
                      </button>
                    </td>
                    <td><span className={`badge campaign-${c.status}`}>{t(`enum.CampaignStatus.${c.status}`)}</span></td>
                    <td>{t('campaigns.responsesOf', { responses: format.integer(c.responseCount), invited: format.integer(c.invitedCount) })}</td>
                    <td>{when(c.endedAt ?? c.closesAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {canRun(tenant?.myRole) && !campaigns.some((c) => c.status === 'OPEN') && (
        <OpenCampaignForm onOpened={(id) => { setSelected(id); refetch({ requestPolicy: 'network-only' }); }} />
      )}
      {shown && tenant && (
        <CampaignDetail key={shown} id={shown} canRun={canRun(tenant.myRole)} departments={tenant.profile?.departments ?? []} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      )}
    </div>
  );
}

function OpenCampaignForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentQuarter);
  const [closesAt, setClosesAt] = useState(inTwoWeeks);
  const [minResponses, setMinResponses] = useState('3');
  const [supersede, setSupersede] = useState(false);
  const [opened, open] = useMutation(OpenCampaignDocument);
  const problem = problemOf(opened.error);
  const err = (f: string) => problem?.fields[`input.${f}`];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const at = new Date(closesAt);
    const res = await open({
      input: { period: period.trim(), closesAt: Number.isNaN(at.getTime()) ? closesAt : at.toISOString(), minResponses: Number(minResponses), supersede },
    });
    if (res.data) onOpened(res.data.openCampaign.id);
  };

  return (
    <Section title={t('campaigns.openTitle')} id="open-campaign">
      <form id="open-campaign-form" onSubmit={onSubmit}>
        <div className="form-grid">
          <Field label={t('campaigns.period')} hint={t('assess.periodHint')} error={err('period') ?? (problem?.code === 'CONFLICT' ? t('campaigns.periodConflict') : null)}>
            {(p) => <input {...p} name="period" required value={period} onChange={(e) => setPeriod(e.target.value)} />}
          </Field>
          <Field label={t('campaigns.closesAt')} hint={t('campaigns.closesAtHint')} error={err('closesAt')}>
            {(p) => <input {...p} type="datetime-local" name="closesAt" required value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />}
          </Field>
          <Field label={t('campaigns.minResponses')} hint={t('campaigns.minResponsesHint')} error={err('minResponses')}>
            {(p) => <input {...p} type="number" min={1} max={1000} name="minResponses" required value={minResponses} onChange={(e) => setMinResponses(e.target.value)} />}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" name="supersede" checked={supersede} onChange={(e) => setSupersede(e.target.checked)} />
          {t('campaigns.supersede')}
        </label>
        <ProblemBanner problem={problem?.code === 'CONFLICT' ? null : problem} fields={Object.keys(problem?.fields ?? {})} />
        <button type="submit" id="open-campaign-submit" disabled={opened.fetching}>
          {t('campaigns.open')}
        </button>
      </form>
    </Section>
  );
}

function CampaignDetail({ id, canRun: may, departments, onChanged }: { id: string; canRun: boolean; departments: Department[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const [closed, close] = useMutation(CloseCampaignDocument);
  const [cancelled, cancel] = useMutation(CancelCampaignDocument);
  const campaign = data?.campaign;
  const when = format.dateTime;
  const endProblem = problemOf(closed.error ?? cancelled.error);
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  if (!campaign) return fetching ? <Loading /> : <ProblemBanner problem={problemOf(error)} />;
  const rate = campaign.invitedCount > 0 ? Math.round((campaign.responseCount / campaign.invitedCount) * 100) : null;

  const end = async (how: 'close' | 'cancel') => {
    if (how === 'cancel' && !window.confirm(t('campaigns.cancelConfirm'))) return;
    const vars = { id: campaign.id, expectedVersion: campaign.version };
    const res = how === 'close' ? await close(vars) : await cancel(vars);
    if (res.data || problemOf(res.error)?.code === 'VERSION_CONFLICT') reload();
  };

  return (
    <>
      <Section
        title={t('campaigns.detailTitle', { period: campaign.period })}
        id="campaign-detail"
        actions={<span className={`badge campaign-${campaign.status}`} id="campaign-status">{t(`enum.CampaignStatus.${campaign.status}`)}</span>}
      >
        <dl className="facts">
          <div>
            <dt>{t('campaigns.responseRate')}</dt>
            <dd id="campaign-rate">
              <span id="campaign-responses">{format.integer(campaign.responseCount)}</span> / {format.integer(campaign.invitedCount)}
              {rate !== null && <> ({format.integer(rate)} %)</>}
            </dd>
          </div>
          <div>
            <dt>{t('campaigns.minResponses')}</dt>
            <dd>{format.integer(campaign.minResponses)}</dd>
          </div>
          <div>
            <dt>{campaign.endedAt ? t('campaigns.endedAt') : t('campaigns.closesAt')}</dt>
            <dd>{when(campaign.endedAt ?? campaign.closesAt)}</dd>
          </div>
          {campaign.assessment && (
            <div>
              <dt>{t('campaigns.assessment')}</dt>
              <dd id="campaign-assessment">
                {format.decimal(campaign.assessment.overallScore)} · {t(`enum.Stage.${campaign.assessment.stage}`)}
              </dd>
            </div>
          )}
        </dl>
        {rate !== null && (
          <div className="meter" aria-hidden="true">
            <div className="meter-fill" style={{ width: `${Math.min(100, rate)}%` }} />
          </div>
        )}
        {campaign.status === 'OPEN' && campaign.responseCount < campaign.minResponses && (
          <p className="muted" id="campaign-waiting">{t('campaigns.waiting', { count: campaign.minResponses - campaign.responseCount })}</p>
        )}
        {campaign.status === 'OPEN' && may && (
          <div className="actions">
            <button type="button" id="close-campaign" onClick={() => void end('close')} disabled={closed.fetching}>
              {t('campaigns.close')}
            </button>
            <button type="button" id="cancel-campaign" className="button-quiet" onClick={() => void end('cancel')} disabled={cancelled.fetching}>
              {t('campaigns.cancel')}
            </button>
          </div>
        )}
        {endProblem?.code === 'CONFLICT' && (
          <p className="banner banner-error" role="alert" id="campaign-end-conflict">
            {t('campaigns.tooFew', { min: campaign.minResponses, count: campaign.responseCount })}
          </p>
        )}
        {endProblem?.code === 'VERSION_CONFLICT' && (
          <p className="banner banner-warn" role="alert">{t('campaigns.versionConflict')}</p>
        )}
        {endProblem && endProblem.code !== 'CONFLICT' && endProblem.code !== 'VERSION_CONFLICT' && <ProblemBanner problem={endProblem} />}
      </Section>
      {campaign.status === 'OPEN' && <AnswerYourself campaign={campaign} departments={departments} onAnswered={reload} />}
      {campaign.status === 'OPEN' && may && <InviteForm campaignId={campaign.id} departments={departments} onInvited={reload} />}
      <ItemsSection campaign={campaign} />
      {campaign.departments.length > 0 && <DepartmentsSection campaign={campaign} />}
    </>
  );
}

/** The departments to choose from: the organisation's own (OTHER last), or all of them. */
function departmentChoices(departments: Department[]): Department[] {
  return departments.length > 0 ? [...departments.filter((d) => d !== 'OTHER'), 'OTHER'] : DEPARTMENTS;
}

/**
 * A signed-in member (any role) answers the campaign themselves, with the respondent's form: one response per
 * member, answering again replaces it. Only whether they answered is shown back, never what.
 */
function AnswerYourself({ campaign, departments, onAnswered }: { campaign: Detail; departments: Department[]; onAnswered: () => void }) {
  const { t } = useTranslation();
  const choices = departmentChoices(departments);
  const [showing, setShowing] = useState(false);
  const [thanked, setThanked] = useState(false);
  const [department, setDepartment] = useState<Department>(choices[0]);
  const [draft, setDraft] = useState<QuestionnaireDraft>({});
  const [sent, send] = useMutation(RespondToCampaignDocument);
  const problem = problemOf(sent.error);

  if (!showing) {
    return (
      <Section title={t('campaigns.answerTitle')} id="answer-yourself">
        {thanked ? (
          <p className="banner banner-ok" role="status" id="answer-thanks">{t('campaigns.answerThanks')}</p>
        ) : (
          <p className="muted">{campaign.answeredByMe ? t('campaigns.answeredByMe') : t('campaigns.answerIntro')}</p>
        )}
        <button type="button" id="answer-yourself-open" onClick={() => (setShowing(true), setThanked(false))}>
          {campaign.answeredByMe || thanked ? t('campaigns.changeYourAnswers') : t('campaigns.answerYourself')}
        </button>
      </Section>
    );
  }
  return (
    <Section
      title={t('campaigns.answerTitle')}
      id="answer-yourself"
      actions={
        <button type="button" className="button-quiet" id="answer-yourself-close" onClick={() => setShowing(false)}>
          {t('campaigns.answerLater')}
        </button>
      }
    >
      <p className="muted">{t('campaigns.answerIntro')}</p>
      {campaign.answeredByMe && <p className="banner banner-info">{t('campaigns.answeredByMe')}</p>}
      <QuestionnaireForm
        draft={draft}
        onDraft={setDraft}
        busy={sent.fetching}
        problem={problem ? t(problem.code === 'CONFLICT' ? 'campaigns.answerClosed' : `errors.${problem.code}`, { defaultValue: t('errors.generic') }) : null}
        onAnswers={async (answers) => {
          const res = await send({ campaignId: campaign.id, answers, department });
          if (res.data?.respondToCampaign) {
            setShowing(false);
            setThanked(true);
            onAnswered();
          }
        }}
      >
        <div className="form-grid">
          <Field label={t('campaigns.yourDepartment')} hint={t('campaigns.yourDepartmentHint')}>
            {(p) => (
              <select {...p} name="department" value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
                {choices.map((d) => (
                  <option key={d} value={d}>{t(`enum.Department.${d}`)}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </QuestionnaireForm>
    </Section>
  );
}

function InviteForm({ campaignId, departments, onInvited }: { campaignId: string; departments: Department[]; onInvited: () => void }) {
  const { t } = useTranslation();
  const choices = departmentChoices(departments);
  const blank = (): Invitee => ({ email: '', department: choices[0], external: false });
  const [rows, setRows] = useState<Invitee[]>(() => [blank()]);
  const [links, setLinks] = useState<InviteRespondentsMutation['inviteRespondents']>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const [invited, invite] = useMutation(InviteRespondentsDocument);
  const problem = problemOf(invited.error);
  const setRow = (n: number, patch: Partial<Invitee>) => setRows((r) => r.map((row, i) => (i === n ? { ...row, ...patch } : row)));
  const linkOf = (token: string) => `${window.location.origin}/respond/${token}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const respondents = rows.filter((r) => r.email.trim()).map((r) => ({ ...r, email: r.email.trim() }));
    if (respondents.length === 0) return;
    const res = await invite({ campaignId, respondents });
    if (res.data) {
      setLinks(res.data.inviteRespondents);
      setRows([blank()]);
      onInvited();
    }
  };
  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(linkOf(token));
      setCopied(token);
    } catch {
      setCopied(null);
    }
  };

  return (
    <Section title={t('campaigns.inviteTitle')} id="invite">
      <p className="muted">{t('campaigns.inviteIntro')}</p>
      <form id="invite-form" onSubmit={onSubmit}>
        {rows.map((row, n) => (
          <div className="form-grid invite-row" key={n} data-invitee={n}>
            <Field label={t('campaigns.email')} error={problem?.fields[`respondents.${n}.email`]}>
              {(p) => <input {...p} type="email" name={`email-${n}`} value={row.email} onChange={(e) => setRow(n, { email: e.target.value })} />}
            </Field>
            <Field label={t('campaigns.department')}>
              {(p) => (
                <select {...p} name={`department-${n}`} value={row.department} onChange={(e) => setRow(n, { department: e.target.value as Department })}>
                  {choices.map((d) => (
                    <option key={d} value={d}>{t(`enum.Department.${d}`)}</option>
                  ))}
                </select>
              )}
            </Field>
            <label className="check invite-external">
              <input type="checkbox" name={`external-${n}`} checked={row.external} onChange={(e) => setRow(n, { external: e.target.checked })} />
              {t('campaigns.external')}
            </label>
          </div>
        ))}
        <ProblemBanner problem={problem} />
        <div className="actions">
          <button type="button" className="button-quiet" id="add-invitee" onClick={() => setRows((r) => [...r, blank()])}>
            {t('campaigns.addInvitee')}
          </button>
          <button type="submit" id="invite-submit" disabled={invited.fetching}>
            {t('campaigns.invite')}
          </button>
        </div>
      </form>
      {links.length > 0 && (
        <div className="banner banner-warn" id="respondent-links" role="status">
          <p><strong>{t('campaigns.linksTitle')}</strong></p>
          <p>{links.some((l) => !l.mailed) ? t('campaigns.linksOnce') : t('campaigns.linksMailed')}</p>
          <ul className="links">
            {links.map((l) => (
              <li key={l.email} data-respondent={l.email}>
                <span className="link-who">{l.email} · {t(`enum.Department.${l.department}`)}{l.external ? ` · ${t('campaigns.external')}` : ''}</span>
                {l.mailed ? (
                  <span className="muted">{t('campaigns.mailed')}</span>
                ) : (
                  <span className="link-line">
                    <code className="respondent-link">{linkOf(l.token)}</code>
                    <button type="button" className="button-quiet" onClick={() => void copy(l.token)} aria-label={t('campaigns.copyFor', { email: l.email })}>
                      {copied === l.token ? t('campaigns.copied') : t('campaigns.copy')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

function ItemChart({ item }: { item: Item }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo(
    () => ({
      grid: { left: 36, right: 12, top: 12, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format.integer(v) : String(v)) },
      xAxis: { type: 'category', data: item.distribution.map((d) => valueLabel(t, format, d.value)), axisLabel: { interval: 0, fontSize: 11, width: 52, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: item.distribution.map((d) => d.count), itemStyle: { color: item.contested ? '#c2410c' : '#1d4e89' } }],
    }),
    [item, t, format],
  );
  const label = (v: string) => valueLabel(t, format, v);
  return (
    <Chart
      option={option}
      height={180}
      testId={`item-chart-${item.item}`}
      label={t('campaigns.chartLabel', { item: t(`enum.AnswerItem.${item.item}`), values: item.distribution.map((d) => `${label(d.value)}: ${format.integer(d.count)}`).join(', ') })}
    />
  );
}

function ItemsSection({ campaign }: { campaign: Detail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (v: string) => valueLabel(t, format, v);
  return (
    <Section title={t('campaigns.itemsTitle')} id="campaign-items">
      {campaign.items.length === 0 ? (
        <p className="muted" id="items-hidden">{t('campaigns.itemsHidden', { min: campaign.minResponses })}</p>
      ) : (
        <>
          <p className="muted">{t('campaigns.itemsIntro')}</p>
          <div className="item-grid">
            {campaign.items.map((item) => (
              <article key={item.item} className={`item-card${item.contested ? ' item-contested' : ''}`} data-item={item.item}>
                <h3>
                  {t(`enum.AnswerItem.${item.item}`)}
                  {item.contested && <span className="badge badge-contested">{t('campaigns.contested')}</span>}
                </h3>
                <p className="item-value">
                  {t('campaigns.aggregate', { value: value(item.value) })} · {t('campaigns.disagreement', { value: format.integer(Math.round(item.disagreement * 100)) })}
                </p>
                <ItemChart item={item} />
              </article>
            ))}
          </div>
        </>
      )}
    </Section>
  );
}

function DepartmentsSection({ campaign }: { campaign: Detail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (v: string) => valueLabel(t, format, v);
  return (
    <Section title={t('campaigns.departmentsTitle')} id="campaign-departments">
      <p className="muted">{t('campaigns.departmentsIntro')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.item')}</th>
              {campaign.departments.map((d) => (
                <th scope="col" key={d.department}>
                  {t(`enum.Department.${d.department}`)} ({d.responses})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {campaign.items.map((item) => (
              <tr key={item.item}>
                <th scope="row">{t(`enum.AnswerItem.${item.item}`)}</th>
                {campaign.departments.map((d) => {
                  const own = d.items.find((i) => i.item === item.item);
                  return (
                    <td key={d.department} className={own?.contested ? 'cell-contested' : undefined}>
                      {own ? value(own.value) : '–'}
                      {own?.contested && <span className="sr-only"> ({t('campaigns.contested')})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
