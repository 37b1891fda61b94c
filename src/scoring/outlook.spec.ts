import fc from 'fast-check';
import { DIMENSIONS, STAGES, type Dimension, type Stage } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { capEvidenceOf, stageOutlook, type OutlookInput } from './outlook';
import { score } from './score';
import { inputs as baseInputs } from './scoring.fixtures';
import { determineStage } from './stages';

const rating = fc.integer({ min: 1, max: 5 });
/** Teams with in-house and agency people, agency or in-house owners, and initiatives outsourced or not. */
const structureArbitrary = fc
  .record({
    employeeCount: fc.constantFrom(10, 60, 300),
    culture: fc.constantFrom('INFORMAL' as const, 'HIERARCHICAL' as const),
    members: fc.array(
      fc.record({ external: fc.boolean(), insight: rating, experience: rating, affinity: rating, sales: fc.boolean() }),
      { maxLength: 4 },
    ),
    agencyOwned: fc.subarray(['CHANNEL_MANAGEMENT', 'CONTENT_MARKETING', 'TOOLING'] as const),
    departmentOwned: fc.subarray(['AUDIENCE_ENGAGEMENT', 'KNOWLEDGE_SHARING'] as const),
    initiatives: fc.array(fc.constantFrom('NONE' as const, 'PARTIAL' as const, 'FULL' as const), { maxLength: 3 }),
  })
  .map((s) =>
    baseInputs({
      profile: { employeeCount: s.employeeCount, culture: s.culture, departments: ['MARKETING', 'SALES'] },
      members: s.members.map((m, i) => ({
        id: `m${i}`,
        name: `M${i}`,
        department: m.sales ? ('SALES' as const) : ('MARKETING' as const),
        external: m.external,
        insight: m.insight,
        experience: m.experience,
        affinity: m.affinity,
      })),
      responsibilities: [
        ...s.agencyOwned.map((responsibility) => ({ responsibility, ownerKind: 'AGENCY' as const })),
        ...s.departmentOwned.map((responsibility) => ({
          responsibility,
          ownerKind: 'DEPARTMENT' as const,
          department: 'MARKETING' as const,
        })),
      ],
      initiatives: s.initiatives.map((outsourcing, i) => ({
        id: `i${i}`,
        name: `I${i}`,
        status: 'ACTIVE' as const,
        ownerDepartment: 'MARKETING' as const,
        outsourcing,
        kpis: [],
        satisfaction: null,
        failureFactors: [],
      })),
    }),
  );

const model = SOCIAL_MATURITY_V1;

function input(scores: Partial<Record<Dimension, number | null>>, overrides: Partial<OutlookInput> = {}): OutlookInput {
  const dimensions = DIMENSIONS.map((dimension) => ({ dimension, score: scores[dimension] ?? null }));
  const applicable = dimensions.flatMap((d) => (d.score === null ? [] : [d.score]));
  const overallScore = overrides.overallScore ?? applicable.reduce((a, b) => a + b, 0) / applicable.length;
  const stage =
    overrides.stage ??
    determineStage(
      { overallScore, lowestDimensionScore: Math.min(...applicable), fullyOutsourced: false, lacksNeededTeam: false },
      model,
    ).stage;
  return { overallScore, stage, dimensions, ...overrides };
}

