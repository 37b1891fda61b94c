import { Field, Float, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DimensionEnum, StageEnum } from '../graphql';
import { getScoringModel, stageOutlook, type Dimension, type Stage } from '../scoring';
import { Assessment } from './assessment.model';

@ObjectType('StageOutlook', {
  description:
    'The way to the next stage, from the scoring model: the overall score that reaches it, and the caps (with the ' +
    'weakest dimension) that keep the stage below it whatever the overall score. See docs/methodology.md.',
})
export class StageOutlookModel {
  @Field(() => StageEnum, { description: 'The stage after caps, as assessed.' })
  stage!: Stage;

  @Field(() => StageEnum, { nullable: true, description: 'The stage after it; null at CONVERGED.' })
  nextStage!: Stage | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The lowest overall score in the band of the next stage; null at CONVERGED.',
  })
  nextStageScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Overall points still missing for that band, unrounded; 0 when the score is already there.',
  })
  pointsToNextStage!: number | null;

  @Field(() => [String], {
    description:
      'Caps that keep the stage below the next one whatever the overall score (WEAKEST_LINK, FULLY_OUTSOURCED, ' +
      'NO_TEAM_WHERE_NEEDED); empty when reaching nextStageScore is enough.',
  })
  blockingCaps!: string[];

  @Field(() => DimensionEnum, {
    nullable: true,
    description: 'WEAKEST_LINK: the lowest applicable dimension, when it holds the stage back; else null.',
  })
  cappingDimension!: Dimension | null;

  @Field(() => Float, { nullable: true, description: "The capping dimension's score, unrounded." })
  cappingDimensionScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The score every applicable dimension needs to lift the WEAKEST_LINK cap for the next stage.',
  })
  dimensionScoreNeeded!: number | null;

  @Field(() => [DimensionEnum], {
    description: 'Every applicable dimension below dimensionScoreNeeded, lowest first.',
  })
  dimensionsBelowNeeded!: Dimension[];
}

/** Assessment.outlook: computed from the stored scores by the pure engine (src/scoring/outlook.ts). */
@Resolver(() => Assessment)
export class AssessmentOutlookResolver {
  @ResolveField(() => StageOutlookModel, {
    description: 'The next stage, the overall score that reaches it, and what holds the stage back (the caps).',
  })
  outlook(@Parent() assessment: Assessment): StageOutlookModel {
    return stageOutlook(
      { overallScore: assessment.overallScore, stage: assessment.stage, dimensions: assessment.dimensions },
      getScoringModel(assessment.modelVersion),
    );
  }
}
