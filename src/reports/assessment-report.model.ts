import { formatDate, formatNumber, formatShortDate, hasText, translator, type Language, type Translate } from '../i18n';
import {
  ANSWER_ITEM_DEFINITIONS,
  DIMENSIONS,
  SEVERITIES,
  STAGES,
  type AnswerItem,
  type Department,
  type Dimension,
  type ScoringModel,
  type Severity,
  type Stage,
  type StageOutlook,
} from '../scoring';
import type {
  FindingGroup,
  ReportBlock,
  ReportDocument,
  ReportSection,
  ReportTable,
} from './report-document';
import { reportFilename } from './report-filename';

/** Everything an executive report shows, as read for one assessment (ReportsService gathers it). */
export interface AssessmentReportData {
  organisation: string;
  assessment: {
    id: string;
    period: string;
    modelVersion: string;
    overallScore: number;
    stage: Stage;
    bandStage: Stage;
    appliedCaps: string[];
    dimensions: { dimension: Dimension; score: number | null; applicable: boolean; weight: number }[];
    findings: { severity: Severity; dimension: Dimension | null; message: string; recommendation: string }[];
  };
  /** The previous current assessment in period order, if any. */
  previous: {
    period: string;
    overallScore: number;
    stage: Stage;
    dimensions: { dimension: Dimension; score: number | null }[];
  } | null;
  /** The current assessments in period order up to this one (the growth chart). */
  history: { period: string; overallScore: number }[];
  outlook: StageOutlook;
  roadmap: {
    basedOnPeriod: string;
    targetStage: Stage;
    reachesTarget: boolean;
    steps: { description: string; overallScore: number; stage: Stage }[];
  } | null;
  targetDueAt: Date | null;
  /** Open actions (OPEN, IN_PROGRESS). */
  actions: {
    title: string;
    status: 'OPEN' | 'IN_PROGRESS';
    ownerName: string | null;
    ownerDepartment: Department | null;
    dueAt: Date | null;
    overdue: boolean;
  }[];
  campaign: {
    invitedCount: number;
    responseCount: number;
    minResponses: number;
    items: { item: AnswerItem; value: string; disagreement: number; contested: boolean; responses: number }[];
  } | null;
  benchmark: ReportBenchmark;
  model: ScoringModel;
  generatedAt: Date;
}

export interface ReportBenchmark {
  sizeBand: string;
  source: string;
  minimumPeers: number;
  peerCount: number;
  ownScore: number | null;
  quarter: number | null;
  release: { p25: number; p50: number; p75: number; releasedAt: Date; epsilon: number } | null;
  survey: {
    year: number;
    respondents: number;
    satisfaction: { highlySatisfied: number; satisfied: number; somewhat: number };
    setUp: { dedicatedTeam: number; onTopOfOtherDuties: number };
    measured: { followersLikes: number; sales: number };
    managementSupport: { verySupportive: number };
  } | null;
}

/** Score changes smaller than this show as unchanged (scores are shown to one decimal). */
const UNCHANGED = 0.05;

