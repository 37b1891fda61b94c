import { SOCIAL_MATURITY_V1 } from './model-v1';
import {
  applyMove,
  defaultTarget,
  inputsAlong,
  moveApplies,
  movesFor,
  roadmap,
  type MoveChoice,
  type RoadmapMove,
} from './roadmap';
import { describeStep } from './roadmap-texts';
import { score } from './score';
import {
  ALWAYS_APPLICABLE,
  byAgency,
  byDepartment,
  byMember,
  initiative,
  inputs,
  member,
} from './scoring.fixtures';
import type { ScoringInputs } from './types';

const model = SOCIAL_MATURITY_V1;

const choice = (
  move: RoadmapMove,
  extra: Partial<Pick<MoveChoice, 'responsibility' | 'department'>> = {},
): MoveChoice => ({ move, responsibility: null, department: null, ...extra });

const moveNames = (organisation: ScoringInputs) =>
  movesFor(organisation, model).map((m) =>
    [m.move, m.responsibility ?? m.department].filter(Boolean).join(' '),
  );

/** Every always-applicable responsibility owned by MARKETING, so no owner move applies. */
const allOwned = ALWAYS_APPLICABLE.map((responsibility) => byDepartment(responsibility, 'MARKETING'));

describe('movesFor', () => {
  it('lists the applicable moves in list order, responsibilities and departments in contract order', () => {
    const organisation = inputs({
      profile: { departments: ['HR', 'SALES', 'MARKETING', 'PR'] },
      members: [member('MARKETING', { insight: 4 })],
      responsibilities: [
        byAgency('TOOLING'),
        byAgency('CHANNEL_MANAGEMENT'),
        byDepartment('CONTENT_MARKETING'),
      ],
      initiatives: [initiative({ kpis: [{ name: 'Reach', kind: 'VANITY' }] })],
      answers: {
        reportingCadence: 'AD_HOC',
        hasPolicy: false,
        policyRoleModel: 2,
        hasCrisisPlan: false,
        hasMonitoring: false,
      },
    });
    expect(moveNames(organisation)).toEqual([
      'ASSIGN_OWNER AUDIENCE_ENGAGEMENT',
      'ASSIGN_OWNER REPUTATION_MANAGEMENT',
      'ASSIGN_OWNER INTERNAL_REPORTING',
      'ASSIGN_OWNER POLICY_ROLE_MODEL',
      'ASSIGN_OWNER KNOWLEDGE_SHARING',
      'INSOURCE CHANNEL_MANAGEMENT',
      'INSOURCE TOOLING',
      'SALES_OWNS_ENGAGEMENT',
      'ADD_SALES_MEMBER',
      'ADD_MEMBER_FROM_DEPARTMENT PR',
      'ADD_MEMBER_FROM_DEPARTMENT HR',
      'ADD_BUSINESS_KPI',
      'REPORT_MONTHLY',
      'ADOPT_POLICY',
      'LIVE_THE_POLICY',
      'CRISIS_PLAN',
      'MONITORING',
      'TRAIN_TEAM',
    ]);
  });

  it('counts COMMUNITY_MANAGEMENT only where it applies, and an unresolvable assignment as no owner', () => {
    const ghost = { responsibility: 'TOOLING' as const, ownerKind: 'MEMBER' as const, memberId: 'gone' };
    const withoutCommunity = inputs({
      responsibilities: [...allOwned.filter((a) => a.responsibility !== 'TOOLING'), ghost],
    });
    expect(moveNames(withoutCommunity).filter((m) => m.startsWith('ASSIGN_OWNER'))).toEqual([
      'ASSIGN_OWNER TOOLING',
    ]);
    const withCommunity = {
      ...withoutCommunity,
      answers: { ...withoutCommunity.answers, communityApplicable: true },
    };
    expect(moveNames(withCommunity).filter((m) => m.startsWith('ASSIGN_OWNER'))).toEqual([
      'ASSIGN_OWNER TOOLING',
      'ASSIGN_OWNER COMMUNITY_MANAGEMENT',
    ]);
  });

  it('leaves out moves whose condition does not hold', () => {
    const seller = member('SALES');
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES'] },
      members: [
        member('MARKETING', { insight: 5, experience: 5, affinity: 5 }),
        { ...seller, insight: 5, experience: 5, affinity: 5 },
      ],
      responsibilities: [
        ...allOwned.filter((a) => a.responsibility !== 'TOOLING'),
        byMember('TOOLING', seller),
      ],
      initiatives: [
        initiative({ kpis: [{ name: 'Sales', kind: 'BUSINESS' }] }),
        initiative({ status: 'STOPPED', kpis: [] }),
      ],
      answers: { reportingCadence: 'WEEKLY', policyRoleModel: 5 },
    });
    expect(movesFor(organisation, model)).toEqual([]);
  });

  it('does not count external members as in-house for the member moves and TRAIN_TEAM', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES'] },
      members: [member('SALES', { external: true }), member('MARKETING', { external: true })],
      responsibilities: allOwned,
    });
    expect(moveNames(organisation)).toEqual([
      'SALES_OWNS_ENGAGEMENT',
      'ADD_SALES_MEMBER',
      'ADD_MEMBER_FROM_DEPARTMENT MARKETING',
    ]);
  });

  it('counts a stopped initiative as not live for ADD_BUSINESS_KPI', () => {
    const onlyStopped = inputs({
      responsibilities: allOwned,
      members: [member('MARKETING', { insight: 5, experience: 5, affinity: 5 })],
      initiatives: [initiative({ status: 'STOPPED' })],
    });
    expect(moveNames(onlyStopped)).toEqual([]);
    const stoppedWithBusiness = {
      ...onlyStopped,
      initiatives: [
        initiative({ status: 'STOPPED', kpis: [{ name: 'Sales', kind: 'BUSINESS' }] }),
        initiative({ status: 'PLANNED' }),
      ],
    };
    expect(moveNames(stoppedWithBusiness)).toEqual(['ADD_BUSINESS_KPI']);
  });
});

