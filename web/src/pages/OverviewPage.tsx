import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { EChartsCoreOption } from 'echarts/core';
import { download, problemOf } from '../api/client';
import { TenantOverviewDocument } from '../api/documents';
import type { TenantOverviewQuery } from '../gql/graphql';
import { SEVERITIES, STAGE_BANDS } from '../enums';
import { useFormat } from '../i18n/format';
import { ReportButtons } from '../components/ReportButtons';
import { Chart } from '../components/Chart';
import { Loading, ProblemBanner, Section } from '../components/ui';

type Latest = NonNullable<TenantOverviewQuery['tenant']['latestAssessment']>;
type Finding = Latest['findings'][number];
type PreviousFinding = NonNullable<Latest['previous']>['findings'][number];

const BAND_COLOURS = ['#f3f4f6', '#e8eef8', '#e3f0ea', '#fdf3dc', '#f4e6f1', '#e0f2f1'];
const SEVERITY_COLOURS: Record<string, string> = { CRITICAL: '#8f1d1d', HIGH: '#c2410c', MEDIUM: '#a16207', LOW: '#1d4ed8', INFO: '#4b5563' };

/** A finding's identity across assessments: its rule and what it is about. */
const findingKey = (f: Finding | PreviousFinding) => [f.code, f.dimension ?? '', f.responsibility ?? '', f.failureFactor ?? ''].join('|');

