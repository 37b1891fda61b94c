import { CAP_CODES, STAGES, type CapCode, type Stage } from './domain';
import type { ScoringModel } from './model';

/** The highest stage whose threshold the score reaches. */
export function stageOfScore(score: number, thresholds: ScoringModel['stageThresholds']): Stage {
  let stage: Stage = STAGES[0];
  for (const candidate of STAGES) {
    if (score >= thresholds[candidate]) stage = candidate;
  }
  return stage;
}

export function stageAfter(stage: Stage): Stage | null {
  return STAGES[STAGES.indexOf(stage) + 1] ?? null;
}

/** What the caps look at. */
export interface StageEvidence {
  overallScore: number;
  /** Lowest score among the applicable dimensions. */
  lowestDimensionScore: number;
  fullyOutsourced: boolean;
  lacksNeededTeam: boolean;
}

export interface StageOutcome {
  bandStage: Stage;
  stage: Stage;
  /** The caps below the band, in CAP_CODES order. */
  appliedCaps: CapCode[];
}

/** The band of the overall score, lowered to the lowest cap below it. */
export function determineStage(evidence: StageEvidence, model: ScoringModel): StageOutcome {
  const bandStage = stageOfScore(evidence.overallScore, model.stageThresholds);
  const limits = capLimits(evidence, model);
  const appliedCaps = CAP_CODES.filter((cap) => {
    const limit = limits[cap];
    return limit !== null && rank(limit) < rank(bandStage);
  });
  const stage = appliedCaps.reduce<Stage>((lowest, cap) => lowerOf(lowest, limits[cap] ?? lowest), bandStage);
  return { bandStage, stage, appliedCaps };
}

/** The highest stage each cap allows, or null when the cap is not in force. */
function capLimits(evidence: StageEvidence, model: ScoringModel): Record<CapCode, Stage | null> {
  const weakestBand = rank(stageOfScore(evidence.lowestDimensionScore, model.stageThresholds));
  const weakestLinkRank = Math.min(STAGES.length - 1, weakestBand + model.caps.weakestLinkStagesAbove);
  return {
    WEAKEST_LINK: STAGES[weakestLinkRank],
    FULLY_OUTSOURCED: evidence.fullyOutsourced ? model.caps.fullyOutsourcedMaxStage : null,
    NO_TEAM_WHERE_NEEDED: evidence.lacksNeededTeam ? model.caps.noTeamWhereNeededMaxStage : null,
  };
}

function rank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

function lowerOf(a: Stage, b: Stage): Stage {
  return rank(a) <= rank(b) ? a : b;
}