describe('applyMove', () => {
  it('ASSIGN_OWNER: DEPARTMENT MARKETING when the organisation has Marketing, kept in contract order', () => {
    const organisation = inputs({
      profile: { departments: ['HR', 'MARKETING'] },
      responsibilities: [byAgency('CHANNEL_MANAGEMENT'), byAgency('TOOLING')],
    });
    const changed = applyMove(
      organisation,
      choice('ASSIGN_OWNER', { responsibility: 'AUDIENCE_ENGAGEMENT' }),
    );
    expect(changed.responsibilities).toEqual([
      byAgency('CHANNEL_MANAGEMENT'),
      {
        responsibility: 'AUDIENCE_ENGAGEMENT',
        ownerKind: 'DEPARTMENT',
        memberId: null,
        department: 'MARKETING',
      },
      byAgency('TOOLING'),
    ]);
  });

  it("ASSIGN_OWNER: else the organisation's first department in contract order, not in its own order", () => {
    const organisation = inputs({ profile: { departments: ['HR', 'SALES', 'PR'] } });
    const changed = applyMove(organisation, choice('ASSIGN_OWNER', { responsibility: 'TOOLING' }));
    expect(changed.responsibilities).toEqual([
      { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', memberId: null, department: 'SALES' },
    ]);
  });

  it('ASSIGN_OWNER replaces an assignment that does not resolve', () => {
    const organisation = inputs({
      responsibilities: [{ responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId: 'gone' }],
    });
    const changed = applyMove(organisation, choice('ASSIGN_OWNER', { responsibility: 'TOOLING' }));
    expect(changed.responsibilities).toEqual([
      { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', memberId: null, department: 'MARKETING' },
    ]);
    expect(moveApplies(changed, model, choice('ASSIGN_OWNER', { responsibility: 'TOOLING' }))).toBe(false);
  });

  it('INSOURCE: the agency-owned responsibility goes to the in-house owner and REPUTATION_OUTSOURCED clears', () => {
    const organisation = inputs({ responsibilities: [byAgency('REPUTATION_MANAGEMENT')] });
    const move = choice('INSOURCE', { responsibility: 'REPUTATION_MANAGEMENT' });
    const changed = applyMove(organisation, move);
    expect(changed.responsibilities).toEqual([
      {
        responsibility: 'REPUTATION_MANAGEMENT',
        ownerKind: 'DEPARTMENT',
        memberId: null,
        department: 'MARKETING',
      },
    ]);
    const codes = (i: ScoringInputs) => score(i, model).findings.map((f) => f.code);
    expect(codes(organisation)).toContain('REPUTATION_OUTSOURCED');
    expect(codes(changed)).not.toContain('REPUTATION_OUTSOURCED');
    expect(moveApplies(changed, model, move)).toBe(false);
  });

  it('SALES_OWNS_ENGAGEMENT: AUDIENCE_ENGAGEMENT owned by DEPARTMENT SALES, replacing its owner', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES'] },
      responsibilities: [byDepartment('AUDIENCE_ENGAGEMENT', 'MARKETING')],
    });
    const changed = applyMove(organisation, choice('SALES_OWNS_ENGAGEMENT'));
    expect(changed.responsibilities).toEqual([
      { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'DEPARTMENT', memberId: null, department: 'SALES' },
    ]);
    expect(moveNames(changed)).not.toContain('SALES_OWNS_ENGAGEMENT');
  });

  it('ADD_SALES_MEMBER: a new in-house Sales member with skills 3 joins the first team', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES'] },
      members: [member('MARKETING')],
    });
    const second = { id: 'team-2', name: 'Second', members: [] };
    const changed = applyMove(
      { ...organisation, teams: [...organisation.teams, second] },
      choice('ADD_SALES_MEMBER'),
    );
    expect(changed.teams[0].members.at(-1)).toEqual({
      id: 'roadmap-member:SALES',
      name: 'New Sales member',
      department: 'SALES',
      external: false,
      insight: 3,
      experience: 3,
      affinity: 3,
    });
    expect(changed.teams[0].members).toHaveLength(2);
    expect(changed.teams[1]).toEqual(second);
  });

  it('ADD_MEMBER_FROM_DEPARTMENT: a new team when there is none', () => {
    const organisation = {
      ...inputs({ profile: { departments: ['MARKETING', 'CUSTOMER_SERVICE'] } }),
      teams: [],
    };
    const changed = applyMove(
      organisation,
      choice('ADD_MEMBER_FROM_DEPARTMENT', { department: 'CUSTOMER_SERVICE' }),
    );
    expect(changed.teams).toEqual([
      {
        id: 'roadmap-team',
        name: 'Social media team',
        members: [
          {
            id: 'roadmap-member:CUSTOMER_SERVICE',
            name: 'New Customer Service member',
            department: 'CUSTOMER_SERVICE',
            external: false,
            insight: 3,
            experience: 3,
            affinity: 3,
          },
        ],
      },
    ]);
  });

  it('ADD_BUSINESS_KPI: the first live initiative, oldest first, gets the BUSINESS KPI', () => {
    const stopped = initiative({ status: 'STOPPED' });
    const first = initiative({ status: 'PLANNED', kpis: [{ name: 'Reach', kind: 'VANITY' }] });
    const second = initiative();
    const organisation = inputs({ initiatives: [stopped, first, second] });
    const changed = applyMove(organisation, choice('ADD_BUSINESS_KPI'));
    expect(changed.initiatives).toEqual([
      stopped,
      {
        ...first,
        kpis: [
          { name: 'Reach', kind: 'VANITY' },
          { name: 'Leads from social media', kind: 'BUSINESS' },
        ],
      },
      second,
    ]);
  });

  it.each([
    ['REPORT_MONTHLY', { reportingCadence: 'QUARTERLY' }, { reportingCadence: 'MONTHLY' }],
    ['ADOPT_POLICY', { hasPolicy: false }, { hasPolicy: true }],
    ['LIVE_THE_POLICY', { policyRoleModel: 2 }, { policyRoleModel: 4 }],
    ['CRISIS_PLAN', { hasCrisisPlan: false }, { hasCrisisPlan: true }],
    ['MONITORING', { hasMonitoring: false }, { hasMonitoring: true }],
  ] as const)('%s changes the answer %j to %j and nothing else', (move, before, after) => {
    const organisation = inputs({ answers: before });
    const changed = applyMove(organisation, choice(move));
    expect(changed).toEqual({ ...organisation, answers: { ...organisation.answers, ...after } });
    expect(moveNames(changed)).not.toContain(move);
  });

  it("TRAIN_TEAM: each in-house member's skills below 5 rise by 1; external members stay", () => {
    const agency = member('MARKETING', { external: true, insight: 1, experience: 1, affinity: 1 });
    const organisation = inputs({
      members: [member('MARKETING', { insight: 3, experience: 5, affinity: 4 }), agency],
    });
    const changed = applyMove(organisation, choice('TRAIN_TEAM'));
    expect(changed.teams[0].members.map((m) => [m.insight, m.experience, m.affinity])).toEqual([
      [4, 5, 5],
      [1, 1, 1],
    ]);
    expect(moveNames(changed)).toContain('TRAIN_TEAM');
    expect(moveNames(applyMove(changed, choice('TRAIN_TEAM')))).not.toContain('TRAIN_TEAM');
  });

  it('leaves the inputs it is given untouched', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES', 'HR'] },
      members: [member('MARKETING')],
      responsibilities: [byAgency('TOOLING')],
      initiatives: [initiative()],
      answers: { hasPolicy: false, policyRoleModel: 1, reportingCadence: 'NONE' },
    });
    const copy = structuredClone(organisation);
    for (const move of movesFor(organisation, model)) applyMove(organisation, move);
    expect(organisation).toEqual(copy);
  });
});

