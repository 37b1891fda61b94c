import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql';
import {
  AnswerItemEnum,
  DimensionEnum,
  FailureFactorEnum,
  ReportingCadenceEnum,
  ResponsibilityEnum,
  SeverityEnum,
  StageEnum,
} from '../graphql';
import type { AnswerItem, Dimension, FailureFactor, ReportingCadence, Responsibility, Severity, Stage } from '../scoring';

@ObjectType('DimensionScore', {
  description: 'One dimension of an assessment; scores are unrounded (clients round).',
})
export class DimensionScore {
  @Field(() => DimensionEnum, { description: 'The dimension scored.' })
  dimension!: Dimension;

  @Field(() => Float, {
    nullable: true,
    description: '0-100, unrounded; null when the dimension does not apply.',
  })
  score!: number | null;

  @Field({
    description: 'False when the dimension does not apply to this organisation (its score is then null).',
  })
  applicable!: boolean;

  @Field(() => Float, {
    description: 'Share of the overall score: applicable weights sum to 1; 0 when not applicable.',
  })
  weight!: number;

  @Field(() => Float, {
    description: "The model's weight after the market multiplier (Sales counts double in B2B).",
  })
  rawWeight!: number;
}

@ObjectType('Finding', { description: 'A rule of the model that fired, with what to do about it.' })
export class Finding {
  @Field({ description: 'E.g. NO_TEAM_WHERE_NEEDED, UNCOVERED_RESPONSIBILITY (every code: docs/methodology.md, "Findings").' })
  code!: string;

  @Field(() => SeverityEnum, { description: 'How urgent it is; findings are ordered by it.' })
  severity!: Severity;

  @Field(() => DimensionEnum, { nullable: true, description: 'The dimension the finding is about, if one.' })
  dimension!: Dimension | null;

  @Field(() => ResponsibilityEnum, {
    nullable: true,
    description: 'The uncovered responsibility, for UNCOVERED_RESPONSIBILITY.',
  })
  responsibility!: Responsibility | null;

  @Field(() => FailureFactorEnum, {
    nullable: true,
    description: 'The recurring factor, for RECURRING_FAILURE_FACTOR.',
  })
  failureFactor!: FailureFactor | null;

  @Field(() => AnswerItemEnum, {
    nullable: true,
    description: 'The questionnaire item respondents disagree on, for RESPONDENTS_DISAGREE (campaign assessments).',
  })
  item?: AnswerItem | null;

  @Field({ description: "What was found, in the domain's words." })
  message!: string;

  @Field({ description: 'What to do about it.' })
  recommendation!: string;
}

@ObjectType('AssessmentFacts', { description: 'The context the score was computed in, to explain it.' })
export class AssessmentFacts {
  @Field({
    description:
      'Whether the organisation needs a social media team (size, culture, departments, locations).',
  })
  teamNeeded!: boolean;

  @Field(() => Int, { description: 'Team members that are staff rather than agency people.' })
  inHouseMemberCount!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Agency units / outsourcing units, 0-1; null when nothing is owned and no initiative is live.',
  })
  outsourcingShare!: number | null;

  @Field(() => [ResponsibilityEnum], {
    description: 'The responsibilities that count: COMMUNITY_MANAGEMENT only where communities apply.',
  })
  applicableResponsibilities!: Responsibility[];
}

/** Said of each 1-5 answer in AssessmentAnswers: a campaign's aggregate may lie between two whole answers. */
const WHOLE_ANSWER =
  ' A campaign aggregate between two whole answers (the median of an even count, e.g. 3.5) shows here as the ' +
  'lower one; the exact value it was scored with is in `ratings`.';

@ObjectType('AnswerRatings', {
  description:
    'The three 1-5 answers exactly as scored. A submission gives whole numbers; a campaign aggregate can be a half ' +
    '(the mean of the two middle responses of an even count, e.g. 3.5), and the model takes it as it is.',
})
export class AnswerRatings {
  @Field(() => Float, { description: 'Overall satisfaction with the results, 1-5.' })
  overallSatisfaction!: number;

  @Field(() => Float, { description: 'Support from senior management, 1-5.' })
  managementSupport!: number;

  @Field(() => Float, { description: 'How well the team lives the policy as an example, 1-5.' })
  policyRoleModel!: number;
}

