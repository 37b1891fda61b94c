import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { download, problemOf } from '../api/client';
import { PortfolioDocument } from '../api/documents';
import type { PortfolioSort, Stage } from '../gql/graphql';
import { PORTFOLIO_SORTS, STAGES } from '../enums';
import { useFormat } from '../i18n/format';
import { Field, Loading, ProblemBanner, Section } from '../components/ui';
import { ReportButtons } from '../components/ReportButtons';

const PAGE = 25;

/** A consultant's clients, sorted, filtered and paged by the server (portfolio's sort, filter, entries). */
export function PortfolioPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [sort, setSort] = useState<PortfolioSort>('OVERDUE_FIRST');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [alertsOnly, setAlertsOnly] = useState(false);
  const [stage, setStage] = useState<Stage | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const filter = { overdueOnly: overdueOnly || null, alertsOnly: alertsOnly || null, stages: stage ? [stage] : null };
  const [{ data, error, fetching }] = useQuery({ query: PortfolioDocument, variables: { sort, filter, first: PAGE, after } });
  const [exportProblem, setExportProblem] = useState(false);
  const restart = () => setCursors([null]);
  const date = (iso: string | null | undefined) => (iso ? format.shortDate(iso) : '–');
  // A campaign's closing day in the reader's time zone ("12 Dec"): the closing time is an instant, not a date.
  const day = (iso: string) => format.dayMonth(iso);
  const p = data?.portfolio;

  return (
    <div id="portfolio">
      <div className="page-head">
        <h1>{t('portfolio.title')}</h1>
        <ReportButtons tenantId={null} files={[{ id: 'report-portfolio', path: '/reports/portfolio.pdf', label: t('reports.portfolioPdf'), fileName: 'portfolio-report.pdf' }]} />
      </div>
      {p && (
        <div className="tiles">
          <div className="tile">
            <span className="tile-value" id="portfolio-total">{format.integer(p.totalCount)}</span>
            <span className="tile-label">{t('portfolio.clients', { count: p.totalCount })}</span>
          </div>
          <div className={`tile${p.overdueCount ? ' alert' : ''}`}>
            <span className="tile-value" id="portfolio-overdue">{format.integer(p.overdueCount)}</span>
            <span className="tile-label">{t('portfolio.overdue')}</span>
          </div>
          <div className={`tile${p.alertCount ? ' alert' : ''}`}>
            <span className="tile-value" id="portfolio-alerts">{format.integer(p.alertCount)}</span>
            <span className="tile-label">{t('portfolio.alerts', { count: p.alertCount })}</span>
          </div>
        </div>
      )}
      <Section
        title={t('portfolio.clientsTitle')}
        actions={
          <button
            type="button"
            id="export-portfolio"
            className="button-quiet"
            onClick={() => {
              setExportProblem(false);
              download('/exports/portfolio.csv', null, 'portfolio.csv').catch(() => setExportProblem(true));
            }}
          >
            {t('exports.portfolioCsv')}
          </button>
        }
      >
        {exportProblem && <p className="banner banner-error" role="alert">{t('exports.failed')}</p>}
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('portfolio.filters')}>
          <Field label={t('portfolio.sort')}>
            {(a) => (
              <select {...a} name="portfolio-sort" value={sort} onChange={(e) => (setSort(e.target.value as PortfolioSort), restart())}>
                {PORTFOLIO_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`enum.PortfolioSort.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('portfolio.stage')}>
            {(a) => (
              <select {...a} name="portfolio-stage" value={stage} onChange={(e) => (setStage(e.target.value as Stage | ''), restart())}>
                <option value="">{t('portfolio.anyStage')}</option>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {t(`enum.Stage.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" id="portfolio-overdue-only" checked={overdueOnly} onChange={(e) => (setOverdueOnly(e.target.checked), restart())} />
            {t('portfolio.overdueOnly')}
          </label>
          <label className="check">
            <input type="checkbox" id="portfolio-alerts-only" checked={alertsOnly} onChange={(e) => (setAlertsOnly(e.target.checked), restart())} />
            {t('portfolio.alertsOnly')}
          </label>
        </form>
        <ProblemBanner problem={problemOf(error)} />
        {!p && fetching && <Loading />}
        {p && p.totalCount === 0 && <p className="empty">{t('portfolio.empty')}</p>}
        {p && p.totalCount > 0 && p.entries.length === 0 && <p className="empty">{t('portfolio.noMatch')}</p>}
        {p && p.entries.length > 0 && (
          <div className="table-wrap">
            <table id="portfolio-table" className="portfolio-table">
              <caption className="sr-only">{t('portfolio.clientsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('portfolio.client')}</th>
                  <th scope="col">{t('portfolio.score')}</th>
                  <th scope="col">{t('portfolio.stage')}</th>
                  <th scope="col">{t('portfolio.change')}</th>
                  <th scope="col">{t('portfolio.weakest')}</th>
                  <th scope="col">{t('portfolio.due')}</th>
                  <th scope="col">{t('portfolio.campaign')}</th>
                  <th scope="col">{t('portfolio.status')}</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e) => (
                  <tr key={e.tenant.id} data-tenant={e.tenant.id} onClick={() => void navigate(`/t/${e.tenant.id}`)}>
                    <th scope="row" data-label={t('portfolio.client')}>
                      <Link to={`/t/${e.tenant.id}`}>{e.tenant.name}</Link>
                    </th>
                    <td data-label={t('portfolio.score')} className="num">{e.overallScore != null ? format.decimal(e.overallScore) : '–'}</td>
                    <td data-label={t('portfolio.stage')}>{e.stage ? t(`enum.Stage.${e.stage}`) : t('portfolio.notAssessed')}</td>
                    <td data-label={t('portfolio.change')} className={`num ${e.delta != null && e.delta < 0 ? 'down' : ''}`}>{e.delta != null ? format.signed(e.delta) : '–'}</td>
                    <td data-label={t('portfolio.weakest')}>{e.weakestDimension ? t(`enum.Dimension.${e.weakestDimension}`) : '–'}</td>
                    <td data-label={t('portfolio.due')}>{date(e.dueAt)}</td>
                    <td data-label={t('portfolio.campaign')} className="portfolio-campaign">
                      {e.openCampaign ? (
                        <Link
                          to={`/t/${e.tenant.id}/campaigns`}
                          className="badge badge-campaign"
                          data-campaign={e.openCampaign.id}
                          onClick={(click) => click.stopPropagation()}
                        >
                          {t('portfolio.campaignOpen', {
                            responses: e.openCampaign.responseCount,
                            invited: e.openCampaign.invitedCount,
                            closesAt: day(e.openCampaign.closesAt),
                          })}
                        </Link>
                      ) : (
                        <span className="muted">{t('portfolio.noCampaign')}</span>
                      )}
                    </td>
                    <td data-label={t('portfolio.status')}>
                      {e.overdue && <span className="badge badge-overdue">{t('portfolio.badgeOverdue')}</span>}
                      {e.scoreDropAlert && <span className="badge badge-drop">{t('portfolio.badgeDrop')}</span>}
                      {!e.overdue && !e.scoreDropAlert && <span className="badge badge-ok">{t('portfolio.badgeOnTrack')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {p && (cursors.length > 1 || p.pageInfo.hasNextPage) && (
          <nav className="pager" aria-label={t('portfolio.pages')}>
            <button type="button" className="button-quiet" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('portfolio.previousPage')}
            </button>
            <span>{t('portfolio.page', { n: cursors.length })}</span>
            <button type="button" className="button-quiet" disabled={!p.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, p.pageInfo.endCursor ?? null])}>
              {t('portfolio.nextPage')}
            </button>
          </nav>
        )}
      </Section>
    </div>
  );
}