describe('roadmap', () => {
  it('takes the first of equal ASSIGN_OWNER moves and reaches the next stage (arithmetic written out)', () => {
    // Baseline: SATISFACTION 50 (w15), MEASUREMENT 0 (w15), COVERAGE 0 (w15), GOVERNANCE 100 (w10):
    // 1750 / 55 = 31.82, PRESENCE. Owning one responsibility: COVERAGE 12.5 and OUTSOURCING 100 (w10) apply:
    // (750 + 0 + 187.5 + 1000 + 1000) / 65 = 45.19, ENGAGEMENT (the weakest link, MEASUREMENT 0, allows it).
    // Adding a Marketing member instead: TEAM_COMPOSITION 0.6 * 50 + 0.4 * 100 = 70 (w20): 3150 / 75 = 42.
    const organisation = inputs();
    const start = score(organisation, model);
    expect(start.overallScore).toBeCloseTo(1750 / 55, 12);
    expect(defaultTarget(start.stage)).toBe('ENGAGEMENT');
    const result = roadmap(organisation, model, defaultTarget(start.stage));
    expect(result).toEqual({
      targetStage: 'ENGAGEMENT',
      reachesTarget: true,
      startScore: start.overallScore,
      startStage: 'PRESENCE',
      steps: [
        {
          move: 'ASSIGN_OWNER',
          responsibility: 'CHANNEL_MANAGEMENT',
          department: null,
          overallScore: expect.closeTo(2937.5 / 65, 12) as number,
          stage: 'ENGAGEMENT',
          clearsFindings: [],
        },
      ],
    });
  });

  it('breaks a tie between different moves by list order: ADOPT_POLICY before CRISIS_PLAN', () => {
    const organisation = inputs({
      members: [member('MARKETING', { insight: 5, experience: 5, affinity: 5 })],
      responsibilities: allOwned,
      answers: { hasPolicy: false, hasCrisisPlan: false },
    });
    const result = roadmap(organisation, model, 'CONVERGED');
    expect(result.steps.map((s) => [s.move, s.clearsFindings])).toEqual([
      ['ADOPT_POLICY', ['NO_POLICY']],
      ['CRISIS_PLAN', ['NO_CRISIS_PLAN']],
    ]);
    expect(result.steps[0].overallScore).toBeLessThan(result.steps[1].overallScore);
  });

  it('breaks a tie between departments by contract order, not the organisation order', () => {
    // A Marketing member at skill 5; the organisation has HR and PR: a member from either scores the same.
    const organisation = inputs({
      profile: { departments: ['HR', 'PR'] },
      members: [member('MARKETING', { insight: 5, experience: 5, affinity: 5 })],
      responsibilities: ALWAYS_APPLICABLE.map((r) => byDepartment(r, 'HR')),
    });
    const [pr, hr] = movesFor(organisation, model);
    expect([pr.department, hr.department]).toEqual(['PR', 'HR']);
    expect(score(applyMove(organisation, pr), model).overallScore).toBe(
      score(applyMove(organisation, hr), model).overallScore,
    );
    expect(roadmap(organisation, model, 'CONVERGED').steps[0]).toMatchObject({
      move: 'ADD_MEMBER_FROM_DEPARTMENT',
      department: 'PR',
    });
  });

  it('stops when no move is left, without reaching the target', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING'] },
      members: [member('MARKETING', { insight: 1, experience: 1, affinity: 1, external: true })],
      responsibilities: allOwned,
      answers: { overallSatisfaction: 1 },
    });
    // SATISFACTION 0 (w15), MEASUREMENT 0 (w15), COVERAGE 100 (w15), GOVERNANCE 100 (w10), OUTSOURCING 100 (w10):
    // 3500 / 65 = 53.85; a Marketing member: TEAM_COMPOSITION 70 (w20): 4900 / 85 = 57.65 raises it once, then
    // TRAIN_TEAM (skills 4: 0.6 * 75 + 40 = 85): 5200 / 85 = 61.18, then 5 (100): 5500 / 85 = 64.71, then nothing.
    const result = roadmap(organisation, model, 'CONVERGED');
    expect(result.steps.map((s) => s.move)).toEqual([
      'ADD_MEMBER_FROM_DEPARTMENT',
      'TRAIN_TEAM',
      'TRAIN_TEAM',
    ]);
    expect(result.steps.map((s) => s.overallScore)).toEqual([
      expect.closeTo(4900 / 85, 12),
      expect.closeTo(5200 / 85, 12),
      expect.closeTo(5500 / 85, 12),
    ]);
    expect(result.reachesTarget).toBe(false);
    const last = inputsAlong(organisation, result.steps).at(-1) as ScoringInputs;
    expect(movesFor(last, model)).toEqual([]);
  });

  it('stops when no move raises the overall score: the only move would lower it', () => {
    // Fully owned, governed, satisfied: 5000/65 = 76.92 with MEASUREMENT 0; a member at skill 3 (TEAM_COMPOSITION
    // 70 at weight 20) would give 6400 / 85 = 75.29.
    const organisation = inputs({ responsibilities: allOwned, answers: { overallSatisfaction: 5 } });
    expect(moveNames(organisation)).toEqual(['ADD_MEMBER_FROM_DEPARTMENT MARKETING']);
    expect(roadmap(organisation, model, 'CONVERGED')).toMatchObject({ reachesTarget: false, steps: [] });
  });

  it('stops after 10 steps', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES', 'HR', 'PR', 'IT', 'LEGAL'] },
      answers: { hasPolicy: false, hasCrisisPlan: false, hasMonitoring: false, policyRoleModel: 1 },
    });
    const result = roadmap(organisation, model, 'CONVERGED');
    expect(result.steps).toHaveLength(10);
    expect(result.reachesTarget).toBe(false);
  });

  it('returns no steps when the stage already reaches the target', () => {
    const organisation = inputs();
    expect(roadmap(organisation, model, 'PRESENCE')).toMatchObject({ reachesTarget: true, steps: [] });
    expect(roadmap(organisation, model, 'PLANNING')).toMatchObject({ reachesTarget: true, steps: [] });
    expect(defaultTarget('CONVERGED')).toBe('CONVERGED');
  });

  it('promises for each step the score of its changed inputs', () => {
    const organisation = inputs({
      profile: { departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE'], market: 'B2B', employeeCount: 400 },
      responsibilities: [byAgency('REPUTATION_MANAGEMENT')],
      initiatives: [initiative({ kpis: [{ name: 'Likes', kind: 'VANITY' }] })],
      answers: { reportingCadence: 'AD_HOC', hasMonitoring: false },
    });
    const result = roadmap(organisation, model, 'CONVERGED');
    expect(result.steps.length).toBeGreaterThan(0);
    inputsAlong(organisation, result.steps).forEach((changed, index) => {
      const rescored = score(changed, model);
      expect(result.steps[index].overallScore).toBe(rescored.overallScore);
      expect(result.steps[index].stage).toBe(rescored.stage);
    });
  });
});