/** The executive report of one assessment, in one language: pure, data in, document out. */
export function assessmentReport(data: AssessmentReportData, language: Language): ReportDocument {
  const t = translator(language);
  const f = formats(language, t);
  const { assessment } = data;
  const stage = f.stage(assessment.stage);
  const title = t('report.title');
  const target = data.roadmap?.targetStage ?? data.outlook.nextStage;
  const delta = data.previous ? assessment.overallScore - data.previous.overallScore : null;

  const facts = [
    { label: t('report.facts.stage'), value: stage },
    {
      label: t('report.facts.score'),
      value: f.score(assessment.overallScore),
      detail: t('report.facts.outOf'),
    },
    delta === null
      ? { label: t('report.facts.change'), value: '-', detail: t('report.facts.noChange') }
      : {
          label: t('report.facts.change'),
          value: f.signed(delta),
          detail: t('report.facts.changeSince', { period: data.previous!.period }),
          tone:
            Math.abs(delta) < UNCHANGED
              ? ('neutral' as const)
              : delta > 0
                ? ('good' as const)
                : ('bad' as const),
        },
    {
      label: t('report.facts.target'),
      value: target ? f.stage(target) : stage,
      detail: data.targetDueAt ? formatDate(language, data.targetDueAt) : undefined,
    },
  ];

  const sections: ReportSection[] = [
    {
      id: 'summary',
      title: t('report.summary.title'),
      blocks: [{ kind: 'summary', sentences: summary(data, t, f) }, charts(data, t, f)],
    },
    { id: 'dimensions', title: t('report.dimensions.title'), blocks: dimensionBlocks(data, t, f) },
    { id: 'findings', title: t('report.findings.title'), blocks: findingBlocks(data, t) },
    roadmapSection(data, t, f, language),
    actionSection(data, t, language),
    ...(data.campaign ? [campaignSection(data.campaign, t, f)] : []),
    benchmarkSection(data.benchmark, t, f, language),
    methodologySection(data.model, t, f),
  ];

  return {
    language,
    title: `${title}: ${data.organisation}, ${assessment.period}`,
    running: { left: `${data.organisation} · ${assessment.period}`, right: title },
    footer: {
      left: `${t('report.confidential')} · ${t('report.generatedOn', { date: formatDate(language, data.generatedAt) })}`,
      page: t('report.page'),
    },
    cover: {
      eyebrow: title,
      heading: data.organisation,
      subheading: `${assessment.period} · ${t('report.subtitle')}`,
      facts,
    },
    sections,
    filename: reportFilename(data.organisation, assessment.period),
  };
}

export interface Formats {
  score(value: number): string;
  signed(value: number): string;
  stage(stage: Stage): string;
  dimension(dimension: Dimension): string;
  percent(share: number): string;
  decimal(value: number, digits: number): string;
}

export function formats(language: Language, t: Translate): Formats {
  return {
    score: (value) => formatNumber(language, value, 1),
    signed: (value) => {
      const rounded = Math.round(value * 10) / 10;
      if (rounded === 0) return formatNumber(language, 0, 1);
      return `${rounded > 0 ? '+' : '-'}${formatNumber(language, Math.abs(rounded), 1)}`;
    },
    stage: (stage) => t(`enum.Stage.${stage}`),
    dimension: (dimension) => t(`enum.Dimension.${dimension}`),
    percent: (share) => `${formatNumber(language, share, 0)}%`,
    decimal: (value, digits) => formatNumber(language, value, digits),
  };
}

/** Three sentences from the data: stage and change; what holds it back; the first roadmap step. */
function summary(data: AssessmentReportData, t: Translate, f: Formats): string[] {
  const { assessment, previous, outlook } = data;
  const values = {
    organisation: data.organisation,
    stage: f.stage(assessment.stage),
    period: assessment.period,
    score: f.score(assessment.overallScore),
  };
  let first: string;
  if (!previous) first = t('report.summary.first', values);
  else {
    const delta = assessment.overallScore - previous.overallScore;
    const change = {
      ...values,
      delta: formatAbs(f, delta),
      previousPeriod: previous.period,
      previousStage: f.stage(previous.stage),
    };
    const stageMoved = previous.stage !== assessment.stage;
    if (Math.abs(delta) < UNCHANGED) first = t('report.summary.unchanged', change);
    else if (delta > 0) first = t(stageMoved ? 'report.summary.upStage' : 'report.summary.up', change);
    else first = t(stageMoved ? 'report.summary.downStage' : 'report.summary.down', change);
  }

  const weakest = weakestDimension(assessment.dimensions);
  let second: string;
  if (outlook.nextStage === null) {
    second = t(
      'report.summary.top',
      weakest ? { dimension: f.dimension(weakest.dimension), dimensionScore: f.score(weakest.score) } : {},
    );
  } else if (outlook.blockingCaps.includes('NO_TEAM_WHERE_NEEDED')) {
    second = t('report.summary.noTeam', { maxStage: f.stage(data.model.caps.noTeamWhereNeededMaxStage) });
  } else if (outlook.blockingCaps.includes('FULLY_OUTSOURCED')) {
    second = t('report.summary.fullyOutsourced', {
      maxStage: f.stage(data.model.caps.fullyOutsourcedMaxStage),
    });
  } else if (outlook.blockingCaps.includes('WEAKEST_LINK') && outlook.cappingDimension) {
    second = t('report.summary.weakestLink', {
      dimension: f.dimension(outlook.cappingDimension),
      dimensionScore: f.score(outlook.cappingDimensionScore ?? 0),
      nextStage: f.stage(outlook.nextStage),
      needed: f.score(outlook.dimensionScoreNeeded ?? 0),
    });
  } else {
    second = t('report.summary.pointsToGo', {
      nextStage: f.stage(outlook.nextStage),
      nextScore: f.score(outlook.nextStageScore ?? 0),
      points: f.score(outlook.pointsToNextStage ?? 0),
      dimension: weakest ? f.dimension(weakest.dimension) : '',
      dimensionScore: weakest ? f.score(weakest.score) : '',
    });
  }

  const roadmap = data.roadmap;
  const target = f.stage(roadmap?.targetStage ?? outlook.nextStage ?? assessment.stage);
  let third: string;
  if (roadmap && roadmap.steps.length > 0) {
    third = t('report.summary.firstStep', { target, step: continueSentence(roadmap.steps[0].description) });
  } else if (!roadmap || roadmap.reachesTarget) third = t('report.summary.targetReached', { target });
  else third = t('report.summary.noStep', { target });
  return [first, second, third];
}

