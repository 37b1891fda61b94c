import { CATALOGUES, findingTexts } from '../i18n';
import { CURRENT_MODEL_VERSION, getScoringModel, score, stageOutlook } from '../scoring';
import { inputs } from '../scoring/scoring.fixtures';
import { assessmentReport, type AssessmentReportData } from './assessment-report.model';
import { portfolioReport } from './portfolio-report.model';
import type { ReportBlock, ReportDocument } from './report-document';
import { reportFilename } from './report-filename';

const MODEL = getScoringModel(CURRENT_MODEL_VERSION);

function data(overrides: Partial<AssessmentReportData> = {}): AssessmentReportData {
  const result = score(
    inputs({
      profile: {
        employeeCount: 300,
        departments: ['MARKETING', 'SALES', 'PR'],
        culture: 'HIERARCHICAL',
        market: 'B2B',
      },
    }),
    MODEL,
  );
  const findings = result.findings.map((f) => ({ ...f, ...findingTexts('en', f) }));
  const assessment = { id: 'a', period: '2026-Q1', ...result, findings };
  return {
    organisation: 'Brouwerij De Hiërarchie',
    assessment,
    previous: {
      period: '2025-Q4',
      overallScore: result.overallScore - 4.26,
      stage: result.stage,
      dimensions: result.dimensions,
    },
    history: [
      { period: '2025-Q4', overallScore: result.overallScore - 4.26 },
      { period: '2026-Q1', overallScore: result.overallScore },
    ],
    outlook: stageOutlook(result, MODEL),
    roadmap: {
      basedOnPeriod: '2026-Q1',
      targetStage: 'FORMALIZED',
      reachesTarget: false,
      steps: [
        {
          description: 'Bring a Sales colleague into the social media team.',
          overallScore: 40,
          stage: 'ENGAGEMENT',
        },
      ],
    },
    targetDueAt: null,
    actions: [],
    campaign: null,
    benchmark: {
      sizeBand: '250-999',
      source: 'SURVEY_2012',
      minimumPeers: 10,
      peerCount: 0,
      ownScore: result.overallScore,
      quarter: null,
      release: null,
      survey: {
        year: 2012,
        respondents: 2714,
        satisfaction: { highlySatisfied: 5, satisfied: 26, somewhat: 42 },
        setUp: { dedicatedTeam: 27, onTopOfOtherDuties: 65 },
        measured: { followersLikes: 86, sales: 31 },
        managementSupport: { verySupportive: 38 },
      },
    },
    model: MODEL,
    generatedAt: new Date('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

function texts(report: ReportDocument): string {
  const of = (block: ReportBlock): string[] => {
    switch (block.kind) {
      case 'summary':
        return block.sentences;
      case 'paragraph':
      case 'subheading':
      case 'marker':
        return [block.text];
      case 'bullets':
        return block.items;
      case 'facts':
        return block.facts.flatMap((f) => [f.label, f.value, f.detail ?? '']);
      case 'table':
        return [...block.table.columns.map((c) => c.label), ...block.table.rows.flatMap((r) => r.cells)];
      case 'findings':
        return block.groups.flatMap((g) => [
          g.label,
          ...g.items.flatMap((i) => [i.message, i.recommendation]),
        ]);
      case 'charts':
        return block.charts.flatMap((c) => [c.title, c.note]);
    }
  };
  return [report.title, ...report.sections.flatMap((s) => [s.title, ...s.blocks.flatMap(of)])].join('\n');
}

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the executive report model', () => {
  it('summarises in three sentences: stage and change, what holds it back, the first roadmap step', () => {
    const report = assessmentReport(data(), 'en');
    const summary = report.sections[0].blocks[0];
    expect(summary.kind).toBe('summary');
    const sentences = (summary as { sentences: string[] }).sentences;
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(
      /^Brouwerij De Hiërarchie is at the \w+ stage in 2026-Q1, with an overall score of [\d.]+ out of 100: 4\.3 points up on 2025-Q4\.$/,
    );
    expect(sentences[2]).toBe(
      'The first step toward Formalized: bring a Sales colleague into the social media team.',
    );
  });

  it('names the cap that holds the stage back when one does', () => {
    const base = data();
    const capped = data({
      outlook: { ...base.outlook, nextStage: 'ENGAGEMENT', blockingCaps: ['NO_TEAM_WHERE_NEEDED'] },
    });
    const [, second] = (assessmentReport(capped, 'nl').sections[0].blocks[0] as { sentences: string[] })
      .sentences;
    expect(second).toBe(
      'Het ontbrekende team remt de groei: een organisatie van deze omvang en cultuur komt niet verder dan In gesprek zonder een eigen Social Media team.',
    );
  });

  it('writes every label in Dutch, numbers the Dutch way, and the same sections in both languages', () => {
    const en = assessmentReport(data(), 'en');
    const nl = assessmentReport(data(), 'nl');
    expect(nl.sections.map((s) => s.id)).toEqual(en.sections.map((s) => s.id));
    expect(nl.sections.map((s) => s.title)).toEqual([
      'Samenvatting',
      'De dimensies',
      'Bevindingen en aanbevelingen',
      'Routekaart naar Geformaliseerd',
      'Actieplan',
      'Vergelijking met anderen',
      'Werkwijze',
    ]);
    expect(texts(nl)).toContain('4,3 punten hoger dan in 2025-Q4');
    expect(texts(nl)).toContain('Cijfers uit het onderzoek van 2012, geen vergelijkingsgroep');
    expect(nl.footer.page).toBe('Pagina {page} van {pages}');
    // No key shows as itself: every key the report uses exists.
    expect(texts(en)).not.toMatch(/report\.|enum\./);
    expect(texts(nl)).not.toMatch(/report\.|enum\./);
  });

  it('shows the campaign section only for an assessment from a campaign, with its contested items', () => {
    expect(assessmentReport(data(), 'en').sections.map((s) => s.id)).not.toContain('campaign');
    const report = assessmentReport(
      data({
        campaign: {
          invitedCount: 8,
          responseCount: 5,
          minResponses: 3,
          items: [
            { item: 'HAS_POLICY', value: 'false', disagreement: 0.8, contested: true, responses: 5 },
            {
              item: 'OVERALL_SATISFACTION',
              value: '3.5',
              disagreement: 0.25,
              contested: false,
              responses: 5,
            },
          ],
        },
      }),
      'nl',
    );
    const campaign = report.sections.find((s) => s.id === 'campaign')!;
    const text = texts({ ...report, sections: [campaign] });
    expect(text).toContain('5 van de 8 uitgenodigde respondenten hebben gereageerd (63%)');
    expect(text).toContain('Er is een social-mediabeleid\nnee\n0,80\n5');
    expect(text).not.toContain('Tevredenheid over de resultaten');
  });

  it('places the score against the release when there is one, never a per-request percentile', () => {
    const base = data();
    const report = assessmentReport(
      data({
        benchmark: {
          ...base.benchmark,
          source: 'RELEASE',
          peerCount: 15,
          quarter: 2,
          ownScore: 41.26,
          survey: null,
          release: { p25: 30, p50: 45.5, p75: 60, releasedAt: new Date('2026-03-02T06:00:00Z'), epsilon: 1 },
        },
      }),
      'en',
    );
    const text = texts(report);
    expect(text).toContain('the overall score of 41.3 falls in quarter 2 of 4');
    expect(text).toContain('Release of 2 March 2026, over 15 or more eligible peers');
    expect(text).not.toContain('Survey figures');
  });

  it('names its file after the organisation and the period, in ASCII', () => {
    expect(reportFilename('Brouwerij De Hiërarchie', '2026-Q1')).toBe(
      'brouwerij-de-hierarchie-2026-q1-report.pdf',
    );
    expect(reportFilename('<script>', null)).toBe('script-report.pdf');
    expect(reportFilename('???', '2026')).toBe('organisation-2026-report.pdf');
  });

  it('has every report key in both catalogues, with the same placeholders', () => {
    const en = keys((CATALOGUES.en as { report: Record<string, unknown> }).report);
    const nl = keys((CATALOGUES.nl as { report: Record<string, unknown> }).report);
    expect(nl.sort()).toEqual(en.sort());
    const at = (tree: Record<string, unknown>, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of en) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, nl: placeholders(at(CATALOGUES.nl.report as Record<string, unknown>, key)) }).toEqual({
        key,
        nl: placeholders(at(CATALOGUES.en.report as Record<string, unknown>, key)),
      });
    }
  });
});

