import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { AssessmentSummary } from '../assessments';
import { DimensionEnum, StageEnum } from '../graphql';
import type { Dimension, Stage } from '../scoring';

@ObjectType('DimensionTrend', { description: 'How one dimension moves over the latest assessments.' })
export class DimensionTrend {
  @Field(() => DimensionEnum, { description: 'The dimension the trend is about.' })
  dimension!: Dimension;

  @Field(() => Float, {
    nullable: true,
    description:
      'Least-squares slope in points per 90 days over the last four assessments that scored the dimension, with ' +
      "the period's first day as x; null with fewer than two or when their periods start on the same day.",
  })
  slopePer90Days!: number | null;
}

@ObjectType('Growth', {
  description:
    "The tenant's current assessments in period order (the period's first day, the shorter period first, then " +
    'submission time), with trends over the last four and the next stage.',
})
export class Growth {
  /**
   * Every current assessment in period order, oldest first, for the `points(last)` field (Growth.points is
   * resolved in GrowthResolver): the latest ones in full, the older ones with their dimension scores only.
   */
  allPoints!: AssessmentSummary[];

  @Field(() => Int, { description: 'Current assessments in all: the length of the whole history.' })
  totalPoints!: number;

  @Field(() => [DimensionTrend], { description: 'Every dimension, in contract order.' })
  trends!: DimensionTrend[];

  @Field(() => Float, {
    nullable: true,
    description: 'Least-squares slope of the overall score per 90 days over the last four assessments.',
  })
  overallSlopePer90Days!: number | null;

  @Field(() => StageEnum, {
    nullable: true,
    description: 'The stage after the latest one; null at CONVERGED or without assessments.',
  })
  nextStage!: Stage | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the overall trend, if it holds, reaches the next stage; null unless the trend rises.',
  })
  projectedNextStageAt!: Date | null;
}
