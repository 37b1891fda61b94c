import { CAP_CODES, DIMENSIONS, STAGES, type CapCode, type Dimension, type Stage } from './domain';
import type { ScoringModel } from './model';
import { stageAfter, stageOfScore } from './stages';

/**
 * What the outlook needs of a scored assessment (a stored one or a fresh ScoringResult): its scores and stage
 * only, so it works wherever the dimension scores were read (the portfolio's summary reads too).
 */
export interface OutlookInput {
  overallScore: number;
  /** The stage after caps. */
  stage: Stage;
  dimensions: readonly { dimension: Dimension; score: number | null }[];
}

/**
 * The evidence of the two structural caps, read back from the dimension scores: OUTSOURCING sits at the model's
 * floor exactly when everything is outsourced (share 1), and TEAM_COMPOSITION is 0 exactly when a needed team has
 * no in-house member (with one, its department alone gives a diversity above 0; without a needed team it is null).
 */
export function capEvidenceOf(
  dimensions: OutlookInput['dimensions'],
  model: ScoringModel,
): { fullyOutsourced: boolean; lacksNeededTeam: boolean } {
  const scoreOf = (dimension: Dimension) => dimensions.find((d) => d.dimension === dimension)?.score ?? null;
  const outsourcing = scoreOf('OUTSOURCING');
  return {
    fullyOutsourced: outsourcing !== null && outsourcing <= model.outsourcing.floor,
    lacksNeededTeam: scoreOf('TEAM_COMPOSITION') === 0,
  };
}

/**
 * The way to the next stage, in the model's own numbers: the overall score whose band is the next stage, and
 * what the caps ask besides. Reaching the next stage needs the score AND every blocking cap lifted.
 */
export interface StageOutlook {
  /** The stage after caps, as assessed. */
  stage: Stage;
  /** The stage after it; null at the top (CONVERGED). */
  nextStage: Stage | null;
  /** The lowest overall score whose band is the next stage; null at the top. */
  nextStageScore: number | null;
  /** Overall points still missing for that band (0 when the score is already there); null at the top. */
  pointsToNextStage: number | null;
  /** The caps that keep the stage below the next one, whatever the overall score, in CAP_CODES order. */
  blockingCaps: CapCode[];
  /** WEAKEST_LINK: the lowest applicable dimension, when it keeps the stage below the next one; else null. */
  cappingDimension: Dimension | null;
  /** Its score, unrounded. */
  cappingDimensionScore: number | null;
  /** The score every applicable dimension needs to lift the WEAKEST_LINK cap for the next stage. */
  dimensionScoreNeeded: number | null;
  /** Every applicable dimension below dimensionScoreNeeded, lowest first (the capping dimension first). */
  dimensionsBelowNeeded: Dimension[];
}

/** The next stage of an assessment and what holds it back (the caps, the weakest dimension). Pure. */
export function stageOutlook(input: OutlookInput, model: ScoringModel): StageOutlook {
  const nextStage = stageAfter(input.stage);
  const none: StageOutlook = {
    stage: input.stage,
    nextStage,
    nextStageScore: null,
    pointsToNextStage: null,
    blockingCaps: [],
    cappingDimension: null,
    cappingDimensionScore: null,
    dimensionScoreNeeded: null,
    dimensionsBelowNeeded: [],
  };
  if (nextStage === null) return none;
  const nextStageScore = model.stageThresholds[nextStage];
  const applicable = input.dimensions
    .flatMap(({ dimension, score }) => (score === null ? [] : [{ dimension, score }]))
    .sort((a, b) => a.score - b.score || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension));
  const target = STAGES.indexOf(nextStage);
  // WEAKEST_LINK allows `weakestLinkStagesAbove` stages above the band of the lowest applicable dimension.
  const neededBand = target - model.caps.weakestLinkStagesAbove;
  const dimensionScoreNeeded = neededBand <= 0 ? 0 : model.stageThresholds[STAGES[neededBand]];
  const lowest = applicable[0];
  const weakestLinkBlocks =
    lowest !== undefined &&
    STAGES.indexOf(stageOfScore(lowest.score, model.stageThresholds)) + model.caps.weakestLinkStagesAbove < target;
  const evidence = capEvidenceOf(input.dimensions, model);
  const blocks: Record<CapCode, boolean> = {
    WEAKEST_LINK: weakestLinkBlocks,
    FULLY_OUTSOURCED: evidence.fullyOutsourced && STAGES.indexOf(model.caps.fullyOutsourcedMaxStage) < target,
    NO_TEAM_WHERE_NEEDED:
      evidence.lacksNeededTeam && STAGES.indexOf(model.caps.noTeamWhereNeededMaxStage) < target,
  };
  return {
    ...none,
    nextStageScore,
    pointsToNextStage: Math.max(0, nextStageScore - input.overallScore),
    blockingCaps: CAP_CODES.filter((cap) => blocks[cap]),
    cappingDimension: weakestLinkBlocks ? lowest.dimension : null,
    cappingDimensionScore: weakestLinkBlocks ? lowest.score : null,
    dimensionScoreNeeded: weakestLinkBlocks ? dimensionScoreNeeded : null,
    dimensionsBelowNeeded: weakestLinkBlocks
      ? applicable.filter(({ score }) => score < dimensionScoreNeeded).map(({ dimension }) => dimension)
      : [],
  };
}