describe('stageOutlook', () => {
  it('FORMALIZED at 58: STRATEGIC from 65, 7 points to go, no cap in the way', () => {
    const outlook = stageOutlook(input({ TEAM_COMPOSITION: 58, SATISFACTION: 58, GOVERNANCE: 58 }), model);
    expect(outlook).toEqual({
      stage: 'FORMALIZED',
      nextStage: 'STRATEGIC',
      nextStageScore: 65,
      pointsToNextStage: 7,
      blockingCaps: [],
      cappingDimension: null,
      cappingDimensionScore: null,
      dimensionScoreNeeded: null,
      dimensionsBelowNeeded: [],
    });
  });

  it('WEAKEST_LINK: band STRATEGIC but GOVERNANCE 25 (PRESENCE) caps at FORMALIZED; it needs 35 (ENGAGEMENT)', () => {
    const outlook = stageOutlook(
      input({ TEAM_COMPOSITION: 90, SATISFACTION: 90, MEASUREMENT: 100, GOVERNANCE: 25, OUTSOURCING: 30 }),
      model,
    );
    expect(outlook.stage).toBe('FORMALIZED');
    expect(outlook.nextStage).toBe('STRATEGIC');
    expect(outlook.pointsToNextStage).toBe(0); // overall 67: the score is there, the cap is not lifted
    expect(outlook.blockingCaps).toEqual(['WEAKEST_LINK']);
    expect(outlook.cappingDimension).toBe('GOVERNANCE');
    expect(outlook.cappingDimensionScore).toBe(25);
    expect(outlook.dimensionScoreNeeded).toBe(35);
    expect(outlook.dimensionsBelowNeeded).toEqual(['GOVERNANCE', 'OUTSOURCING']);
  });

  it('ignores dimensions that do not apply when looking for the weakest one', () => {
    const outlook = stageOutlook(
      input({ TEAM_COMPOSITION: 70, SATISFACTION: 70, SALES_INVOLVEMENT: null, GOVERNANCE: 10 }),
      model,
    );
    expect(outlook.stage).toBe('ENGAGEMENT'); // overall 50 (FORMALIZED band), lowest 10 (PLANNING) + 2
    expect(outlook.cappingDimension).toBe('GOVERNANCE');
    expect(outlook.dimensionScoreNeeded).toBe(20); // FORMALIZED needs the lowest in PRESENCE
  });

  it('up to ENGAGEMENT no dimension score is needed: the cap allows two stages above PLANNING', () => {
    const outlook = stageOutlook(input({ TEAM_COMPOSITION: 0, SATISFACTION: 30 }), model);
    expect(outlook).toMatchObject({ stage: 'PLANNING', nextStage: 'PRESENCE', nextStageScore: 20, blockingCaps: [] });
    expect(outlook.pointsToNextStage).toBe(5);
  });

  it('FULLY_OUTSOURCED (OUTSOURCING at its floor, 20) holds at PRESENCE; NO_TEAM_WHERE_NEEDED (TEAM 0) at ENGAGEMENT', () => {
    const outsourced = { TEAM_COMPOSITION: 60, SATISFACTION: 60, OUTSOURCING: 20, GOVERNANCE: 60 };
    expect(stageOutlook(input(outsourced, { stage: 'PRESENCE' }), model).blockingCaps).toEqual(['FULLY_OUTSOURCED']);
    const noTeam = { TEAM_COMPOSITION: 0, SATISFACTION: 100, OUTSOURCING: 20, GOVERNANCE: 100, MEASUREMENT: 100 };
    expect(stageOutlook(input(noTeam, { stage: 'ENGAGEMENT' }), model).blockingCaps).toEqual([
      'WEAKEST_LINK',
      'FULLY_OUTSOURCED',
      'NO_TEAM_WHERE_NEEDED',
    ]);
    // No team where none is needed (TEAM_COMPOSITION null): no cap.
    const optional = { TEAM_COMPOSITION: null, SATISFACTION: 60, GOVERNANCE: 60 };
    expect(stageOutlook(input(optional), model).blockingCaps).toEqual([]);
  });

  it('reads the structural caps back from the scores exactly as score() decides them', () => {
    fc.assert(
      fc.property(structureArbitrary, (inputs) => {
        const result = score(inputs, model);
        expect(capEvidenceOf(result.dimensions, model)).toEqual({
          fullyOutsourced: result.facts.outsourcingShare === 1,
          lacksNeededTeam: result.facts.teamNeeded && result.facts.inHouseMemberCount === 0,
        });
        // And an outlook of a real result never promises the next stage while a cap the engine applied stands.
        const outlook = stageOutlook(result, model);
        if (outlook.nextStage && result.bandStage !== result.stage) expect(outlook.blockingCaps.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('has no next stage at CONVERGED', () => {
    expect(stageOutlook(input({ TEAM_COMPOSITION: 95, GOVERNANCE: 100 }), model)).toMatchObject({
      stage: 'CONVERGED',
      nextStage: null,
      nextStageScore: null,
      pointsToNextStage: null,
      blockingCaps: [],
    });
  });

  it('property: meeting what the outlook asks reaches the next stage; falling short of it does not', () => {
    const dimensionScores = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
      minLength: DIMENSIONS.length,
      maxLength: DIMENSIONS.length,
    });
    fc.assert(
      fc.property(dimensionScores, (values) => {
        const scores = Object.fromEntries(DIMENSIONS.map((d, i) => [d, values[i]]));
        const before = input(scores);
        const outlook = stageOutlook(before, model);
        if (outlook.nextStage === null) return;
        const rank = (stage: Stage) => STAGES.indexOf(stage);
        const lowest = Math.min(...values);
        const stageWith = (overallScore: number, lowestDimensionScore: number) =>
          determineStage({ overallScore, lowestDimensionScore, fullyOutsourced: false, lacksNeededTeam: false }, model)
            .stage;
        const needed = outlook.dimensionScoreNeeded ?? lowest;
        const overall = Math.max(before.overallScore, outlook.nextStageScore!);
        // Both asked for: the next stage (or higher) is reached.
        expect(rank(stageWith(overall, Math.max(lowest, needed)))).toBeGreaterThanOrEqual(rank(outlook.nextStage));
        // The cap said to block: lifting the score alone does not help.
        if (outlook.cappingDimension !== null) {
          expect(rank(stageWith(100, lowest))).toBeLessThan(rank(outlook.nextStage));
        }
      }),
    );
  });
});
