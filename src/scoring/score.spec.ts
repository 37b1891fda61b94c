import { DIMENSIONS } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import {
  ALWAYS_APPLICABLE,
  byAgency,
  byDepartment,
  byMember,
  dimensionOf,
  findingCodes,
  initiative,
  inputs,
  member,
} from './scoring.fixtures';

const model = SOCIAL_MATURITY_V1;

describe('weights', () => {
  it.each([
    ['B2B', 30, 115],
    ['MIXED', 22.5, 107.5],
    ['B2C', 15, 100],
  ] as const)('in %s weighs SALES_INVOLVEMENT %d (total %d)', (market, salesWeight, total) => {
    const result = score(
      inputs({
        profile: { market, departments: ['MARKETING', 'SALES'] },
        members: [member('SALES')],
        responsibilities: [byDepartment('TOOLING')],
      }),
      model,
    );
    expect(result.dimensions.map((d) => d.rawWeight)).toEqual([20, salesWeight, 10, 15, 15, 15, 10]);
    expect(dimensionOf(result, 'SALES_INVOLVEMENT').weight).toBeCloseTo(salesWeight / total, 12);
    expect(dimensionOf(result, 'GOVERNANCE').weight).toBeCloseTo(10 / total, 12);
  });

  it('normalises over the applicable dimensions only: 15 + 15 + 15 + 10 = 55', () => {
    // B2C, no team needed, no member, no SALES department, nothing owned, no initiative
    const result = score(inputs(), model);
    expect(result.dimensions.map((d) => [d.dimension, d.applicable, d.weight])).toEqual([
      ['TEAM_COMPOSITION', false, 0],
      ['SALES_INVOLVEMENT', false, 0],
      ['OUTSOURCING', false, 0],
      ['SATISFACTION', true, 15 / 55],
      ['MEASUREMENT', true, 15 / 55],
      ['RESPONSIBILITY_COVERAGE', true, 15 / 55],
      ['GOVERNANCE', true, 10 / 55],
    ]);
    // a not applicable dimension keeps its raw weight for explanation
    expect(dimensionOf(result, 'TEAM_COMPOSITION').rawWeight).toBe(20);
  });

  it('lists all seven dimensions in contract order', () => {
    expect(score(inputs(), model).dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
  });
});

describe('score: a worked example (B2B, team needed, 4 departments)', () => {
  const marketer = member('MARKETING', { insight: 4, experience: 4, affinity: 4 });
  const seller = member('SALES', { insight: 3, experience: 4, affinity: 5 });
  const agencyWriter = member('PR', { external: true, insight: 5, experience: 5, affinity: 5 });
  const example = inputs({
    profile: {
      employeeCount: 120,
      departments: ['MARKETING', 'SALES', 'PR', 'CUSTOMER_SERVICE'],
      culture: 'MIXED',
      market: 'B2B',
    },
    members: [marketer, seller, agencyWriter],
    responsibilities: [
      byMember('CHANNEL_MANAGEMENT', marketer),
      byAgency('CONTENT_MARKETING'),
      byMember('AUDIENCE_ENGAGEMENT', seller),
      byDepartment('REPUTATION_MANAGEMENT', 'PR'),
      byDepartment('INTERNAL_REPORTING', 'MARKETING'),
    ],
    initiatives: [
      initiative({
        outsourcing: 'PARTIAL',
        kpis: [
          { name: 'followers', kind: 'VANITY' },
          { name: 'replies', kind: 'ENGAGEMENT' },
        ],
        satisfaction: 4,
        failureFactors: ['NO_TIME'],
      }),
      initiative({
        status: 'COMPLETED',
        ownerDepartment: 'SALES',
        kpis: [{ name: 'leads', kind: 'BUSINESS' }],
        satisfaction: 3,
        failureFactors: ['NO_TIME', 'NO_BUDGET'],
      }),
      initiative({
        status: 'STOPPED',
        outsourcing: 'FULL',
        kpis: [{ name: 'sales', kind: 'BUSINESS' }],
        satisfaction: 1,
        failureFactors: ['NO_BUDGET', 'NO_TIME'],
      }),
    ],
    answers: {
      overallSatisfaction: 3,
      managementSupport: 2,
      hasPolicy: true,
      policyRoleModel: 3,
      hasCrisisPlan: false,
      hasMonitoring: true,
      reportingCadence: 'QUARTERLY',
    },
  });
  const result = score(example, model);

  it('scores every dimension', () => {
    expect(result.dimensions.map((d) => [d.dimension, d.score])).toEqual([
      // skill mean(75, 75) = 75 (external PR member excluded); diversity 2 / min(5, 4) -> 50; 0.6*75 + 0.4*50
      ['TEAM_COMPOSITION', 65],
      // a Sales member who owns AUDIENCE_ENGAGEMENT
      ['SALES_INVOLVEMENT', 100],
      // s = (1 agency + 0.5 partial) / (5 owned + 2 live) = 0.214 <= 0.5
      ['OUTSOURCING', 100],
      // 0.5 * 50 + 0.5 * (mean(4, 3) - 1) / 4 * 100 = 25 + 31.25
      ['SATISFACTION', 56.25],
      // BUSINESS present (live COMPLETED initiative), reported QUARTERLY
      ['MEASUREMENT', 80],
      // 5 of 8
      ['RESPONSIBILITY_COVERAGE', 62.5],
      // policy 25 + monitoring 25
      ['GOVERNANCE', 50],
    ]);
    expect(result.facts).toEqual({
      teamNeeded: true,
      inHouseMemberCount: 2,
      outsourcingShare: 1.5 / 7,
      applicableResponsibilities: ALWAYS_APPLICABLE,
    });
  });

  it('computes the weighted overall score and the stage', () => {
    // (65*20 + 100*30 + 100*10 + 56.25*15 + 80*15 + 62.5*15 + 50*10) / 115
    // = (1300 + 3000 + 1000 + 843.75 + 1200 + 937.5 + 500) / 115 = 8781.25 / 115 = 76.3587
    expect(result.overallScore).toBeCloseTo(8781.25 / 115, 10);
    // band STRATEGIC; weakest 50 (FORMALIZED) + 2 = CONVERGED: no cap below the band
    expect(result).toMatchObject({
      modelVersion: 'social-maturity/v1',
      bandStage: 'STRATEGIC',
      stage: 'STRATEGIC',
      appliedCaps: [],
    });
  });

  it('reports the findings most severe first, then in rule, responsibility and factor order', () => {
    expect(result.findings.map((f) => [f.code, f.severity, f.responsibility ?? f.failureFactor])).toEqual([
      ['NO_CRISIS_PLAN', 'HIGH', null],
      ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'POLICY_ROLE_MODEL'],
      ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'TOOLING'],
      ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'KNOWLEDGE_SHARING'],
      ['WEAK_MANAGEMENT_SUPPORT', 'MEDIUM', null],
      // counted over all initiatives, the stopped one too: NO_BUDGET 2, NO_TIME 3
      ['RECURRING_FAILURE_FACTOR', 'LOW', 'NO_BUDGET'],
      ['RECURRING_FAILURE_FACTOR', 'LOW', 'NO_TIME'],
    ]);
    expect(result.findings[6].values).toEqual({ count: 3 });
  });

  it('is deterministic and does not change its inputs', () => {
    const before = structuredClone(example);
    expect(score(example, model)).toEqual(result);
    expect(example).toEqual(before);
  });
});

