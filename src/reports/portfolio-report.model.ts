import { formatDate, formatShortDate, translator, type Language } from '../i18n';
import { STAGES, type Stage } from '../scoring';
import { formats } from './assessment-report.model';
import type { ReportBlock, ReportDocument, ReportSection } from './report-document';
import { reportFilename } from './report-filename';

/** One client of the consultant, as the portfolio reads it, with its action counts. */
export interface PortfolioReportClient {
  name: string;
  stage: Stage | null;
  overallScore: number | null;
  delta: number | null;
  dueAt: Date;
  overdue: boolean;
  scoreDropAlert: boolean;
  openActions: number;
  overdueActions: number;
}

export interface PortfolioReportData {
  /** Overdue first, then by due date (the portfolio's default order). */
  clients: PortfolioReportClient[];
  generatedAt: Date;
}

/** The consultant's portfolio on a few pages: pure, data in, document out. Only the clients given appear. */
export function portfolioReport(data: PortfolioReportData, language: Language): ReportDocument {
  const t = translator(language);
  const f = formats(language, t);
  const { clients } = data;
  const date = (d: Date) => formatDate(language, d);
  const stageName = (s: Stage | null) => (s ? f.stage(s) : t('report.portfolio.notAssessed'));
  const overdue = clients.filter((c) => c.overdue);
  const drops = clients.filter((c) => c.scoreDropAlert);
  const withActions = clients.filter((c) => c.openActions > 0);
  const openActions = clients.reduce((sum, c) => sum + c.openActions, 0);
  const title = t('report.portfolio.title');
  const generatedOn = t('report.generatedOn', { date: date(data.generatedAt) });

  const sections: ReportSection[] = [];
  if (clients.length === 0) {
    sections.push({
      id: 'clients',
      title: t('report.portfolio.clients'),
      blocks: [{ kind: 'paragraph', text: t('report.portfolio.none') }],
    });
  } else {
    const counts = STAGES.map((s) => clients.filter((c) => c.stage === s).length);
    const unassessed = clients.filter((c) => c.stage === null).length;
    sections.push({
      id: 'distribution',
      title: t('report.portfolio.distribution'),
      blocks: [
        {
          kind: 'charts',
          charts: [
            {
              kind: 'bar',
              title: t('report.charts.clients'),
              note: t('report.portfolio.distributionIntro'),
              categories: [
                ...STAGES.map((s) => f.stage(s)),
                ...(unassessed > 0 ? [t('report.portfolio.notAssessed')] : []),
              ],
              values: [...counts, ...(unassessed > 0 ? [unassessed] : [])],
            },
          ],
        },
      ],
    });
    const list = (items: string[], empty: string): ReportBlock =>
      items.length > 0 ? { kind: 'bullets', items } : { kind: 'paragraph', text: empty };
    sections.push({
      id: 'overdue',
      title: t('report.portfolio.overdueTitle'),
      blocks: [
        list(
          overdue.map((c) => t('report.portfolio.overdueLine', { client: c.name, date: date(c.dueAt) })),
          t('report.portfolio.noneOverdue'),
        ),
      ],
    });
    sections.push({
      id: 'drops',
      title: t('report.portfolio.dropsTitle'),
      blocks: [
        list(
          drops.map((c) =>
            t('report.portfolio.dropLine', {
              client: c.name,
              delta: f.signed(c.delta ?? 0),
              stage: stageName(c.stage),
              score: c.overallScore === null ? '-' : f.score(c.overallScore),
            }),
          ),
          t('report.portfolio.noDrops'),
        ),
      ],
    });
    sections.push({
      id: 'actions',
      title: t('report.portfolio.actionsTitle'),
      blocks: [
        list(
          withActions.map((c) =>
            t('report.portfolio.actionsLine', {
              client: c.name,
              open: c.openActions,
              overdue: c.overdueActions,
            }),
          ),
          t('report.portfolio.noActions'),
        ),
      ],
    });
    sections.push({
      id: 'clients',
      title: t('report.portfolio.table'),
      blocks: [
        { kind: 'paragraph', text: t('report.portfolio.tableIntro'), muted: true },
        {
          kind: 'table',
          table: {
            columns: [
              { label: t('report.portfolio.client'), width: 0.3 },
              { label: t('report.portfolio.stage'), width: 0.16 },
              { label: t('report.portfolio.score'), width: 0.1, align: 'right' },
              { label: t('report.portfolio.change'), width: 0.1, align: 'right' },
              { label: t('report.portfolio.actions'), width: 0.14, align: 'right' },
              { label: t('report.portfolio.due'), width: 0.2 },
            ],
            rows: clients.map((c) => ({
              cells: [
                c.name,
                stageName(c.stage),
                c.overallScore === null ? '-' : f.score(c.overallScore),
                c.delta === null ? '' : f.signed(c.delta),
                `${c.openActions} / ${c.overdueActions}`,
                c.overdue
                  ? `${formatShortDate(language, c.dueAt)} (${t('report.actions.overdue')})`
                  : formatShortDate(language, c.dueAt),
              ],
              tone: c.overdue ? 'bad' : undefined,
            })),
          },
        },
      ],
    });
  }

  return {
    language,
    title: `${title} · ${date(data.generatedAt)}`,
    running: { left: `${title} · ${date(data.generatedAt)}`, right: t('report.portfolio.subtitle') },
    footer: { left: `${t('report.confidential')} · ${generatedOn}`, page: t('report.page') },
    cover: {
      eyebrow: title,
      heading: t('report.portfolio.subtitle'),
      subheading: generatedOn,
      facts: [
        { label: t('report.portfolio.clients'), value: String(clients.length) },
        {
          label: t('report.portfolio.overdue'),
          value: String(overdue.length),
          tone: overdue.length > 0 ? 'bad' : undefined,
        },
        {
          label: t('report.portfolio.drops'),
          value: String(drops.length),
          tone: drops.length > 0 ? 'bad' : undefined,
        },
        { label: t('report.portfolio.openActions'), value: String(openActions) },
      ],
    },
    sections,
    filename: reportFilename('portfolio', data.generatedAt.toISOString().slice(0, 10)),
  };
}
