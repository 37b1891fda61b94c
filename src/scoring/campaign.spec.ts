import { aggregateResponses, campaignFindings, departmentBreakdown, type CampaignResponse } from './campaign';
import { CAMPAIGN_RULES } from './campaign-domain';
import type { Department } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import { answersFixture, findingCodes, inputs, scoreOf } from './scoring.fixtures';
import type { AssessmentAnswers } from './types';

const model = SOCIAL_MATURITY_V1;

const response = (
  answers: Partial<AssessmentAnswers> = {},
  department: Department = 'MARKETING',
  external = false,
): CampaignResponse => ({ answers: answersFixture(answers), department, external });

const itemOf = (responses: CampaignResponse[], item: string) => {
  const found = aggregateResponses(responses).items.find((aggregate) => aggregate.item === item);
  if (!found) throw new Error(`item ${item} missing`);
  return found;
};

/**
 * Issue 16's "Done when": 5 invited, 4 respond (the one who answered twice counts once, with the last answer), a
 * tie on a yes/no item (hasCrisisPlan 2-2) and an even count on the 1-5 items. Worked out by hand:
 * overallSatisfaction 2,3,4,5 -> (3+4)/2 = 3.5, disagreement (5-2)/4 = 0.75, contested;
 * managementSupport 2,3,4,4 -> 3.5, 2/4 = 0.5, contested (the boundary);
 * hasPolicy yes 3 of 4 -> true, 2*1/4 = 0.5, contested;
 * policyRoleModel 4,4,4,5 -> 4, 1/4 = 0.25, not contested;
 * hasCrisisPlan yes 2 of 4 -> a tie is no: false, 2*2/4 = 1, contested;
 * hasMonitoring all no -> false, 0; communityApplicable all no -> false, 0;
 * reportingCadence NONE, QUARTERLY, MONTHLY, WEEKLY -> ranks 0,2,3,4, index floor(3/2) = 1: QUARTERLY, 4/4 = 1.
 */
const doneWhen: CampaignResponse[] = [
  response(
    {
      overallSatisfaction: 3,
      managementSupport: 2,
      hasPolicy: true,
      policyRoleModel: 4,
      hasCrisisPlan: true,
      hasMonitoring: false,
      reportingCadence: 'MONTHLY',
      communityApplicable: false,
    },
    'MARKETING',
  ),
  response(
    {
      overallSatisfaction: 4,
      managementSupport: 4,
      hasPolicy: true,
      policyRoleModel: 4,
      hasCrisisPlan: false,
      hasMonitoring: false,
      reportingCadence: 'NONE',
      communityApplicable: false,
    },
    'SALES',
  ),
  response(
    {
      overallSatisfaction: 2,
      managementSupport: 4,
      hasPolicy: false,
      policyRoleModel: 5,
      hasCrisisPlan: true,
      hasMonitoring: false,
      reportingCadence: 'WEEKLY',
      communityApplicable: false,
    },
    'MARKETING',
  ),
  response(
    {
      overallSatisfaction: 5,
      managementSupport: 3,
      hasPolicy: true,
      policyRoleModel: 4,
      hasCrisisPlan: false,
      hasMonitoring: false,
      reportingCadence: 'QUARTERLY',
      communityApplicable: false,
    },
    'IT',
    true,
  ),
];