describe('the portfolio report model', () => {
  it('counts the clients given, and nothing else: stage distribution, overdue, drops, open actions', () => {
    const report = portfolioReport(
      {
        generatedAt: new Date('2026-03-02T10:00:00Z'),
        clients: [
          {
            name: 'Klant Één',
            stage: 'PRESENCE',
            overallScore: 25,
            delta: -12,
            dueAt: new Date('2026-01-01T00:00:00Z'),
            overdue: true,
            scoreDropAlert: true,
            openActions: 3,
            overdueActions: 1,
          },
          {
            name: 'Bakkerij Müller',
            stage: null,
            overallScore: null,
            delta: null,
            dueAt: new Date('2026-05-01T00:00:00Z'),
            overdue: false,
            scoreDropAlert: false,
            openActions: 0,
            overdueActions: 0,
          },
        ],
      },
      'nl',
    );
    expect(report.cover.facts.map((f) => [f.label, f.value])).toEqual([
      ['Klanten', '2'],
      ['Te laat', '1'],
      ['Scoredalingen', '1'],
      ['Open acties', '3'],
    ]);
    const chart = report.sections[0].blocks[0];
    expect(chart.kind === 'charts' && chart.charts[0].kind === 'bar' ? chart.charts[0].values : null).toEqual(
      [0, 1, 0, 0, 0, 0, 1],
    );
    const text = texts(report);
    expect(text).toContain('Klant Één: -12,0 punten, nu Aanwezig (25,0)');
    expect(text).toContain('Klant Één: 3 open, waarvan 1 over de streefdatum');
    expect(text).not.toContain('Bakkerij Müller: 0 open');
  });
});
