import type { Department } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import {
  ALWAYS_APPLICABLE,
  byAgency,
  byDepartment,
  byMember,
  dimensionOf,
  initiative,
  inputs,
  member,
  scoreOf,
  type InputOverrides,
} from './scoring.fixtures';

const model = SOCIAL_MATURITY_V1;
const scoreWith = (overrides: InputOverrides) => score(inputs(overrides), model);

describe('TEAM_COMPOSITION', () => {
  const departments: Department[] = ['MARKETING', 'SALES', 'PR', 'HR'];

  it('blends skill 0.6 and diversity 0.4', () => {
    const result = scoreWith({
      profile: { departments },
      members: [
        member('MARKETING', { insight: 5, experience: 5, affinity: 5 }),
        member('SALES', { insight: 3, experience: 3, affinity: 3 }),
        member('IT', { external: true, insight: 1, experience: 1, affinity: 1 }),
      ],
    });
    // skill: mean((5-1)/4*100, (3-1)/4*100) = mean(100, 50) = 75 (the external IT member does not count)
    // diversity: 2 departments / min(5, 4) = 0.5 -> 50;  0.6 * 75 + 0.4 * 50 = 45 + 20 = 65
    expect(scoreOf(result, 'TEAM_COMPOSITION')).toBe(65);
  });

  it('uses the mean of insight, experience and affinity per member', () => {
    const result = scoreWith({ members: [member('MARKETING', { insight: 2, experience: 3, affinity: 5 })] });
    // skill: (10/3 - 1) / 4 * 100 = 175/3; diversity: 1 / min(5, 1) = 1 -> 100
    // 0.6 * 175/3 + 0.4 * 100 = 35 + 40 = 75
    expect(scoreOf(result, 'TEAM_COMPOSITION')).toBeCloseTo(75, 10);
  });

  it('needs at most 5 departments for full diversity', () => {
    const sevenDepartments: Department[] = ['MARKETING', 'SALES', 'PR', 'HR', 'IT', 'LEGAL', 'PRODUCT'];
    const top = { insight: 5, experience: 5, affinity: 5 };
    const five = scoreWith({
      profile: { departments: sevenDepartments },
      members: (['MARKETING', 'SALES', 'PR', 'HR', 'IT'] as const).map((d) => member(d, top)),
    });
    // skill 100; diversity min(1, 5 / min(5, 7)) = 1 -> 0.6 * 100 + 0.4 * 100 = 100
    expect(scoreOf(five, 'TEAM_COMPOSITION')).toBe(100);
    const four = scoreWith({
      profile: { departments: sevenDepartments },
      members: (['MARKETING', 'SALES', 'PR', 'HR'] as const).map((d) => member(d, top)),
    });
    // diversity 4 / 5 = 0.8 -> 0.6 * 100 + 0.4 * 80 = 92
    expect(scoreOf(four, 'TEAM_COMPOSITION')).toBe(92);
  });

  it('caps diversity at 100 and divides by at least one department', () => {
    const result = scoreWith({
      profile: { departments: [] },
      members: [
        member('MARKETING', { insight: 1, experience: 1, affinity: 1 }),
        member('IT', { insight: 1, experience: 1, affinity: 1 }),
      ],
    });
    // skill 0; diversity min(1, 2 / max(1, 0)) = 1 -> 0.4 * 100 = 40
    expect(scoreOf(result, 'TEAM_COMPOSITION')).toBe(40);
  });

  it('is 0 and applicable without an in-house member when a team is needed', () => {
    const result = scoreWith({
      profile: { employeeCount: 250 },
      members: [member('PR', { external: true })],
    });
    expect(dimensionOf(result, 'TEAM_COMPOSITION')).toMatchObject({ score: 0, applicable: true });
  });

  it('is not applicable without an in-house member when no team is needed', () => {
    const result = scoreWith({ profile: { employeeCount: 49 } });
    expect(dimensionOf(result, 'TEAM_COMPOSITION')).toMatchObject({
      score: null,
      applicable: false,
      weight: 0,
    });
  });
});

