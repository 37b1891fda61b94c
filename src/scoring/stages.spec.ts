import { SOCIAL_MATURITY_V1 } from './model-v1';
import { determineStage, stageAfter, stageOfScore, type StageEvidence } from './stages';

const model = SOCIAL_MATURITY_V1;

describe('stageOfScore (bands)', () => {
  it.each([
    [0, 'PLANNING'],
    [19.999, 'PLANNING'],
    [20, 'PRESENCE'],
    [34.999, 'PRESENCE'],
    [35, 'ENGAGEMENT'],
    [49.999, 'ENGAGEMENT'],
    [50, 'FORMALIZED'],
    [64.999, 'FORMALIZED'],
    [65, 'STRATEGIC'],
    [79.999, 'STRATEGIC'],
    [80, 'CONVERGED'],
    [100, 'CONVERGED'],
  ] as const)('%d -> %s', (overall, stage) => {
    expect(stageOfScore(overall, model.stageThresholds)).toBe(stage);
  });
});

describe('stageAfter', () => {
  it('gives the next stage, none after CONVERGED', () => {
    expect(stageAfter('PLANNING')).toBe('PRESENCE');
    expect(stageAfter('STRATEGIC')).toBe('CONVERGED');
    expect(stageAfter('CONVERGED')).toBeNull();
  });
});

describe('determineStage (caps)', () => {
  const evidence = (overrides: Partial<StageEvidence>): StageEvidence => ({
    overallScore: 85,
    lowestDimensionScore: 85,
    fullyOutsourced: false,
    lacksNeededTeam: false,
    ...overrides,
  });

  it('keeps the band when no cap is in force', () => {
    expect(determineStage(evidence({}), model)).toEqual({
      bandStage: 'CONVERGED',
      stage: 'CONVERGED',
      appliedCaps: [],
    });
  });

  it('WEAKEST_LINK: lowest 10 (PLANNING) allows at most ENGAGEMENT (PLANNING + 2)', () => {
    expect(determineStage(evidence({ lowestDimensionScore: 10 }), model)).toEqual({
      bandStage: 'CONVERGED',
      stage: 'ENGAGEMENT',
      appliedCaps: ['WEAKEST_LINK'],
    });
  });

  it('WEAKEST_LINK: lowest 35 (ENGAGEMENT) allows at most STRATEGIC', () => {
    expect(determineStage(evidence({ lowestDimensionScore: 35 }), model)).toMatchObject({
      stage: 'STRATEGIC',
      appliedCaps: ['WEAKEST_LINK'],
    });
  });

  it('WEAKEST_LINK: lowest 34.9 (PRESENCE) allows at most FORMALIZED', () => {
    expect(determineStage(evidence({ lowestDimensionScore: 34.9 }), model).stage).toBe('FORMALIZED');
  });

  it('WEAKEST_LINK is not listed when its limit is not below the band', () => {
    // lowest 50 (FORMALIZED) + 2 = CONVERGED, equal to the band
    expect(determineStage(evidence({ lowestDimensionScore: 50 }), model)).toMatchObject({
      stage: 'CONVERGED',
      appliedCaps: [],
    });
    // band FORMALIZED (60); lowest 20 (PRESENCE) + 2 = FORMALIZED: equal, not listed
    expect(determineStage(evidence({ overallScore: 60, lowestDimensionScore: 20 }), model)).toMatchObject({
      stage: 'FORMALIZED',
      appliedCaps: [],
    });
    // band FORMALIZED; lowest 19 (PLANNING) + 2 = ENGAGEMENT: below, listed
    expect(determineStage(evidence({ overallScore: 60, lowestDimensionScore: 19 }), model)).toMatchObject({
      stage: 'ENGAGEMENT',
      appliedCaps: ['WEAKEST_LINK'],
    });
  });

  it('WEAKEST_LINK is clamped at CONVERGED', () => {
    expect(determineStage(evidence({ lowestDimensionScore: 80 }), model).stage).toBe('CONVERGED');
  });

  it('FULLY_OUTSOURCED allows at most PRESENCE', () => {
    expect(
      determineStage(evidence({ overallScore: 60, lowestDimensionScore: 60, fullyOutsourced: true }), model),
    ).toEqual({
      bandStage: 'FORMALIZED',
      stage: 'PRESENCE',
      appliedCaps: ['FULLY_OUTSOURCED'],
    });
  });

  it('FULLY_OUTSOURCED is not listed at or below PRESENCE', () => {
    expect(
      determineStage(evidence({ overallScore: 30, lowestDimensionScore: 30, fullyOutsourced: true }), model),
    ).toEqual({
      bandStage: 'PRESENCE',
      stage: 'PRESENCE',
      appliedCaps: [],
    });
    expect(
      determineStage(evidence({ overallScore: 10, lowestDimensionScore: 10, fullyOutsourced: true }), model),
    ).toMatchObject({
      stage: 'PLANNING',
      appliedCaps: [],
    });
  });

  it('NO_TEAM_WHERE_NEEDED allows at most ENGAGEMENT', () => {
    expect(
      determineStage(evidence({ overallScore: 70, lowestDimensionScore: 70, lacksNeededTeam: true }), model),
    ).toEqual({
      bandStage: 'STRATEGIC',
      stage: 'ENGAGEMENT',
      appliedCaps: ['NO_TEAM_WHERE_NEEDED'],
    });
  });

  it('NO_TEAM_WHERE_NEEDED is not listed at ENGAGEMENT', () => {
    expect(
      determineStage(evidence({ overallScore: 40, lowestDimensionScore: 40, lacksNeededTeam: true }), model),
    ).toMatchObject({
      stage: 'ENGAGEMENT',
      appliedCaps: [],
    });
  });

  it('lists every cap below the band in fixed order; the lowest wins', () => {
    // band CONVERGED; WEAKEST_LINK 0 -> PLANNING + 2 = ENGAGEMENT; FULLY_OUTSOURCED PRESENCE; NO_TEAM ENGAGEMENT
    expect(
      determineStage(
        evidence({ lowestDimensionScore: 0, fullyOutsourced: true, lacksNeededTeam: true }),
        model,
      ),
    ).toEqual({
      bandStage: 'CONVERGED',
      stage: 'PRESENCE',
      appliedCaps: ['WEAKEST_LINK', 'FULLY_OUTSOURCED', 'NO_TEAM_WHERE_NEEDED'],
    });
  });

  it('lists a cap that is below the band even when another cap is lower', () => {
    // band FORMALIZED; WEAKEST_LINK limit CONVERGED (not listed); FULLY_OUTSOURCED PRESENCE; NO_TEAM ENGAGEMENT
    expect(
      determineStage(
        evidence({
          overallScore: 55,
          lowestDimensionScore: 55,
          fullyOutsourced: true,
          lacksNeededTeam: true,
        }),
        model,
      ),
    ).toEqual({
      bandStage: 'FORMALIZED',
      stage: 'PRESENCE',
      appliedCaps: ['FULLY_OUTSOURCED', 'NO_TEAM_WHERE_NEEDED'],
    });
  });
});
