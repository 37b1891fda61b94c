import { FAILURE_FACTORS, RESPONSIBILITIES } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import {
  ALWAYS_APPLICABLE,
  byAgency,
  byDepartment,
  initiative,
  inputs,
  member,
  type InputOverrides,
} from './scoring.fixtures';
import type { FindingResult } from './types';

const model = SOCIAL_MATURITY_V1;

/** Everything covered, so only the finding under test fires. */
const quiet = (overrides: InputOverrides = {}): InputOverrides => ({
  members: [member('MARKETING')],
  responsibilities: ALWAYS_APPLICABLE.map((r) => byDepartment(r)),
  initiatives: [initiative({ kpis: [{ name: 'leads', kind: 'BUSINESS' }] })],
  ...overrides,
});
const findingsOf = (overrides: InputOverrides): FindingResult[] =>
  score(inputs(quiet(overrides)), model).findings;
const codesOf = (overrides: InputOverrides) => findingsOf(overrides).map((finding) => finding.code);

describe('findings', () => {
  it('raises nothing for the quiet baseline', () => {
    expect(codesOf({})).toEqual([]);
  });

  describe('team', () => {
    it('NO_TEAM_WHERE_NEEDED: CRITICAL when a needed team has no in-house member', () => {
      expect(
        findingsOf({ profile: { employeeCount: 250 }, members: [member('PR', { external: true })] }),
      ).toEqual([
        expect.objectContaining({
          code: 'NO_TEAM_WHERE_NEEDED',
          severity: 'CRITICAL',
          dimension: 'TEAM_COMPOSITION',
          responsibility: null,
          failureFactor: null,
        }),
      ]);
    });

    it('TEAM_OPTIONAL: INFO when there is no in-house member and no team is needed', () => {
      expect(findingsOf({ profile: { employeeCount: 249 }, members: [] })).toEqual([
        expect.objectContaining({ code: 'TEAM_OPTIONAL', severity: 'INFO', dimension: 'TEAM_COMPOSITION' }),
      ]);
    });

    it('MARKETING_ONLY_TEAM: MEDIUM when all in-house members are from Marketing in a 3+ department organisation', () => {
      const three = { departments: ['MARKETING', 'PR', 'HR'] } as const;
      expect(
        findingsOf({
          profile: { departments: [...three.departments] },
          members: [member('MARKETING'), member('MARKETING'), member('IT', { external: true })],
        }),
      ).toEqual([
        expect.objectContaining({
          code: 'MARKETING_ONLY_TEAM',
          severity: 'MEDIUM',
          dimension: 'TEAM_COMPOSITION',
        }),
      ]);
      expect(
        codesOf({ profile: { departments: ['MARKETING', 'PR'] }, members: [member('MARKETING')] }),
      ).toEqual([]);
      expect(
        codesOf({
          profile: { departments: [...three.departments] },
          members: [member('MARKETING'), member('PR')],
        }),
      ).toEqual([]);
    });
  });

  describe('SALES_NOT_INVOLVED', () => {
    const uninvolved = (market: 'B2B' | 'B2C' | 'MIXED') =>
      findingsOf({ profile: { market, departments: ['MARKETING', 'SALES'] } });

    it.each([
      ['B2B', 'HIGH'],
      ['B2C', 'MEDIUM'],
      ['MIXED', 'MEDIUM'],
    ] as const)('in %s is %s', (market, severity) => {
      expect(uninvolved(market)).toEqual([
        expect.objectContaining({ code: 'SALES_NOT_INVOLVED', severity, dimension: 'SALES_INVOLVEMENT' }),
      ]);
    });

    it('does not fire when Sales scores 60 or when there is no SALES department', () => {
      expect(
        codesOf({ profile: { departments: ['MARKETING', 'SALES'] }, members: [member('SALES')] }),
      ).toEqual([]);
      expect(codesOf({ profile: { departments: ['MARKETING'], market: 'B2B' } })).toEqual([]);
    });
  });

  describe('outsourcing', () => {
    it('FULLY_OUTSOURCED: HIGH when s = 1', () => {
      const found = findingsOf({
        responsibilities: ALWAYS_APPLICABLE.filter((r) => r !== 'REPUTATION_MANAGEMENT').map(byAgency),
        initiatives: [initiative({ outsourcing: 'FULL', kpis: [{ name: 'leads', kind: 'BUSINESS' }] })],
      });
      // REPUTATION_MANAGEMENT is left uncovered, so the other 7 are all agency: s = 8 / 8
      expect(found.map((f) => [f.code, f.severity, f.dimension])).toEqual([
        ['FULLY_OUTSOURCED', 'HIGH', 'OUTSOURCING'],
        ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'RESPONSIBILITY_COVERAGE'],
      ]);
    });

    it('FULLY_OUTSOURCED does not fire just below s = 1 (one live PARTIAL initiative: 8.5 / 9)', () => {
      expect(
        codesOf({
          responsibilities: ALWAYS_APPLICABLE.map(byAgency),
          initiatives: [initiative({ outsourcing: 'PARTIAL', kpis: [{ name: 'leads', kind: 'BUSINESS' }] })],
        }),
      ).toEqual(['REPUTATION_OUTSOURCED']);
    });

    it('REPUTATION_OUTSOURCED: MEDIUM when the agency owns reputation management', () => {
      const responsibilities = ALWAYS_APPLICABLE.map((r) =>
        r === 'REPUTATION_MANAGEMENT' ? byAgency(r) : byDepartment(r),
      );
      expect(findingsOf({ responsibilities })).toEqual([
        expect.objectContaining({
          code: 'REPUTATION_OUTSOURCED',
          severity: 'MEDIUM',
          dimension: 'OUTSOURCING',
        }),
      ]);
    });
  });

  describe('measurement', () => {
    it('NO_KPIS: MEDIUM when there is no live initiative', () => {
      expect(findingsOf({ initiatives: [] })).toEqual([
        expect.objectContaining({ code: 'NO_KPIS', severity: 'MEDIUM', dimension: 'MEASUREMENT' }),
      ]);
    });

    it('NO_KPIS: when live initiatives carry no KPI, even if a stopped one does', () => {
      expect(
        codesOf({
          initiatives: [
            initiative(),
            initiative({ status: 'STOPPED', kpis: [{ name: 'x', kind: 'BUSINESS' }] }),
          ],
        }),
      ).toEqual(['NO_KPIS']);
    });

    it('VANITY_METRICS_ONLY: HIGH when every live KPI is VANITY', () => {
      const vanity = { name: 'followers', kind: 'VANITY' } as const;
      expect(findingsOf({ initiatives: [initiative({ kpis: [vanity, vanity] }), initiative()] })).toEqual([
        expect.objectContaining({ code: 'VANITY_METRICS_ONLY', severity: 'HIGH', dimension: 'MEASUREMENT' }),
      ]);
      expect(
        codesOf({ initiatives: [initiative({ kpis: [vanity, { name: 'replies', kind: 'ENGAGEMENT' }] })] }),
      ).toEqual([]);
    });
  });

  describe('LOW_SATISFACTION', () => {
    it('fires (MEDIUM) below 50: overall 2 -> 25', () => {
      expect(findingsOf({ answers: { overallSatisfaction: 2 } })).toEqual([
        expect.objectContaining({ code: 'LOW_SATISFACTION', severity: 'MEDIUM', dimension: 'SATISFACTION' }),
      ]);
    });

    it('does not fire at exactly 50', () => {
      expect(codesOf({ answers: { overallSatisfaction: 3 } })).toEqual([]);
    });

    it('fires at 43.75 after the blend: 0.5 * 50 + 0.5 * (mean(2, 3) - 1) / 4 * 100 = 25 + 18.75', () => {
      const business = [{ name: 'leads', kind: 'BUSINESS' as const }];
      expect(
        codesOf({
          answers: { overallSatisfaction: 3 },
          initiatives: [initiative({ satisfaction: 2, kpis: business }), initiative({ satisfaction: 3 })],
        }),
      ).toEqual(['LOW_SATISFACTION']);
    });
  });

  describe('UNCOVERED_RESPONSIBILITY', () => {
    it('fires once per unowned applicable responsibility, in contract order, with the responsibility set', () => {
      const found = findingsOf({
        responsibilities: [byDepartment('CONTENT_MARKETING'), byDepartment('TOOLING')],
      });
      expect(found.map((f) => f.responsibility)).toEqual([
        'CHANNEL_MANAGEMENT',
        'AUDIENCE_ENGAGEMENT',
        'REPUTATION_MANAGEMENT',
        'INTERNAL_REPORTING',
        'POLICY_ROLE_MODEL',
        'KNOWLEDGE_SHARING',
      ]);
      expect(found[0]).toEqual({
        code: 'UNCOVERED_RESPONSIBILITY',
        severity: 'MEDIUM',
        dimension: 'RESPONSIBILITY_COVERAGE',
        responsibility: 'CHANNEL_MANAGEMENT',
        failureFactor: null,
      });
    });

    it('includes COMMUNITY_MANAGEMENT only when communities apply', () => {
      expect(codesOf({ answers: { communityApplicable: false } })).toEqual([]);
      expect(findingsOf({ answers: { communityApplicable: true } }).map((f) => f.responsibility)).toEqual([
        'COMMUNITY_MANAGEMENT',
      ]);
    });
  });

  describe('governance', () => {
    it.each([
      ['NO_POLICY', 'MEDIUM', { hasPolicy: false }],
      ['NO_CRISIS_PLAN', 'HIGH', { hasCrisisPlan: false }],
      ['NO_MONITORING', 'MEDIUM', { hasMonitoring: false }],
      ['WEAK_MANAGEMENT_SUPPORT', 'MEDIUM', { managementSupport: 2 }],
    ] as const)('%s is %s', (code, severity, answers) => {
      expect(findingsOf({ answers })).toEqual([
        expect.objectContaining({ code, severity, dimension: 'GOVERNANCE' }),
      ]);
    });

    it('WEAK_MANAGEMENT_SUPPORT fires at 1 and 2, not at 3', () => {
      expect(codesOf({ answers: { managementSupport: 1 } })).toEqual(['WEAK_MANAGEMENT_SUPPORT']);
      expect(codesOf({ answers: { managementSupport: 3 } })).toEqual([]);
    });
  });

  describe('RECURRING_FAILURE_FACTOR', () => {
    it('fires (LOW, no dimension) per factor named by 2+ initiatives, stopped ones included', () => {
      const found = findingsOf({
        initiatives: [
          initiative({
            kpis: [{ name: 'leads', kind: 'BUSINESS' }],
            failureFactors: ['NO_SKILLS', 'NO_STRATEGY'],
          }),
          initiative({ status: 'STOPPED', failureFactors: ['NO_SKILLS', 'UNCLEAR_OWNERSHIP'] }),
          initiative({
            status: 'PLANNED',
            kpis: [{ name: 'leads', kind: 'BUSINESS' }],
            failureFactors: ['UNCLEAR_OWNERSHIP', 'NO_SKILLS'],
          }),
        ],
      });
      expect(found.map((f) => [f.code, f.severity, f.dimension, f.failureFactor])).toEqual([
        ['RECURRING_FAILURE_FACTOR', 'LOW', null, 'NO_SKILLS'],
        ['RECURRING_FAILURE_FACTOR', 'LOW', null, 'UNCLEAR_OWNERSHIP'],
      ]);
      // The count its texts need is kept as a number (the texts are made from it: src/i18n/texts.spec.ts).
      expect(found[0].values).toEqual({ count: 3 });
    });

    it('counts an initiative naming a factor twice once', () => {
      expect(
        codesOf({
          initiatives: [
            initiative({ kpis: [{ name: 'x', kind: 'BUSINESS' }], failureFactors: ['NO_TIME', 'NO_TIME'] }),
          ],
        }),
      ).toEqual([]);
    });
  });

  describe('order', () => {
    it('puts the most severe first, then follows the rule order; SALES_NOT_INVOLVED moves with its severity', () => {
      const everything = (market: 'B2B' | 'B2C'): InputOverrides => ({
        profile: { employeeCount: 250, market, departments: ['MARKETING', 'SALES', 'PR'] },
        members: [],
        responsibilities: [byAgency('REPUTATION_MANAGEMENT'), ...ALWAYS_APPLICABLE.slice(0, 2).map(byAgency)],
        initiatives: [
          initiative({
            kpis: [{ name: 'likes', kind: 'VANITY' }],
            failureFactors: ['NO_TIME'],
            outsourcing: 'FULL',
          }),
          initiative({ status: 'STOPPED', failureFactors: ['NO_TIME'] }),
        ],
        answers: {
          overallSatisfaction: 1,
          managementSupport: 1,
          hasPolicy: false,
          hasCrisisPlan: false,
          hasMonitoring: false,
        },
      });
      const uncovered = Array<string>(5).fill('UNCOVERED_RESPONSIBILITY');
      expect(codesOf(everything('B2B'))).toEqual([
        'NO_TEAM_WHERE_NEEDED',
        'SALES_NOT_INVOLVED',
        'FULLY_OUTSOURCED',
        'VANITY_METRICS_ONLY',
        'NO_CRISIS_PLAN',
        'REPUTATION_OUTSOURCED',
        'LOW_SATISFACTION',
        ...uncovered,
        'NO_POLICY',
        'NO_MONITORING',
        'WEAK_MANAGEMENT_SUPPORT',
        'RECURRING_FAILURE_FACTOR',
      ]);
      expect(codesOf(everything('B2C'))).toEqual([
        'NO_TEAM_WHERE_NEEDED',
        'FULLY_OUTSOURCED',
        'VANITY_METRICS_ONLY',
        'NO_CRISIS_PLAN',
        'SALES_NOT_INVOLVED',
        'REPUTATION_OUTSOURCED',
        'LOW_SATISFACTION',
        ...uncovered,
        'NO_POLICY',
        'NO_MONITORING',
        'WEAK_MANAGEMENT_SUPPORT',
        'RECURRING_FAILURE_FACTOR',
      ]);
    });
  });

  describe('texts', () => {
    it('fills every placeholder of every finding', () => {
      const all = score(
        inputs({
          responsibilities: [],
          answers: { communityApplicable: true },
          initiatives: FAILURE_FACTORS.map(() => initiative({ failureFactors: [...FAILURE_FACTORS] })),
        }),
        model,
      ).findings;
      expect(all.filter((f) => f.responsibility).map((f) => f.responsibility)).toEqual([...RESPONSIBILITIES]);
      expect(all.filter((f) => f.failureFactor).map((f) => f.failureFactor)).toEqual([...FAILURE_FACTORS]);
      // Only the failure factors carry numbers, and their texts need nothing else (no text is written here).
      for (const finding of all) {
        expect(finding.values === undefined).toBe(finding.code !== 'RECURRING_FAILURE_FACTOR');
        expect(Object.keys(finding)).not.toEqual(expect.arrayContaining(['message']));
      }
    });
  });
});
