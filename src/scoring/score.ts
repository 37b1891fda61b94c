import { buildScoringContext, isFullyOutsourced, lacksNeededTeam } from './context';
import { scoreDimensions } from './dimensions';
import { collectFindings } from './findings';
import type { ScoringModel } from './model';
import { determineStage } from './stages';
import type { ScoringInputs, ScoringResult } from './types';
import { overallScore, weighDimensions } from './weights';

/**
 * Scores an organisation's social business maturity under a model. Pure and deterministic: the same
 * inputs and model always give a deeply equal result, so any stored assessment can be recomputed.
 */
export function score(inputs: ScoringInputs, model: ScoringModel): ScoringResult {
  const context = buildScoringContext(inputs, model);
  const scores = scoreDimensions(context, inputs.answers, model);
  const dimensions = weighDimensions(scores, inputs.profile.market, model);
  const overall = overallScore(dimensions);
  const applicableScores = dimensions.flatMap(({ score: value }) => (value === null ? [] : [value]));
  const { bandStage, stage, appliedCaps } = determineStage(
    {
      overallScore: overall,
      lowestDimensionScore: Math.min(...applicableScores),
      fullyOutsourced: isFullyOutsourced(context),
      lacksNeededTeam: lacksNeededTeam(context),
    },
    model,
  );
  return {
    modelVersion: model.version,
    overallScore: overall,
    bandStage,
    stage,
    appliedCaps,
    dimensions,
    findings: collectFindings(inputs, context, scores, model),
    facts: {
      teamNeeded: context.teamNeeded,
      inHouseMemberCount: context.inHouseMembers.length,
      outsourcingShare: context.outsourcingShare,
      applicableResponsibilities: [...context.applicableResponsibilities],
    },
  };
}
