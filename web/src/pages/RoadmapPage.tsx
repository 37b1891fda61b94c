import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { EChartsCoreOption } from 'echarts/core';
import { problemOf, type ApiProblem } from '../api/client';
import { CreateActionDocument, RoadmapDocument, SetTargetDocument } from '../api/documents';
import type { RoadmapQuery, Stage } from '../gql/graphql';
import { STAGE_BANDS, STAGES } from '../enums';
import { useFormat } from '../i18n/format';
import { Chart } from '../components/Chart';
import { Field, Loading, ProblemBanner, Section, SrOnly } from '../components/ui';

type Step = NonNullable<RoadmapQuery['tenant']['roadmap']>['steps'][number];

const BAND_COLOURS = ['#f3f4f6', '#e8eef8', '#e3f0ea', '#fdf3dc', '#f4e6f1', '#e0f2f1'];
const WRITERS = ['OWNER', 'ADMIN', 'CONSULTANT'];
const TITLE_MAX = 200;

/** A due date as the API takes it: the end of the chosen day (UTC), so the day itself is not overdue. */
export const endOfDay = (day: string): string | null => (day ? `${day}T23:59:59.999Z` : null);
/** The stage band an overall score falls in, before caps. */
const bandOf = (score: number): Stage => (STAGE_BANDS.find((b) => score < b.to) ?? STAGE_BANDS[STAGE_BANDS.length - 1]).stage;