describe('describeStep', () => {
  it('describes each move by its key and its parameters as codes or names (the texts: src/i18n)', () => {
    const organisation = inputs({
      profile: { departments: ['HR', 'SALES'] },
      initiatives: [initiative({ status: 'STOPPED', name: 'Old' }), initiative({ name: 'Spring campaign' })],
    });
    expect(
      describeStep(choice('ASSIGN_OWNER', { responsibility: 'REPUTATION_MANAGEMENT' }), organisation),
    ).toEqual({ key: 'ASSIGN_OWNER', params: { responsibility: 'REPUTATION_MANAGEMENT', owner: 'SALES' } });
    expect(describeStep(choice('ADD_BUSINESS_KPI'), organisation)).toEqual({
      key: 'ADD_BUSINESS_KPI',
      params: { initiative: 'Spring campaign' },
    });
    expect(describeStep(choice('ADD_MEMBER_FROM_DEPARTMENT', { department: 'HR' }), organisation)).toEqual({
      key: 'ADD_MEMBER_FROM_DEPARTMENT',
      params: { department: 'HR' },
    });
    expect(describeStep(choice('SALES_OWNS_ENGAGEMENT'), organisation)).toEqual({
      key: 'SALES_OWNS_ENGAGEMENT',
      params: {},
    });
  });
});