describe('campaign aggregation', () => {
  describe("issue 16's worked example (5 invited, 4 respond, a yes/no tie, even counts)", () => {
    const aggregate = aggregateResponses(doneWhen);

    it('aggregates every item as worked out by hand', () => {
      expect(aggregate.responses).toBe(4);
      expect(
        aggregate.items.map(({ item, value, disagreement, contested, responses }) => ({
          item,
          value,
          disagreement,
          contested,
          responses,
        })),
      ).toEqual([
        { item: 'OVERALL_SATISFACTION', value: '3.5', disagreement: 0.75, contested: true, responses: 4 },
        { item: 'MANAGEMENT_SUPPORT', value: '3.5', disagreement: 0.5, contested: true, responses: 4 },
        { item: 'HAS_POLICY', value: 'true', disagreement: 0.5, contested: true, responses: 4 },
        { item: 'POLICY_ROLE_MODEL', value: '4', disagreement: 0.25, contested: false, responses: 4 },
        { item: 'HAS_CRISIS_PLAN', value: 'false', disagreement: 1, contested: true, responses: 4 },
        { item: 'HAS_MONITORING', value: 'false', disagreement: 0, contested: false, responses: 4 },
        { item: 'REPORTING_CADENCE', value: 'QUARTERLY', disagreement: 1, contested: true, responses: 4 },
        { item: 'COMMUNITY_APPLICABLE', value: 'false', disagreement: 0, contested: false, responses: 4 },
      ]);
    });

    it('gives the aggregated answers to score, 3.5 included', () => {
      expect(aggregate.answers).toEqual({
        overallSatisfaction: 3.5,
        managementSupport: 3.5,
        hasPolicy: true,
        policyRoleModel: 4,
        hasCrisisPlan: false,
        hasMonitoring: false,
        reportingCadence: 'QUARTERLY',
        communityApplicable: false,
      });
    });

    it('gives each distribution in its fixed order, zero counts included', () => {
      const distributions = Object.fromEntries(
        aggregate.items.map(({ item, distribution }) => [item, distribution]),
      );
      expect(distributions.OVERALL_SATISFACTION).toEqual([
        { value: '1', count: 0 },
        { value: '2', count: 1 },
        { value: '3', count: 1 },
        { value: '4', count: 1 },
        { value: '5', count: 1 },
      ]);
      expect(distributions.HAS_CRISIS_PLAN).toEqual([
        { value: 'false', count: 2 },
        { value: 'true', count: 2 },
      ]);
      expect(distributions.REPORTING_CADENCE).toEqual([
        { value: 'NONE', count: 1 },
        { value: 'AD_HOC', count: 0 },
        { value: 'QUARTERLY', count: 1 },
        { value: 'MONTHLY', count: 1 },
        { value: 'WEEKLY', count: 1 },
      ]);
    });

    it('raises RESPONDENTS_DISAGREE per contested item with its dimension, and nothing else', () => {
      const findings = campaignFindings({
        items: aggregate.items,
        responses: doneWhen,
        organisationDepartments: ['MARKETING', 'SALES', 'IT', 'PR'],
        invitedCount: 5,
      });
      expect(
        findings.map(({ code, severity, dimension, item }) => ({ code, severity, dimension, item })),
      ).toEqual([
        {
          code: 'RESPONDENTS_DISAGREE',
          severity: 'MEDIUM',
          dimension: 'SATISFACTION',
          item: 'OVERALL_SATISFACTION',
        },
        { code: 'RESPONDENTS_DISAGREE', severity: 'MEDIUM', dimension: null, item: 'MANAGEMENT_SUPPORT' },
        { code: 'RESPONDENTS_DISAGREE', severity: 'MEDIUM', dimension: 'GOVERNANCE', item: 'HAS_POLICY' },
        {
          code: 'RESPONDENTS_DISAGREE',
          severity: 'MEDIUM',
          dimension: 'GOVERNANCE',
          item: 'HAS_CRISIS_PLAN',
        },
        {
          code: 'RESPONDENTS_DISAGREE',
          severity: 'MEDIUM',
          dimension: 'MEASUREMENT',
          item: 'REPORTING_CADENCE',
        },
      ]);
      expect(findings[0]).toEqual(
        expect.objectContaining({
          responsibility: null,
          failureFactor: null,
          item: 'OVERALL_SATISFACTION',
        }),
      );
    });

    it('scores the aggregate with 3.5 taken as it is', () => {
      const result = score(inputs({ answers: aggregate.answers ?? undefined }), model);
      // (3.5 - 1) / 4 * 100, no initiative ratings.
      expect(scoreOf(result, 'SATISFACTION')).toBe(62.5);
      // hasPolicy 25 + policyRoleModel 4 >= 4 25; no crisis plan, no monitoring.
      expect(scoreOf(result, 'GOVERNANCE')).toBe(50);
      expect(findingCodes(result)).toEqual(expect.arrayContaining(['NO_CRISIS_PLAN', 'NO_MONITORING']));
      // managementSupport 3.5 is not <= 2.
      expect(findingCodes(result)).not.toContain('WEAK_MANAGEMENT_SUPPORT');
    });

    it('shows no department breakdown group: MARKETING 2, SALES 1, IT 1 merge into OTHER (4)', () => {
      expect(
        departmentBreakdown(doneWhen).map(({ department, responses }) => ({ department, responses })),
      ).toEqual([{ department: 'OTHER', responses: 4 }]);
    });
  });

  describe('1-5 items', () => {
    it('takes the median of an odd count', () => {
      expect(
        itemOf(
          [1, 5, 2].map((v) => response({ overallSatisfaction: v })),
          'OVERALL_SATISFACTION',
        ).value,
      ).toBe('2');
    });

    it('takes the mean of the two middle values of an even count', () => {
      const values = [5, 1, 2, 4];
      expect(
        itemOf(
          values.map((v) => response({ policyRoleModel: v })),
          'POLICY_ROLE_MODEL',
        ).value,
      ).toBe('3');
      expect(
        itemOf(
          [2, 3].map((v) => response({ managementSupport: v })),
          'MANAGEMENT_SUPPORT',
        ).value,
      ).toBe('2.5');
    });

    it('measures disagreement as (max - min) / 4', () => {
      expect(
        itemOf(
          [1, 5].map((v) => response({ overallSatisfaction: v })),
          'OVERALL_SATISFACTION',
        ),
      ).toEqual(expect.objectContaining({ disagreement: 1, contested: true }));
      expect(
        itemOf(
          [2, 3, 3].map((v) => response({ overallSatisfaction: v })),
          'OVERALL_SATISFACTION',
        ),
      ).toEqual(expect.objectContaining({ disagreement: 0.25, contested: false }));
    });
  });

  describe('yes/no items', () => {
    const hasPolicy = (answers: boolean[]) =>
      itemOf(
        answers.map((v) => response({ hasPolicy: v })),
        'HAS_POLICY',
      );

    it('says yes when more than half say yes', () => {
      expect(hasPolicy([true, true, false]).value).toBe('true');
      expect(hasPolicy([true, false, false]).value).toBe('false');
    });

    it('takes a tie as no', () => {
      expect(hasPolicy([true, false]).value).toBe('false');
      expect(hasPolicy([true, true, false, false]).value).toBe('false');
    });

    it('measures disagreement as 2 x min(yes, no) / n', () => {
      expect(hasPolicy([true, false]).disagreement).toBe(1);
      expect(hasPolicy([true, true, true, false]).disagreement).toBe(0.5);
      expect(hasPolicy([true, true, true, true, false]).disagreement).toBe(0.4);
      expect(hasPolicy([true, true, true, true, false]).contested).toBe(false);
    });
  });

  describe('reportingCadence', () => {
    const cadence = (values: AssessmentAnswers['reportingCadence'][]) =>
      itemOf(
        values.map((v) => response({ reportingCadence: v })),
        'REPORTING_CADENCE',
      );

    it('takes the lower median', () => {
      expect(cadence(['WEEKLY', 'NONE']).value).toBe('NONE');
      expect(cadence(['MONTHLY', 'AD_HOC', 'WEEKLY', 'QUARTERLY']).value).toBe('QUARTERLY');
      expect(cadence(['MONTHLY', 'AD_HOC', 'WEEKLY']).value).toBe('MONTHLY');
    });

    it('measures disagreement as (highest rank - lowest rank) / 4', () => {
      expect(cadence(['AD_HOC', 'MONTHLY']).disagreement).toBe(0.5);
      expect(cadence(['AD_HOC', 'MONTHLY']).contested).toBe(true);
      expect(cadence(['QUARTERLY', 'MONTHLY', 'MONTHLY']).disagreement).toBe(0.25);
    });
  });

  it('gives one response disagreement 0 and no contested item, its answers as the aggregate', () => {
    const one = response({ overallSatisfaction: 1, hasPolicy: false, reportingCadence: 'WEEKLY' });
    const aggregate = aggregateResponses([one]);
    expect(aggregate.items.every((item) => item.disagreement === 0 && !item.contested)).toBe(true);
    expect(aggregate.answers).toEqual(one.answers);
  });

  it('is contested only from two responses', () => {
    // With a threshold of 0 every item would be contested, but not with a single response.
    const aggregate = aggregateResponses([response()], { ...CAMPAIGN_RULES, contestedFrom: 0 });
    expect(aggregate.items.some((item) => item.contested)).toBe(false);
  });

  it('gives no items and no answers without responses', () => {
    expect(aggregateResponses([])).toEqual({ responses: 0, items: [], answers: null });
  });
});