describe('SALES_INVOLVEMENT', () => {
  const withSales: InputOverrides['profile'] = { departments: ['MARKETING', 'SALES'] };

  it('is not applicable when the organisation has no SALES department, even with a Sales member', () => {
    const result = scoreWith({
      members: [member('SALES')],
      responsibilities: [byDepartment('TOOLING', 'SALES')],
    });
    expect(dimensionOf(result, 'SALES_INVOLVEMENT')).toMatchObject({
      score: null,
      applicable: false,
      weight: 0,
    });
  });

  it('is 100 with a Sales member who owns a responsibility', () => {
    const seller = member('SALES');
    const result = scoreWith({
      profile: withSales,
      members: [seller],
      responsibilities: [byMember('TOOLING', seller)],
    });
    expect(scoreOf(result, 'SALES_INVOLVEMENT')).toBe(100);
  });

  it('is 100 with a Sales member and a live initiative led by Sales', () => {
    const result = scoreWith({
      profile: withSales,
      members: [member('SALES')],
      initiatives: [initiative({ ownerDepartment: 'SALES' })],
    });
    expect(scoreOf(result, 'SALES_INVOLVEMENT')).toBe(100);
  });

  it('is 60 with only a Sales member', () => {
    expect(scoreOf(scoreWith({ profile: withSales, members: [member('SALES')] }), 'SALES_INVOLVEMENT')).toBe(
      60,
    );
  });

  it('is 60 when only the SALES department owns a responsibility', () => {
    const result = scoreWith({
      profile: withSales,
      responsibilities: [byDepartment('AUDIENCE_ENGAGEMENT', 'SALES')],
    });
    expect(scoreOf(result, 'SALES_INVOLVEMENT')).toBe(60);
  });

  it('is 60 when only a live initiative is led by Sales', () => {
    const result = scoreWith({
      profile: withSales,
      initiatives: [initiative({ ownerDepartment: 'SALES', status: 'PLANNED' })],
    });
    expect(scoreOf(result, 'SALES_INVOLVEMENT')).toBe(60);
  });

  it('is 0 when neither holds: a stopped Sales initiative and an external Sales owner do not count', () => {
    const agencySeller = member('SALES', { external: true });
    const result = scoreWith({
      profile: withSales,
      members: [agencySeller, member('MARKETING')],
      responsibilities: [byMember('TOOLING', agencySeller)],
      initiatives: [initiative({ ownerDepartment: 'SALES', status: 'STOPPED' })],
    });
    expect(scoreOf(result, 'SALES_INVOLVEMENT')).toBe(0);
  });
});

describe('OUTSOURCING', () => {
  const owned = (agency: number, inHouse: number) => [
    ...ALWAYS_APPLICABLE.slice(0, agency).map(byAgency),
    ...ALWAYS_APPLICABLE.slice(agency, agency + inHouse).map((r) => byDepartment(r)),
  ];

  it('is not applicable without outsourcing units', () => {
    expect(dimensionOf(scoreWith({}), 'OUTSOURCING')).toMatchObject({
      score: null,
      applicable: false,
      weight: 0,
    });
  });

  it('is 100 up to a share of exactly 0.5 (2 of 4)', () => {
    expect(scoreOf(scoreWith({ responsibilities: owned(2, 2) }), 'OUTSOURCING')).toBe(100);
  });

  it('is 100 at share 0', () => {
    expect(scoreOf(scoreWith({ responsibilities: owned(0, 3) }), 'OUTSOURCING')).toBe(100);
  });

  it('is 60 at share 0.75 (3 of 4): 100 - (0.75 - 0.5) / 0.5 * 80', () => {
    expect(scoreOf(scoreWith({ responsibilities: owned(3, 1) }), 'OUTSOURCING')).toBe(60);
  });

  it('is 20 when everything is outsourced (share 1)', () => {
    const result = scoreWith({
      responsibilities: owned(2, 0),
      initiatives: [initiative({ outsourcing: 'FULL' })],
    });
    expect(scoreOf(result, 'OUTSOURCING')).toBe(20);
  });
});

describe('SATISFACTION', () => {
  it('is the overall answer alone when no live initiative is rated: (3 - 1) / 4 * 100 = 50', () => {
    const result = scoreWith({
      answers: { overallSatisfaction: 3 },
      initiatives: [initiative({ satisfaction: null }), initiative({ satisfaction: 1, status: 'STOPPED' })],
    });
    expect(scoreOf(result, 'SATISFACTION')).toBe(50);
  });

  it('blends the answer and the rated live initiatives half and half', () => {
    const result = scoreWith({
      answers: { overallSatisfaction: 4 },
      initiatives: [
        initiative({ satisfaction: 2 }),
        initiative({ satisfaction: 5, status: 'COMPLETED' }),
        initiative({ satisfaction: null }),
        initiative({ satisfaction: 1, status: 'STOPPED' }),
      ],
    });
    // a = (4 - 1) / 4 * 100 = 75; mean(2, 5) = 3.5 -> (3.5 - 1) / 4 * 100 = 62.5; 0.5 * 75 + 0.5 * 62.5 = 68.75
    expect(scoreOf(result, 'SATISFACTION')).toBe(68.75);
  });

  it('spans 0 to 100', () => {
    expect(scoreOf(scoreWith({ answers: { overallSatisfaction: 1 } }), 'SATISFACTION')).toBe(0);
    const top = scoreWith({
      answers: { overallSatisfaction: 5 },
      initiatives: [initiative({ satisfaction: 5 })],
    });
    expect(scoreOf(top, 'SATISFACTION')).toBe(100);
  });
});