/** The date part of an ISO date-time, for an <input type="date">. */
export const dayOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The roadmap: a staircase from today's score to the target stage, the target, and each step one click from an action. */
export function RoadmapPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { decimal: oneDecimal } = format;
  const { tenantId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: RoadmapDocument });
  const [targetState, setTarget] = useMutation(SetTargetDocument);
  const [creating, createAction] = useMutation(CreateActionDocument);
  const [targetProblem, setTargetProblem] = useState<ApiProblem | null>(null);
  const [stepProblem, setStepProblem] = useState<{ index: number; problem: ApiProblem } | null>(null);
  const [created, setCreated] = useState<Set<number>>(new Set());
  const [draft, setDraft] = useState<{ stage: Stage; day: string } | null>(null);
  const tenant = data?.tenant;
  const roadmap = tenant?.roadmap;

  const label = (s: Step) =>
    t(`roadmap.move.${s.move}`, {
      responsibility: s.responsibility ? t(`enum.Responsibility.${s.responsibility}`) : '',
      department: s.department ? t(`enum.Department.${s.department}`) : '',
    });

  const staircase = useMemo<EChartsCoreOption | null>(() => {
    if (!roadmap) return null;
    const points = [
      { name: t('roadmap.today'), value: roadmap.basedOn.overallScore, text: t('roadmap.todayLabel', { period: roadmap.basedOn.period }) },
      ...roadmap.steps.map((s, n) => ({ name: t('roadmap.stepN', { n: n + 1 }), value: s.overallScore, text: `${n + 1}. ${s.description}` })),
    ];
    return {
      animation: false,
      color: ['#1f5fa8'],
      grid: { left: 36, right: 12, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'item',
        confine: true,
        extraCssText: 'max-width: 280px; white-space: normal;',
        formatter: (p: { dataIndex: number }) => `${points[p.dataIndex].text}<br/>${oneDecimal(points[p.dataIndex].value)}`,
      },
      xAxis: { type: 'category', boundaryGap: true, data: points.map((p) => p.name), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: (v: number) => format.integer(v) } },
      series: [
        {
          type: 'line',
          step: 'end',
          name: t('roadmap.score'),
          data: points.map((p) => Math.round(p.value * 10) / 10),
          symbolSize: 9,
          label: { show: true, position: 'top', color: '#1f2937', fontSize: 11, formatter: (p: { value: number }) => oneDecimal(p.value) },
          labelLayout: { hideOverlap: true },
          markArea: {
            silent: true,
            label: { position: 'insideRight', color: '#4b5563', fontSize: 10 },
            data: STAGE_BANDS.map((b, n) => [
              {
                yAxis: b.from,
                name: t(`enum.Stage.${b.stage}`),
                itemStyle: { color: BAND_COLOURS[n], borderColor: b.stage === roadmap.targetStage ? '#1f5fa8' : undefined, borderWidth: b.stage === roadmap.targetStage ? 1.5 : 0 },
              },
              { yAxis: b.to },
            ]),
          },
        },
      ],
    };
  }, [roadmap, t, format, oneDecimal]);

  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  if (!tenant) return null;
  const canWrite = WRITERS.includes(tenant.myRole);
  const date = format.date;
  const form = draft ?? { stage: tenant.target?.stage ?? roadmap?.targetStage ?? 'PRESENCE', day: dayOf(tenant.target?.dueAt) };

  const saveTarget = async (e: React.FormEvent) => {
    e.preventDefault();
    setTargetProblem(null);
    const res = await setTarget({ input: { stage: form.stage, dueAt: endOfDay(form.day) } });
    const p = problemOf(res.error);
    if (p) return setTargetProblem(p);
    setDraft(null);
    refetch({ requestPolicy: 'network-only' });
  };

  const makeAction = async (step: Step, index: number) => {
    setStepProblem(null);
    const title = step.description.length > TITLE_MAX ? `${step.description.slice(0, TITLE_MAX - 1).trimEnd()}…` : step.description;
    const res = await createAction({
      input: {
        title,
        move: step.move,
        responsibility: step.responsibility ?? null,
        department: step.department ?? null,
        ownerDepartment: step.department ?? null,
      },
    });
    const p = problemOf(res.error);
    if (p) return setStepProblem({ index, problem: p });
    setCreated((s) => new Set(s).add(index));
  };

  return (
    <>
      <Section title={t('roadmap.targetTitle')} id="target">
        <p className="muted">
          {tenant.target
            ? t(tenant.target.dueAt ? 'roadmap.targetSetBy' : 'roadmap.targetSet', {
                stage: t(`enum.Stage.${tenant.target.stage}`),
                date: tenant.target.dueAt ? date(tenant.target.dueAt) : '',
              })
            : t('roadmap.noTarget')}
        </p>
        {canWrite && (
          <form id="target-form" className="inline-form" onSubmit={(e) => void saveTarget(e)}>
            <ProblemBanner problem={targetProblem} fields={['input.stage', 'input.dueAt']} />
            <Field label={t('roadmap.targetStage')} error={targetProblem?.fields['input.stage']}>
              {(p) => (
                <select {...p} name="target-stage" value={form.stage} onChange={(e) => setDraft({ ...form, stage: e.target.value as Stage })}>
                  {STAGES.map((s) => (
                    <option key={s} value={s}>
                      {t(`enum.Stage.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('roadmap.targetDate')} hint={t('roadmap.targetDateHint')} error={targetProblem?.fields['input.dueAt']}>
              {(p) => <input {...p} type="date" name="target-date" value={form.day} onChange={(e) => setDraft({ ...form, day: e.target.value })} />}
            </Field>
            <button type="submit" disabled={targetState.fetching}>
              {t('roadmap.saveTarget')}
            </button>
          </form>
        )}
      </Section>

      <Section title={t('roadmap.title')} id="roadmap">
        {!roadmap ? (
          <p className="empty" id="no-roadmap">
            {t('roadmap.noAssessment')} <Link to={`/t/${tenantId}/assess`}>{t('roadmap.assessLink')}</Link>
          </p>
        ) : (
          <>
            <p className="muted" id="roadmap-summary">
              {t('roadmap.summary', {
                score: oneDecimal(roadmap.basedOn.overallScore),
                stage: t(`enum.Stage.${roadmap.basedOn.stage}`),
                period: roadmap.basedOn.period,
                target: t(`enum.Stage.${roadmap.targetStage}`),
              })}{' '}
              {bandOf(roadmap.basedOn.overallScore) !== roadmap.basedOn.stage && (
                <>{t('roadmap.capped', { band: t(`enum.Stage.${bandOf(roadmap.basedOn.overallScore)}`), stage: t(`enum.Stage.${roadmap.basedOn.stage}`) })} </>
              )}
              <strong id="roadmap-reaches">{t(roadmap.reachesTarget ? 'roadmap.reaches' : 'roadmap.fallsShort', { target: t(`enum.Stage.${roadmap.targetStage}`) })}</strong>
            </p>
            {staircase && <Chart option={staircase} label={t('roadmap.chartLabel', { target: t(`enum.Stage.${roadmap.targetStage}`) })} testId="roadmap-chart" height={320} />}
            {roadmap.steps.length === 0 ? (
              <p className="empty" id="no-steps">
                {t(roadmap.reachesTarget ? 'roadmap.noStepsReached' : 'roadmap.noStepsStuck')}
              </p>
            ) : (
              <ol className="roadmap-steps" id="roadmap-steps">
                {roadmap.steps.map((s, n) => {
                  const before = n === 0 ? roadmap.basedOn.overallScore : roadmap.steps[n - 1].overallScore;
                  return (
                    <li key={n} className="roadmap-step card-inner" data-move={s.move}>
                      <div className="roadmap-step-head">
                        <strong>{label(s)}</strong>
                        <span className="roadmap-gain">
                          {t('roadmap.gain', { score: oneDecimal(s.overallScore), gain: oneDecimal(s.overallScore - before) })}
                        </span>
                        <span className="badge" title={t('roadmap.stageAfter')}>
                          <SrOnly>{t('roadmap.stageAfter')} </SrOnly>
                          {t(`enum.Stage.${s.stage}`)}
                        </span>
                      </div>
                      <p>{s.description}</p>
                      {s.clearsFindings.length > 0 && (
                        <p className="hint">{t('roadmap.clears', { codes: s.clearsFindings.join(', ') })}</p>
                      )}
                      {canWrite &&
                        (created.has(n) ? (
                          <p className="banner banner-info" role="status">
                            {t('roadmap.actionCreated')} <Link to={`/t/${tenantId}/actions`}>{t('roadmap.openActions')}</Link>
                          </p>
                        ) : (
                          <button type="button" className="make-action button-quiet" disabled={creating.fetching} onClick={() => void makeAction(s, n)}>
                            {t('roadmap.makeAction')}
                          </button>
                        ))}
                      {stepProblem?.index === n && <ProblemBanner problem={stepProblem.problem} />}
                    </li>
                  );
                })}
              </ol>
            )}
          </>
        )}
      </Section>
    </>
  );
}