/** A sentence that continues after a colon: its first letter in lower case, unless the first word is a name. */
function continueSentence(text: string): string {
  const trimmed = text.trim();
  const sentence = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  if (/^\p{Lu}\p{Ll}/u.test(sentence)) return sentence[0].toLowerCase() + sentence.slice(1);
  return sentence;
}

function formatAbs(f: Formats, value: number): string {
  return f.score(Math.abs(value));
}

function weakestDimension(
  dimensions: AssessmentReportData['assessment']['dimensions'],
): { dimension: Dimension; score: number } | null {
  let weakest: { dimension: Dimension; score: number } | null = null;
  for (const d of dimensions) {
    if (!d.applicable || d.score === null) continue;
    if (!weakest || d.score < weakest.score) weakest = { dimension: d.dimension, score: d.score };
  }
  return weakest;
}

function charts(data: AssessmentReportData, t: Translate, f: Formats): ReportBlock {
  const byDimension = (list: { dimension: Dimension; score: number | null }[]) =>
    DIMENSIONS.map((d) => list.find((x) => x.dimension === d)?.score ?? 0);
  const series = [
    {
      name: `${t('report.charts.thisPeriod')} (${data.assessment.period})`,
      values: byDimension(data.assessment.dimensions),
    },
  ];
  if (data.previous) {
    series.push({
      name: `${t('report.charts.previousPeriod')} (${data.previous.period})`,
      values: byDimension(data.previous.dimensions),
      muted: true,
    } as (typeof series)[number]);
  }
  const thresholds = data.model.stageThresholds;
  const lowest = Math.min(...data.history.map((p) => p.overallScore), data.assessment.overallScore);
  return {
    kind: 'charts',
    charts: [
      {
        kind: 'radar',
        title: t('report.charts.radar'),
        note: t('report.charts.radarNote'),
        indicators: DIMENSIONS.map((d) => f.dimension(d)),
        series,
      },
      {
        kind: 'line',
        title: t('report.charts.growth'),
        note: data.history.length > 1 ? t('report.charts.growthNote') : t('report.charts.growthSingle'),
        categories: data.history.map((p) => p.period),
        seriesName: t('report.charts.overall'),
        values: data.history.map((p) => p.overallScore),
        valueLabels: data.history.map((p) => f.score(p.overallScore)),
        // The stage lines near the scores shown: more would crowd the chart.
        guides: STAGES.filter((s) => thresholds[s] > 0 && thresholds[s] >= lowest - 20).map((s) => ({
          label: f.stage(s),
          value: thresholds[s],
        })),
      },
    ],
  };
}