describe('MEASUREMENT', () => {
  const kpis = (...kinds: ('VANITY' | 'ENGAGEMENT' | 'BUSINESS')[]) =>
    kinds.map((kind) => ({ name: kind, kind }));
  const measured = (overrides: InputOverrides) => scoreOf(scoreWith(overrides), 'MEASUREMENT');

  it('is 0 without live initiatives', () => {
    expect(measured({})).toBe(0);
  });

  it('is 0 when live initiatives carry no KPI; KPIs of stopped initiatives do not count', () => {
    expect(
      measured({ initiatives: [initiative(), initiative({ status: 'STOPPED', kpis: kpis('BUSINESS') })] }),
    ).toBe(0);
  });

  it('is 20 with vanity KPIs only', () => {
    expect(measured({ initiatives: [initiative({ kpis: kpis('VANITY', 'VANITY') })] })).toBe(20);
  });

  it('is 50 with engagement KPIs but no business KPI', () => {
    expect(
      measured({
        initiatives: [initiative({ kpis: kpis('VANITY') }), initiative({ kpis: kpis('ENGAGEMENT') })],
      }),
    ).toBe(50);
  });

  it.each([
    ['NONE', 80],
    ['AD_HOC', 80],
    ['QUARTERLY', 80],
    ['MONTHLY', 100],
    ['WEEKLY', 100],
  ] as const)('with a business KPI and reporting %s is %i', (reportingCadence, expected) => {
    expect(
      measured({
        answers: { reportingCadence },
        initiatives: [initiative({ kpis: kpis('VANITY', 'BUSINESS') })],
      }),
    ).toBe(expected);
  });
});

describe('RESPONSIBILITY_COVERAGE', () => {
  const fourOwned = ALWAYS_APPLICABLE.slice(0, 4).map((r) => byDepartment(r));

  it('is owned / 8 applicable without communities: 4 / 8 = 50, an owned COMMUNITY_MANAGEMENT not counted', () => {
    const result = scoreWith({ responsibilities: [...fourOwned, byAgency('COMMUNITY_MANAGEMENT')] });
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBe(50);
  });

  it('is owned / 9 applicable with communities: 4 / 9 * 100 = 44.44..', () => {
    const result = scoreWith({ responsibilities: fourOwned, answers: { communityApplicable: true } });
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBeCloseTo(400 / 9, 10);
  });

  it('counts COMMUNITY_MANAGEMENT when communities apply: 5 / 9 * 100 = 55.55..', () => {
    const result = scoreWith({
      responsibilities: [...fourOwned, byAgency('COMMUNITY_MANAGEMENT')],
      answers: { communityApplicable: true },
    });
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBeCloseTo(500 / 9, 10);
  });

  it('is 100 with all eight owned, 0 with none', () => {
    expect(
      scoreOf(scoreWith({ responsibilities: ALWAYS_APPLICABLE.map(byAgency) }), 'RESPONSIBILITY_COVERAGE'),
    ).toBe(100);
    expect(scoreOf(scoreWith({}), 'RESPONSIBILITY_COVERAGE')).toBe(0);
  });
});

describe('GOVERNANCE', () => {
  const governance = (answers: InputOverrides['answers']) => scoreOf(scoreWith({ answers }), 'GOVERNANCE');
  const all = { hasPolicy: true, policyRoleModel: 4, hasCrisisPlan: true, hasMonitoring: true };

  it('gives 25 for each of policy, role model >= 4, crisis plan and monitoring', () => {
    expect(governance(all)).toBe(100);
    expect(governance({ ...all, policyRoleModel: 5 })).toBe(100);
    expect(governance({ ...all, policyRoleModel: 3 })).toBe(75);
    expect(governance({ ...all, hasPolicy: false })).toBe(75);
    expect(governance({ ...all, hasCrisisPlan: false })).toBe(75);
    expect(governance({ ...all, hasMonitoring: false })).toBe(75);
    expect(governance({ ...all, hasPolicy: false, hasMonitoring: false })).toBe(50);
    expect(
      governance({ hasPolicy: false, policyRoleModel: 1, hasCrisisPlan: false, hasMonitoring: false }),
    ).toBe(0);
  });
});