describe('score: caps on real inputs', () => {
  it('NO_TEAM_WHERE_NEEDED and WEAKEST_LINK lower a STRATEGIC band to ENGAGEMENT', () => {
    const result = score(
      inputs({
        profile: { employeeCount: 250, departments: ['MARKETING', 'PR'] },
        responsibilities: ALWAYS_APPLICABLE.map((r) => byDepartment(r)),
        initiatives: [initiative({ kpis: [{ name: 'leads', kind: 'BUSINESS' }], satisfaction: 5 })],
        answers: { overallSatisfaction: 5 },
      }),
      model,
    );
    // TEAM 0 (needed, none); SALES n/a; OUTSOURCING 100 (s = 0); SATISFACTION 100; MEASUREMENT 100 (monthly);
    // COVERAGE 100; GOVERNANCE 100. Overall = (0*20 + 100*(10+15+15+15+10)) / 85 = 6500 / 85 = 76.47
    expect(result.overallScore).toBeCloseTo(6500 / 85, 10);
    expect(result).toMatchObject({
      bandStage: 'STRATEGIC',
      stage: 'ENGAGEMENT',
      appliedCaps: ['WEAKEST_LINK', 'NO_TEAM_WHERE_NEEDED'],
    });
    expect(findingCodes(result)).toEqual(['NO_TEAM_WHERE_NEEDED']);
  });

  it('FULLY_OUTSOURCED lowers a CONVERGED band to PRESENCE', () => {
    const result = score(
      inputs({
        responsibilities: ALWAYS_APPLICABLE.map(byAgency),
        initiatives: [
          initiative({ outsourcing: 'FULL', kpis: [{ name: 'sales', kind: 'BUSINESS' }], satisfaction: 5 }),
        ],
        answers: { overallSatisfaction: 5 },
      }),
      model,
    );
    // TEAM n/a (20 employees, informal); SALES n/a; OUTSOURCING 20 (s = 1); the other four 100
    // overall = (20*10 + 100*55) / 65 = 5700 / 65 = 87.69 -> CONVERGED
    // WEAKEST_LINK: 20 is PRESENCE, + 2 = FORMALIZED; FULLY_OUTSOURCED: PRESENCE
    expect(result.overallScore).toBeCloseTo(5700 / 65, 10);
    expect(result.facts.outsourcingShare).toBe(1);
    expect(result).toMatchObject({
      bandStage: 'CONVERGED',
      stage: 'PRESENCE',
      appliedCaps: ['WEAKEST_LINK', 'FULLY_OUTSOURCED'],
    });
    expect(findingCodes(result)).toEqual(['FULLY_OUTSOURCED', 'REPUTATION_OUTSOURCED', 'TEAM_OPTIONAL']);
  });

  it('reaches CONVERGED without caps when every dimension is strong', () => {
    const top = { insight: 5, experience: 5, affinity: 5 };
    const seller = member('SALES', top);
    const result = score(
      inputs({
        profile: { departments: ['MARKETING', 'SALES'], market: 'B2B' },
        members: [member('MARKETING', top), seller],
        responsibilities: [
          byMember('AUDIENCE_ENGAGEMENT', seller),
          ...ALWAYS_APPLICABLE.filter((r) => r !== 'AUDIENCE_ENGAGEMENT').map((r) => byDepartment(r)),
        ],
        initiatives: [initiative({ kpis: [{ name: 'leads', kind: 'BUSINESS' }], satisfaction: 5 })],
        answers: { overallSatisfaction: 5, managementSupport: 5 },
      }),
      model,
    );
    expect(result.dimensions.map((d) => d.score)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(result).toMatchObject({
      overallScore: 100,
      bandStage: 'CONVERGED',
      stage: 'CONVERGED',
      appliedCaps: [],
      findings: [],
    });
  });
});