function dimensionBlocks(data: AssessmentReportData, t: Translate, f: Formats): ReportBlock[] {
  const { assessment, previous } = data;
  const table: ReportTable = {
    columns: [
      { label: t('report.dimensions.dimension'), width: 0.46 },
      { label: t('report.dimensions.score'), width: 0.18, align: 'right' },
      { label: t('report.dimensions.weight'), width: 0.18, align: 'right' },
      { label: t('report.dimensions.change'), width: 0.18, align: 'right' },
    ],
    rows: assessment.dimensions.map((d) => {
      const before = previous?.dimensions.find((p) => p.dimension === d.dimension)?.score ?? null;
      const change = d.score !== null && before !== null ? d.score - before : null;
      return {
        cells: [
          f.dimension(d.dimension),
          d.applicable && d.score !== null ? f.score(d.score) : t('report.dimensions.notApplicable'),
          d.applicable ? f.percent(d.weight * 100) : t('report.dimensions.notApplicable'),
          change === null ? '' : f.signed(change),
        ],
        tone: change === null || Math.abs(change) < UNCHANGED ? undefined : change > 0 ? 'good' : 'bad',
      };
    }),
  };
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: t('report.dimensions.intro'), muted: true },
    { kind: 'table', table },
  ];
  if (assessment.appliedCaps.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t('report.dimensions.capsApplied', {
        caps: assessment.appliedCaps.map((c) => t(`report.cap.${c}`)).join(', '),
        bandStage: f.stage(assessment.bandStage),
      }),
    });
  }
  return blocks;
}

function findingBlocks(data: AssessmentReportData, t: Translate): ReportBlock[] {
  const findings = data.assessment.findings;
  if (findings.length === 0) return [{ kind: 'paragraph', text: t('report.findings.none') }];
  const groups: FindingGroup[] = [...SEVERITIES]
    .reverse()
    .map((severity) => ({
      severity,
      label: `${t(`enum.Severity.${severity}`)} · ${t('report.findings.count', { count: findings.filter((x) => x.severity === severity).length })}`,
      recommendationLabel: t('report.findings.recommendation'),
      items: findings
        .filter((x) => x.severity === severity)
        .map((x) => ({
          dimension: x.dimension ? t(`enum.Dimension.${x.dimension}`) : null,
          message: x.message,
          recommendation: x.recommendation,
        })),
    }))
    .filter((g) => g.items.length > 0);
  return [
    { kind: 'paragraph', text: t('report.findings.intro'), muted: true },
    { kind: 'findings', groups },
  ];
}

function roadmapSection(
  data: AssessmentReportData,
  t: Translate,
  f: Formats,
  language: Language,
): ReportSection {
  const roadmap = data.roadmap;
  const targetStage = roadmap?.targetStage ?? data.outlook.nextStage ?? data.assessment.stage;
  const target = f.stage(targetStage);
  const blocks: ReportBlock[] = [];
  if (!roadmap) blocks.push({ kind: 'paragraph', text: t('report.roadmap.none') });
  else if (roadmap.steps.length === 0) blocks.push({ kind: 'paragraph', text: t('report.roadmap.reached') });
  else {
    blocks.push({ kind: 'paragraph', text: t('report.roadmap.intro'), muted: true });
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: t('report.roadmap.step'), width: 0.08, align: 'right' },
          { label: t('report.roadmap.change'), width: 0.6 },
          { label: t('report.roadmap.after'), width: 0.14, align: 'right' },
          { label: t('report.roadmap.stageAfter'), width: 0.18 },
        ],
        rows: roadmap.steps.map((step, index) => ({
          cells: [String(index + 1), step.description, f.score(step.overallScore), f.stage(step.stage)],
        })),
      },
    });
    blocks.push({
      kind: 'paragraph',
      text: t(roadmap.reachesTarget ? 'report.roadmap.reaches' : 'report.roadmap.fallsShort', { target }),
    });
  }
  const notes: string[] = [];
  if (roadmap && roadmap.basedOnPeriod !== data.assessment.period) {
    notes.push(t('report.roadmap.basedOn', { period: roadmap.basedOnPeriod }));
  }
  if (data.targetDueAt)
    notes.push(t('report.roadmap.dueBy', { date: formatDate(language, data.targetDueAt) }));
  if (notes.length > 0) blocks.push({ kind: 'paragraph', text: notes.join(' '), muted: true });
  return { id: 'roadmap', title: t('report.roadmap.title', { target }), blocks };
}

