import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Assessment, type AssessmentSummary } from '../assessments';
import { DimensionEnum, StageEnum } from '../graphql';
import type { Dimension, Stage } from '../scoring';
import { Tenant } from '../tenants';
import { PORTFOLIO_SORTS, SCORE_DROP_ALERT_POINTS, type PortfolioSort } from './portfolio-status';

export const PortfolioSortEnum = Object.fromEntries(PORTFOLIO_SORTS.map((s) => [s, s])) as {
  [K in PortfolioSort]: K;
};
registerEnumType(PortfolioSortEnum, {
  name: 'PortfolioSort',
  description: 'Orders of the portfolio; ties end by tenant name. Tenants without a score or stage go last.',
  valuesMap: {
    OVERDUE_FIRST: {
      description: 'Overdue tenants first, the longest overdue at the top, then by due date.',
    },
    SCORE_ASC: { description: 'Lowest latest overall score first.' },
    SCORE_DESC: { description: 'Highest latest overall score first.' },
    STAGE: { description: 'Least mature stage first, then lowest score.' },
    NAME: { description: 'By tenant name.' },
    DUE_AT: { description: 'Earliest due date first.' },
  },
});

@ObjectType('PortfolioEntry', { description: "One of a consultant's clients with its schedule and alerts." })
export class PortfolioEntry {
  @Field(() => Tenant, {
    description:
      'The client. Its facts (teams, initiatives, growth) need the tenant selected with x-tenant-id.',
  })
  tenant!: Tenant;

  @Field(() => Assessment, {
    nullable: true,
    description:
      'The current assessment latest in period order (not the last submitted); its previous and delta come with it.',
  })
  latestAssessment!: AssessmentSummary | null;

  @Field(() => StageEnum, { nullable: true, description: 'The stage of the latest assessment.' })
  stage!: Stage | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The overall score of the latest assessment, unrounded.',
  })
  overallScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Latest minus previous current assessment overall score, unrounded; null without both.',
  })
  delta!: number | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the next assessment is due: the latest submission time of the current assessments + reassessment ' +
      'cadence (whole days of 24 hours). A tenant never assessed is due one cadence after it was created.',
  })
  dueAt!: Date;

  @Field({
    description: 'True when now is past dueAt (a tenant never assessed too, once its first cadence is over).',
  })
  overdue!: boolean;

  @Field(() => DimensionEnum, {
    nullable: true,
    description: 'The lowest-scoring applicable dimension of the latest assessment (the first one on a tie).',
  })
  weakestDimension!: Dimension | null;

  @Field({
    description: `True when delta <= -${SCORE_DROP_ALERT_POINTS}: the score dropped by ${SCORE_DROP_ALERT_POINTS} points or more.`,
  })
  scoreDropAlert!: boolean;

  /** For sorting (not in the schema). */
  id!: string;
  name!: string;
}

@ObjectType('Portfolio', { description: 'Every tenant where the caller is CONSULTANT.' })
export class Portfolio {
  /**
   * Every entry that passes the filter, in the chosen order: `entries(first, after)` pages over them
   * (PortfolioResolver). Not in the schema.
   */
  sorted!: PortfolioEntry[];
  sort!: PortfolioSort;
  /** The arguments of every `entries` selection of the request, for `pageInfo`. */
  entriesAsked!: readonly { readonly first: number; readonly after: string | null }[];

  @Field(() => Int, { description: 'Overdue tenants in the whole portfolio (the filter does not apply).' })
  overdueCount!: number;

  @Field(() => Int, {
    description: 'Tenants with a score-drop alert in the whole portfolio (the filter does not apply).',
  })
  alertCount!: number;

  @Field(() => Int, { description: 'Tenants in the whole portfolio (the filter does not apply).' })
  totalCount!: number;
}