/** The latest assessment explained: score, stage and what holds it back, change, benchmark, charts, findings. */
export function OverviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { decimal: oneDecimal, signed } = format;
  const { tenantId = '' } = useParams();
  const [{ data, error }] = useQuery({ query: TenantOverviewDocument });
  const [exportProblem, setExportProblem] = useState(false);
  const tenant = data?.tenant;
  const latest = tenant?.latestAssessment;

  const radar = useMemo<EChartsCoreOption | null>(() => {
    if (!latest) return null;
    const applicable = latest.dimensions.filter((d) => d.applicable);
    const prev = new Map(latest.previous?.dimensions.map((d) => [d.dimension, d.score]) ?? []);
    const series: { name: string; value: number[]; areaStyle?: object; lineStyle?: object }[] = [
      { name: latest.period, value: applicable.map((d) => d.score ?? 0), areaStyle: { opacity: 0.25 } },
    ];
    if (latest.previous) series.push({ name: latest.previous.period, value: applicable.map((d) => prev.get(d.dimension) ?? 0), lineStyle: { type: 'dashed' } });
    return {
      animation: false,
      color: ['#1f5fa8', '#9ca3af'],
      tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? format.decimal(v) : String(v)) },
      legend: { bottom: 0 },
      radar: {
        radius: '55%',
        axisNameGap: 8,
        // Short names on the chart (the table below names each dimension in full): one line each, no overlap, and
        // they stay inside a 390 px screen.
        indicator: applicable.map((d) => ({ name: t(`enum.DimensionShort.${d.dimension}`), max: 100 })),
        axisName: { color: '#374151', fontSize: 11 },
      },
      series: [{ type: 'radar', data: series }],
    };
  }, [latest, t, format]);

  const growth = useMemo<EChartsCoreOption | null>(() => {
    const points = tenant?.growth.points ?? [];
    if (points.length === 0) return null;
    return {
      animation: false,
      color: ['#1f5fa8'],
      grid: { left: 36, right: 12, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format.decimal(v) : String(v)) },
      // One tick per assessment, labelled with its period (points come in period order): a time axis labels days.
      xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.period), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: (v: number) => format.integer(v) } },
      series: [
        {
          type: 'line',
          name: t('overview.overallScore'),
          data: points.map((p) => Math.round(p.overallScore * 10) / 10),
          symbolSize: 8,
          markArea: {
            silent: true,
            label: { position: 'insideRight', color: '#4b5563', fontSize: 10 },
            data: STAGE_BANDS.map((b, n) => [
              { yAxis: b.from, name: t(`enum.Stage.${b.stage}`), itemStyle: { color: BAND_COLOURS[n] } },
              { yAxis: b.to },
            ]),
          },
        },
      ],
    };
  }, [tenant, t, format]);

  const distribution = useMemo<EChartsCoreOption | null>(() => {
    if (!latest) return null;
    const counts = SEVERITIES.map((s) => latest.findings.filter((f) => f.severity === s).length);
    return {
      animation: false,
      grid: { left: 80, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? format.integer(v) : String(v)) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format.integer(v) } },
      yAxis: { type: 'category', inverse: true, data: SEVERITIES.map((s) => t(`enum.Severity.${s}`)) },
      series: [{ type: 'bar', data: counts.map((value, n) => ({ value, itemStyle: { color: SEVERITY_COLOURS[SEVERITIES[n]] } })), barMaxWidth: 18 }],
    };
  }, [latest, t, format]);

  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  if (!tenant) return null;
  const benchmark = data.benchmark;
  const date = format.date;

  if (!latest) {
    return (
      <Section title={t('overview.noAssessmentTitle')}>
        <p className="empty" id="no-assessment">
          {t('overview.noAssessment')}
        </p>
        <ol className="steps">
          <li>
            <Link to={`/t/${tenantId}/teams`}>{t('overview.stepTeams')}</Link>
          </li>
          <li>
            <Link to={`/t/${tenantId}/responsibilities`}>{t('overview.stepResponsibilities')}</Link>
          </li>
          <li>
            <Link to={`/t/${tenantId}/initiatives`}>{t('overview.stepInitiatives')}</Link>
          </li>
          <li>
            <Link to={`/t/${tenantId}/assess`}>{t('overview.stepAssess')}</Link>
          </li>
        </ol>
      </Section>
    );
  }

  const outlook = latest.outlook;
  const before = new Map(latest.previous?.dimensions.map((d) => [d.dimension, d]) ?? []);
  const nowKeys = new Set(latest.findings.map(findingKey));
  const thenKeys = new Set(latest.previous?.findings.map(findingKey) ?? []);
  const appeared = latest.findings.filter((f) => !thenKeys.has(findingKey(f)));
  const went = latest.previous?.findings.filter((f) => !nowKeys.has(findingKey(f))) ?? [];
  const grouped = SEVERITIES.map((s) => ({ severity: s, items: latest.findings.filter((f) => f.severity === s) })).filter((g) => g.items.length);

  return (
    <div className="overview" id="tenant">
      <ReportButtons
        tenantId={tenantId}
        files={[
          { id: 'report-pdf', path: `/reports/assessments/${latest.id}.pdf`, label: t('reports.assessmentPdf'), fileName: `report-${latest.period}.pdf` },
          { id: 'report-html', path: `/reports/assessments/${latest.id}.html`, label: t('reports.assessmentHtml'), fileName: `report-${latest.period}.html` },
        ]}
      />
      <div className="stats">
        <div className="stat">
          <span className="stat-label">{t('overview.overallScore')}</span>
          <span className="stat-value" id="overall-score">
            {oneDecimal(latest.overallScore)}
          </span>
          <span className="stat-note">
            {latest.delta != null && latest.previous
              ? t('overview.deltaSince', { delta: signed(latest.delta), period: latest.previous.period })
              : t('overview.firstAssessment')}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">{t('overview.stage')}</span>
          <span className={`stat-value stage stage-${latest.stage}`} id="stage">
            {t(`enum.Stage.${latest.stage}`)}
          </span>
          <span className="stat-note">{t('overview.period', { period: latest.period, date: date(latest.submittedAt) })}</span>
        </div>
        <div className="stat">
          <span className="stat-label">{t('overview.nextStage')}</span>
          <span className="stat-value" id="next-stage">
            {outlook.nextStage ? t(`enum.Stage.${outlook.nextStage}`) : t('overview.converged')}
          </span>
          {outlook.nextStage && outlook.nextStageScore != null && (
            <span className="stat-note" id="next-stage-note">
              {t('overview.pointsToGo', { points: oneDecimal(outlook.pointsToNextStage ?? 0), score: oneDecimal(outlook.nextStageScore) })}
            </span>
          )}
        </div>
        <div className="stat" id="benchmark">
          <span className="stat-label">{t('benchmark.title', { band: benchmark.sizeBand })}</span>
          {benchmark.source === 'RELEASE' && benchmark.release ? (
            <>
              <span className="stat-value" id="benchmark-quarter">
                {benchmark.quarter ? t(`benchmark.quarter${benchmark.quarter}`) : '–'}
              </span>
              <span className="stat-note">
                {t('benchmark.release', {
                  p25: oneDecimal(benchmark.release.p25),
                  p50: oneDecimal(benchmark.release.p50),
                  p75: oneDecimal(benchmark.release.p75),
                  peers: format.integer(benchmark.peerCount),
                  date: date(benchmark.release.releasedAt),
                })}
              </span>
            </>
          ) : (
            <>
              <span className="stat-value stat-value-small" id="benchmark-survey">
                {t('benchmark.survey')}
              </span>
              {benchmark.survey && (
                <span className="stat-note">
                  {t('benchmark.surveyFigures', {
                    year: benchmark.survey.year,
                    respondents: format.integer(benchmark.survey.respondents),
                    beginner: format.integer(benchmark.survey.selfRated.beginner),
                    intermediate: format.integer(benchmark.survey.selfRated.intermediate),
                    advanced: format.integer(benchmark.survey.selfRated.advanced),
                    highly: format.integer(benchmark.survey.satisfaction.highlySatisfied),
                  })}{' '}
                  {t('benchmark.surveyWhy', { minimum: format.integer(benchmark.minimumPeers) })}
                </span>
              )}
            </>
          )}
        </div>
      </div>

      <Section title={t('overview.holdsBack')} id="outlook">
        {outlook.cappingDimension && outlook.dimensionScoreNeeded != null ? (
          <p id="stage-cap">
            {t('overview.cap', {
              dimension: t(`enum.Dimension.${outlook.cappingDimension}`),
              score: oneDecimal(outlook.cappingDimensionScore ?? 0),
              needed: oneDecimal(outlook.dimensionScoreNeeded),
              gap: oneDecimal(outlook.dimensionScoreNeeded - (outlook.cappingDimensionScore ?? 0)),
              stage: t(`enum.Stage.${outlook.nextStage ?? latest.stage}`),
            })}
          </p>
        ) : (
          <p id="stage-cap">{outlook.nextStage ? t('overview.noCap') : t('overview.converged')}</p>
        )}
        {outlook.blockingCaps.filter((c) => c !== 'WEAKEST_LINK').map((c) => (
          <p key={c} className="cap-note">
            {t(`caps.${c}`, { defaultValue: c })}
          </p>
        ))}
        {outlook.dimensionsBelowNeeded.length > 1 && (
          <p className="muted">{t('overview.alsoBelow', { list: outlook.dimensionsBelowNeeded.map((d) => t(`enum.Dimension.${d}`)).join(', ') })}</p>
        )}
      </Section>

      <div className="chart-grid">
        <Section title={t('overview.radarTitle')}>
          {radar && <Chart option={radar} label={t('overview.radarLabel')} testId="radar-chart" height={320} />}
          <div className="table-wrap">
            <table id="dimension-table" className="compact">
              <caption>{t('overview.changesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.dimension')}</th>
                  <th scope="col">{t('overview.score')}</th>
                  <th scope="col">{latest.previous ? latest.previous.period : t('overview.previous')}</th>
                  <th scope="col">{t('overview.change')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.dimensions.map((d) => {
                  const then = before.get(d.dimension);
                  const change = d.score != null && then?.score != null ? d.score - then.score : null;
                  return (
                    <tr key={d.dimension} data-dimension={d.dimension}>
                      <th scope="row">{t(`enum.Dimension.${d.dimension}`)}</th>
                      <td className="num">{d.applicable && d.score != null ? oneDecimal(d.score) : t('overview.notApplicable')}</td>
                      <td className="num">{then?.score != null ? oneDecimal(then.score) : '–'}</td>
                      <td className={`num ${change != null && change < 0 ? 'down' : change ? 'up' : ''}`} data-change>
                        {change != null ? signed(change) : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
        <Section title={t('overview.growthTitle')}>
          {growth && <Chart option={growth} label={t('overview.growthLabel', { count: tenant.growth.points.length })} testId="growth-chart" height={300} />}
          <p className="muted" data-points={tenant.growth.points.length} id="growth-note">
            {tenant.growth.projectedNextStageAt && tenant.growth.nextStage
              ? t('overview.projected', { stage: t(`enum.Stage.${tenant.growth.nextStage}`), date: date(tenant.growth.projectedNextStageAt) })
              : t('overview.points', { count: tenant.growth.totalPoints })}
          </p>
        </Section>
      </div>

      {latest.previous && (
        <Section title={t('overview.findingsChanged', { period: latest.previous.period })} id="finding-changes">
          <div className="two-col">
            <div>
              <h3>{t('overview.appeared', { count: appeared.length })}</h3>
              {appeared.length === 0 ? <p className="muted">{t('overview.none')}</p> : (
                <ul id="findings-appeared">
                  {appeared.map((f) => (
                    <li key={findingKey(f)} data-code={f.code}>
                      <span className={`badge sev-${f.severity}`}>{t(`enum.Severity.${f.severity}`)}</span> {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>{t('overview.went', { count: went.length })}</h3>
              {went.length === 0 ? <p className="muted">{t('overview.none')}</p> : (
                <ul id="findings-went">
                  {went.map((f) => (
                    <li key={findingKey(f)} data-code={f.code}>
                      <span className={`badge sev-${f.severity}`}>{t(`enum.Severity.${f.severity}`)}</span> {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Section>
      )}

      <Section
        title={t('overview.findingsTitle', { count: latest.findings.length })}
        id="findings-section"
        actions={
          <button
            type="button"
            className="button-quiet no-print"
            id="export-assessment"
            onClick={() => {
              setExportProblem(false);
              download(`/exports/assessments/${latest.id}.json`, tenantId, `assessment-${latest.id}.json`).catch(() => setExportProblem(true));
            }}
          >
            {t('exports.assessmentJson')}
          </button>
        }
      >
        {exportProblem && <p className="banner banner-error" role="alert">{t('exports.failed')}</p>}
        {distribution && latest.findings.length > 0 && <Chart option={distribution} label={t('overview.distributionLabel')} testId="severity-chart" height={170} />}
        {latest.findings.length === 0 && <p className="empty">{t('overview.noFindings')}</p>}
        <div id="findings">
          {grouped.map((g) => (
            <div key={g.severity} className="finding-group">
              <h3 className={`sev-heading sev-${g.severity}`}>
                {t(`enum.Severity.${g.severity}`)} <span className="muted">({g.items.length})</span>
              </h3>
              <ul>
                {g.items.map((f, n) => (
                  <li key={`${findingKey(f)}-${n}`} className="finding" data-severity={f.severity} data-code={f.code}>
                    <p className="finding-message">{f.message}</p>
                    <p className="finding-recommendation">
                      <strong>{t('overview.whatToDo')}</strong> {f.recommendation}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </Section>
    </div>
  );
}