function actionSection(data: AssessmentReportData, t: Translate, language: Language): ReportSection {
  if (data.actions.length === 0) {
    return {
      id: 'actions',
      title: t('report.actions.title'),
      blocks: [{ kind: 'paragraph', text: t('report.actions.none') }],
    };
  }
  const overdue = data.actions.filter((a) => a.overdue).length;
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: t('report.actions.intro'), muted: true },
    {
      kind: 'table',
      table: {
        columns: [
          { label: t('report.actions.action'), width: 0.48 },
          { label: t('report.actions.owner'), width: 0.2 },
          { label: t('report.actions.due'), width: 0.17 },
          { label: t('report.actions.status'), width: 0.15 },
        ],
        rows: data.actions.map((a) => ({
          cells: [
            a.title,
            a.ownerName ??
              (a.ownerDepartment ? departmentName(t, a.ownerDepartment) : t('report.actions.noOwner')),
            a.dueAt ? formatShortDate(language, a.dueAt) : t('report.actions.noDue'),
            a.overdue ? t('report.actions.overdue') : t(`report.actions.status${a.status}`),
          ],
          tone: a.overdue ? 'bad' : undefined,
        })),
      },
    },
  ];
  if (overdue > 0)
    blocks.push({ kind: 'paragraph', text: t('report.actions.overdueCount', { count: overdue }) });
  return { id: 'actions', title: t('report.actions.title'), blocks };
}

export function departmentName(t: Translate, department: Department): string {
  return t(`report.department.${department}`);
}

function campaignSection(
  campaign: NonNullable<AssessmentReportData['campaign']>,
  t: Translate,
  f: Formats,
): ReportSection {
  const rate =
    campaign.invitedCount > 0 ? f.percent((campaign.responseCount / campaign.invitedCount) * 100) : '-';
  const contested = campaign.items.filter((i) => i.contested);
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: t('report.campaign.participation', {
        responses: campaign.responseCount,
        invited: campaign.invitedCount,
        rate,
        min: campaign.minResponses,
      }),
    },
  ];
  if (contested.length === 0) blocks.push({ kind: 'paragraph', text: t('report.campaign.noContested') });
  else {
    blocks.push({ kind: 'subheading', text: t('report.campaign.contested') });
    blocks.push({ kind: 'paragraph', text: t('report.campaign.contestedIntro'), muted: true });
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: t('report.campaign.item'), width: 0.49 },
          { label: t('report.campaign.value'), width: 0.19 },
          { label: t('report.campaign.disagreement'), width: 0.18, align: 'right' },
          { label: t('report.campaign.responses'), width: 0.14, align: 'right' },
        ],
        rows: contested.map((i) => ({
          cells: [
            t(`report.item.${i.item}`),
            itemValue(t, f, i.item, i.value),
            f.decimal(i.disagreement, 2),
            String(i.responses),
          ],
        })),
      },
    });
  }
  return { id: 'campaign', title: t('report.campaign.title'), blocks };
}

/** An aggregate as a person reads it: yes/no, a cadence's name, or the 1-5 value in the language's notation. */
function itemValue(t: Translate, f: Formats, item: AnswerItem, value: string): string {
  const kind = ANSWER_ITEM_DEFINITIONS[item].kind;
  if (kind === 'RATING') {
    const n = Number(value);
    return Number.isFinite(n) ? `${Number.isInteger(n) ? String(n) : f.score(n)} / 5` : value;
  }
  const key = `report.value.${value}`;
  return hasText('en', key) ? t(key) : value;
}