describe('campaign findings', () => {
  const codes = (
    responses: Pick<CampaignResponse, 'department'>[],
    organisationDepartments: Department[],
    invitedCount: number,
  ) =>
    campaignFindings({ items: [], responses, organisationDepartments, invitedCount }).map(
      (finding) => finding.code,
    );
  const from = (...departments: Department[]) => departments.map((department) => ({ department }));

  it('SALES_NOT_HEARD: LOW when SALES is a department and no response comes from SALES', () => {
    expect(codes(from('MARKETING', 'PR'), ['MARKETING', 'SALES'], 2)).toEqual(['SALES_NOT_HEARD']);
    expect(codes(from('MARKETING', 'SALES'), ['MARKETING', 'SALES'], 2)).toEqual([]);
    expect(codes(from('MARKETING', 'PR'), ['MARKETING', 'PR'], 2)).toEqual([]);
    expect(
      campaignFindings({
        items: [],
        responses: from('MARKETING', 'PR'),
        organisationDepartments: ['MARKETING', 'SALES'],
        invitedCount: 2,
      }),
    ).toEqual([
      {
        code: 'SALES_NOT_HEARD',
        severity: 'LOW',
        dimension: null,
        item: null,
        responsibility: null,
        failureFactor: null,
      },
    ]);
  });

  it('SINGLE_DEPARTMENT_VIEW: LOW when every response comes from one department of 3 or more', () => {
    expect(codes(from('PR', 'PR', 'PR'), ['MARKETING', 'PR', 'HR'], 3)).toEqual(['SINGLE_DEPARTMENT_VIEW']);
    expect(codes(from('PR', 'PR', 'PR'), ['MARKETING', 'PR'], 3)).toEqual([]);
    expect(codes(from('PR', 'PR', 'HR'), ['MARKETING', 'PR', 'HR'], 3)).toEqual([]);
    expect(codes([], ['MARKETING', 'PR', 'HR'], 0)).toEqual([]);
  });

  it('LOW_RESPONSE_RATE: LOW when fewer than half of the invited answered', () => {
    const departments: Department[] = ['MARKETING'];
    expect(codes(from('MARKETING', 'MARKETING'), departments, 5)).toEqual(['LOW_RESPONSE_RATE']);
    expect(codes(from('MARKETING', 'MARKETING'), departments, 4)).toEqual([]);
    expect(codes(from('MARKETING', 'MARKETING', 'MARKETING'), departments, 5)).toEqual([]);
    expect(codes([], departments, 0)).toEqual([]);
    const [finding] = campaignFindings({
      items: [],
      responses: from('MARKETING'),
      organisationDepartments: departments,
      invitedCount: 3,
    });
    // The numbers its texts need ("Only 1 of the 3 invited respondents answered"), kept as numbers.
    expect(finding.values).toEqual({ responses: 1, invited: 3 });
  });

  it('orders findings by severity, then rule order, then item', () => {
    const contested = aggregateResponses([
      response({ hasMonitoring: true, overallSatisfaction: 1 }, 'PR'),
      response({ hasMonitoring: false, overallSatisfaction: 5 }, 'PR'),
    ]).items;
    const findings = campaignFindings({
      items: contested,
      responses: from('PR', 'PR'),
      organisationDepartments: ['MARKETING', 'SALES', 'PR'],
      invitedCount: 10,
    });
    expect(findings.map(({ code, item }) => [code, item])).toEqual([
      ['RESPONDENTS_DISAGREE', 'OVERALL_SATISFACTION'],
      ['RESPONDENTS_DISAGREE', 'HAS_MONITORING'],
      ['SALES_NOT_HEARD', null],
      ['SINGLE_DEPARTMENT_VIEW', null],
      ['LOW_RESPONSE_RATE', null],
    ]);
    expect(findings.filter((finding) => finding.values).map((finding) => finding.code)).toEqual(['LOW_RESPONSE_RATE']);
  });

  it('maps every item to its dimension (managementSupport: none)', () => {
    const allContested = aggregateResponses([
      response({
        overallSatisfaction: 1,
        managementSupport: 1,
        hasPolicy: false,
        policyRoleModel: 1,
        hasCrisisPlan: false,
        hasMonitoring: false,
        reportingCadence: 'NONE',
        communityApplicable: false,
      }),
      response({
        overallSatisfaction: 5,
        managementSupport: 5,
        hasPolicy: true,
        policyRoleModel: 5,
        hasCrisisPlan: true,
        hasMonitoring: true,
        reportingCadence: 'WEEKLY',
        communityApplicable: true,
      }),
    ]).items;
    const findings = campaignFindings({
      items: allContested,
      responses: from('MARKETING', 'MARKETING'),
      organisationDepartments: ['MARKETING'],
      invitedCount: 2,
    });
    expect(Object.fromEntries(findings.map((finding) => [finding.item, finding.dimension]))).toEqual({
      OVERALL_SATISFACTION: 'SATISFACTION',
      MANAGEMENT_SUPPORT: null,
      HAS_POLICY: 'GOVERNANCE',
      POLICY_ROLE_MODEL: 'GOVERNANCE',
      HAS_CRISIS_PLAN: 'GOVERNANCE',
      HAS_MONITORING: 'GOVERNANCE',
      REPORTING_CADENCE: 'MEASUREMENT',
      COMMUNITY_APPLICABLE: 'RESPONSIBILITY_COVERAGE',
    });
  });
});