/**
 * The questionnaire answers as stored. The three ratings are numbers (a campaign's 3.5 included); the Int fields
 * of the contract show them as whole answers (assessment-answers.resolver.ts), `ratings` exactly.
 */
@ObjectType('AssessmentAnswers', { description: 'The questionnaire answers the assessment was scored with.' })
export class AssessmentAnswers {
  @Field(() => Int, { description: 'Overall satisfaction with the results, 1-5.' + WHOLE_ANSWER })
  overallSatisfaction!: number;

  @Field(() => Int, { description: 'Support from senior management, 1-5.' + WHOLE_ANSWER })
  managementSupport!: number;

  @Field({ description: 'A social media policy and guidelines exist.' })
  hasPolicy!: boolean;

  @Field(() => Int, { description: 'How well the team lives the policy as an example, 1-5.' + WHOLE_ANSWER })
  policyRoleModel!: number;

  @Field({ description: 'A crisis plan for social media exists.' })
  hasCrisisPlan!: boolean;

  @Field({ description: 'Online mentions are monitored.' })
  hasMonitoring!: boolean;

  @Field(() => ReportingCadenceEnum, { description: 'How often results are reported internally.' })
  reportingCadence!: ReportingCadence;

  @Field({ description: 'Online communities apply to this organisation (makes COMMUNITY_MANAGEMENT count).' })
  communityApplicable!: boolean;
}

@ObjectType('Assessment', {
  description: "An immutable, scored snapshot of the tenant's facts and questionnaire answers for a period.",
})
export class Assessment {
  @Field(() => ID, { description: 'The assessment id.' })
  id!: string;

  @Field({ description: 'YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY.' })
  period!: string;

  @Field({ description: 'When it was submitted (the time axis of growth).' })
  submittedAt!: Date;

  @Field({ description: 'The scoring model version the stored result was computed with.' })
  modelVersion!: string;

  @Field(() => Float, { description: '0-100, unrounded (clients round to one decimal).' })
  overallScore!: number;

  @Field(() => StageEnum, { description: 'The band of the overall score before caps.' })
  bandStage!: Stage;

  @Field(() => StageEnum, { description: 'The stage after caps.' })
  stage!: Stage;

  @Field(() => [String], {
    description: 'Caps that lowered the stage: WEAKEST_LINK, FULLY_OUTSOURCED, NO_TEAM_WHERE_NEEDED.',
  })
  appliedCaps!: string[];

  @Field(() => [DimensionScore], { description: 'Every dimension, in contract order.' })
  dimensions!: DimensionScore[];

  @Field(() => [Finding], { description: 'Most severe first.' })
  findings!: Finding[];

  @Field(() => AssessmentFacts, { description: 'The context the score was computed in.' })
  facts!: AssessmentFacts;

  @Field(() => AssessmentAnswers, { description: 'The questionnaire answers it was scored with.' })
  answers!: AssessmentAnswers;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When a later assessment of the same period replaced this one.',
  })
  supersededAt!: Date | null;

  @Field({ description: 'False once superseded, and for a preview.' })
  current!: boolean;

  @Field({ description: 'True for a scorePreview result, which is not stored.' })
  preview!: boolean;
}

export const AssessmentConnection = ConnectionType(Assessment, 'Assessment');

/** Assessment fields read from the stored result beyond its dimensions. */
export const EXPLANATION_FIELDS = ['bandStage', 'appliedCaps', 'findings', 'facts'] as const;

/** The fields an assessment read in part may lack: the stored result beyond its dimensions, and the answers. */
export const ASSESSMENT_DETAIL_FIELDS = [...EXPLANATION_FIELDS, 'answers'] as const;
export type AssessmentDetailField = (typeof ASSESSMENT_DETAIL_FIELDS)[number];

/**
 * What the read model already knows of an assessment's predecessor in period order, so that `previous` and `delta`
 * need no query (undefined: not known, the resolver asks the read model; null: there is none).
 */
export interface KnownPredecessor {
  predecessor?: AssessmentSummary | null;
  predecessorScore?: number | null;
}

/**
 * An assessment as the read model returns it: in full, or read in part (growth's older points, the portfolio's
 * projection), in which case the detail it was read without is absent, not faked.
 */
export type AssessmentSummary = Omit<Assessment, AssessmentDetailField> &
  Partial<Pick<Assessment, AssessmentDetailField>> &
  KnownPredecessor;