function benchmarkSection(b: ReportBenchmark, t: Translate, f: Formats, language: Language): ReportSection {
  const blocks: ReportBlock[] = [];
  if (b.release) {
    blocks.push({
      kind: 'paragraph',
      text:
        b.ownScore !== null && b.quarter !== null
          ? t('report.benchmark.release', {
              band: b.sizeBand,
              score: f.score(b.ownScore),
              quarter: b.quarter,
            })
          : t('report.benchmark.releaseNoScore', { band: b.sizeBand }),
    });
    blocks.push({
      kind: 'facts',
      facts: [
        { label: 'P25', value: f.score(b.release.p25) },
        { label: 'P50', value: f.score(b.release.p50) },
        { label: 'P75', value: f.score(b.release.p75) },
        ...(b.quarter !== null
          ? [{ label: t('report.facts.score'), value: f.score(b.ownScore ?? 0), detail: `Q${b.quarter}` }]
          : []),
      ],
    });
    blocks.push({
      kind: 'paragraph',
      muted: true,
      text: t('report.benchmark.releaseNote', {
        date: formatDate(language, b.release.releasedAt),
        peers: b.peerCount,
        epsilon: formatNumber(language, b.release.epsilon, 1),
      }),
    });
  } else if (b.survey) {
    const s = b.survey;
    blocks.push({ kind: 'marker', text: t('report.benchmark.surveyMarker') });
    blocks.push({
      kind: 'paragraph',
      text: t('report.benchmark.survey', {
        min: b.minimumPeers,
        band: b.sizeBand,
        respondents: formatNumber(language, s.respondents, 0),
      }),
    });
    const row = (label: string, share: number) => ({
      cells: [t(`report.benchmark.${label}`), f.percent(share)],
    });
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: t('report.benchmark.answer'), width: 0.75 },
          { label: t('report.benchmark.share'), width: 0.25, align: 'right' },
        ],
        rows: [
          row('satisfied', s.satisfaction.highlySatisfied),
          row('satisfiedSome', s.satisfaction.satisfied + s.satisfaction.somewhat),
          row('dedicatedTeam', s.setUp.dedicatedTeam),
          row('onTop', s.setUp.onTopOfOtherDuties),
          row('measuresFollowers', s.measured.followersLikes),
          row('measuresSales', s.measured.sales),
          row('supportive', s.managementSupport.verySupportive),
        ],
      },
    });
  }
  return { id: 'benchmark', title: t('report.benchmark.title'), blocks };
}

function methodologySection(model: ScoringModel, t: Translate, f: Formats): ReportSection {
  const total = DIMENSIONS.reduce((sum, d) => sum + model.dimensions[d].weight, 0);
  const weights: ReportTable = {
    compact: true,
    columns: [
      { label: t('report.methodology.dimension'), width: 0.4 },
      { label: t('report.methodology.weight'), width: 0.12, align: 'right' },
      { label: t('report.methodology.market'), width: 0.48 },
    ],
    rows: DIMENSIONS.map((d) => {
      const { weight, marketMultipliers } = model.dimensions[d];
      const adjusted =
        marketMultipliers.B2B !== undefined || marketMultipliers.MIXED !== undefined
          ? t('report.methodology.marketB2B', {
              b2b: formatPlain(f, marketMultipliers.B2B ?? 1),
              mixed: formatPlain(f, marketMultipliers.MIXED ?? 1),
            })
          : t('report.methodology.none');
      return { cells: [f.dimension(d), f.percent((weight / total) * 100), adjusted] };
    }),
  };
  const bands: ReportTable = {
    compact: true,
    columns: [
      { label: t('report.methodology.stage'), width: 0.46 },
      { label: t('report.methodology.from'), width: 0.27, align: 'right' },
      { label: t('report.methodology.to'), width: 0.27, align: 'right' },
    ],
    rows: STAGES.map((stage, index) => {
      const next = STAGES[index + 1];
      return {
        cells: [
          f.stage(stage),
          String(model.stageThresholds[stage]),
          next ? String(model.stageThresholds[next]) : '100',
        ],
      };
    }),
  };
  return {
    id: 'methodology',
    title: t('report.methodology.title'),
    newPage: true,
    blocks: [
      { kind: 'paragraph', text: t('report.methodology.intro', { version: model.version }) },
      { kind: 'subheading', text: t('report.methodology.weights') },
      { kind: 'table', table: weights },
      { kind: 'subheading', text: t('report.methodology.bands') },
      { kind: 'table', table: bands },
      { kind: 'subheading', text: t('report.methodology.caps') },
      { kind: 'paragraph', text: t('report.methodology.capsIntro') },
      {
        kind: 'bullets',
        items: [
          t('report.methodology.capWEAKEST_LINK', { stages: model.caps.weakestLinkStagesAbove }),
          t('report.methodology.capFULLY_OUTSOURCED', { stage: f.stage(model.caps.fullyOutsourcedMaxStage) }),
          t('report.methodology.capNO_TEAM_WHERE_NEEDED', {
            stage: f.stage(model.caps.noTeamWhereNeededMaxStage),
          }),
        ],
      },
      {
        kind: 'paragraph',
        text: `${t('report.methodology.rounding')} ${t('report.methodology.source')}`,
        muted: true,
      },
    ],
  };
}

/** A multiplier such as 2 or 1.5, in the language's notation. */
function formatPlain(f: Formats, value: number): string {
  return Number.isInteger(value) ? String(value) : f.score(value);
}