describe('department breakdown', () => {
  const shape = (responses: CampaignResponse[], minGroup?: number) =>
    departmentBreakdown(responses, minGroup).map(({ department, responses: n }) => [department, n]);
  const many = (department: Department, count: number, answers: Partial<AssessmentAnswers> = {}) =>
    Array.from({ length: count }, () => response(answers, department));

  it('shows a department of 3 or more on its own, with its own aggregate', () => {
    const breakdown = departmentBreakdown([
      ...many('MARKETING', 3, { overallSatisfaction: 5 }),
      ...many('SALES', 3, { overallSatisfaction: 1 }),
    ]);
    expect(breakdown.map(({ department, responses }) => [department, responses])).toEqual([
      ['MARKETING', 3],
      ['SALES', 3],
    ]);
    expect(breakdown[0].items[0]).toEqual(
      expect.objectContaining({ item: 'OVERALL_SATISFACTION', value: '5' }),
    );
    expect(breakdown[1].items[0]).toEqual(
      expect.objectContaining({ item: 'OVERALL_SATISFACTION', value: '1' }),
    );
  });

  it('merges smaller departments into OTHER, shown when it has 3 or more', () => {
    expect(shape([...many('MARKETING', 3), ...many('PR', 2), ...many('HR', 1)])).toEqual([
      ['MARKETING', 3],
      ['OTHER', 3],
    ]);
    expect(shape([...many('PR', 2), ...many('HR', 2)])).toEqual([['OTHER', 4]]);
    expect(shape([...many('PR', 1), ...many('HR', 1)])).toEqual([]);
  });

  it('counts the OTHER department into the merged group', () => {
    expect(shape([...many('MARKETING', 3), ...many('OTHER', 2), ...many('PR', 1)])).toEqual([
      ['MARKETING', 3],
      ['OTHER', 3],
    ]);
    expect(shape([...many('OTHER', 3)])).toEqual([['OTHER', 3]]);
  });

  it('never leaves a group below 3 to be worked out from the total: the smallest department joins it', () => {
    // MARKETING 3 + SALES 1: showing MARKETING would give away the one Sales answer (total minus MARKETING).
    expect(shape([...many('MARKETING', 3), ...many('SALES', 1)])).toEqual([['OTHER', 4]]);
    // The smallest shown department joins the rest; of equal ones the last in contract order.
    expect(shape([...many('MARKETING', 4), ...many('SALES', 3), ...many('PR', 3), ...many('HR', 2)])).toEqual(
      [
        ['MARKETING', 4],
        ['SALES', 3],
        ['OTHER', 5],
      ],
    );
  });

  it('takes another minimum group size, and refuses one below 1', () => {
    expect(shape([...many('MARKETING', 2), ...many('SALES', 2)], 2)).toEqual([
      ['MARKETING', 2],
      ['SALES', 2],
    ]);
    expect(() => departmentBreakdown([], 0)).toThrow(RangeError);
  });
});

describe('non-integer answers in score()', () => {
  it('takes 3.5 as it is in formulas and thresholds', () => {
    const result = score(
      inputs({ answers: { overallSatisfaction: 3.5, policyRoleModel: 3.5, managementSupport: 2.5 } }),
      model,
    );
    expect(scoreOf(result, 'SATISFACTION')).toBe(62.5);
    // policyRoleModel 3.5 is below 4: only hasPolicy, hasCrisisPlan and hasMonitoring count.
    expect(scoreOf(result, 'GOVERNANCE')).toBe(75);
    expect(findingCodes(result)).not.toContain('WEAK_MANAGEMENT_SUPPORT');
    const weak = score(inputs({ answers: { managementSupport: 2 } }), model);
    expect(findingCodes(weak)).toContain('WEAK_MANAGEMENT_SUPPORT');
    const lived = score(inputs({ answers: { policyRoleModel: 4.5 } }), model);
    expect(scoreOf(lived, 'GOVERNANCE')).toBe(100);
  });
});
