import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { ReportingCadenceEnum } from '../../graphql';
import { REPORTING_CADENCES, type AssessmentAnswers, type ReportingCadence } from '../../scoring';

const RATING = { min: 1, max: 5 };

/** The questionnaire of an assessment (domain.md, "Inputs"). Ratings run from 1 to 5. */
@InputType('AssessmentAnswersInput', {
  description: 'The questionnaire of an assessment; ratings run from 1 to 5.',
})
export class AssessmentAnswersInput implements AssessmentAnswers {
  @Field(() => Int, { description: 'Satisfaction with the results of social media, 1-5.' })
  @IsInt()
  @Min(RATING.min)
  @Max(RATING.max)
  overallSatisfaction!: number;

  @Field(() => Int, { description: "Senior management's support, 1-5." })
  @IsInt()
  @Min(RATING.min)
  @Max(RATING.max)
  managementSupport!: number;

  @Field({ description: 'A social media policy and guidelines exist.' })
  @IsBoolean()
  hasPolicy!: boolean;

  @Field(() => Int, { description: 'How well the team lives the policy as an example, 1-5.' })
  @IsInt()
  @Min(RATING.min)
  @Max(RATING.max)
  policyRoleModel!: number;

  @Field({ description: 'A crisis plan for social media exists.' })
  @IsBoolean()
  hasCrisisPlan!: boolean;

  @Field({ description: 'Social media and the online reputation are monitored.' })
  @IsBoolean()
  hasMonitoring!: boolean;

  @Field(() => ReportingCadenceEnum, { description: 'How often results are reported internally.' })
  @IsIn(REPORTING_CADENCES)
  reportingCadence!: ReportingCadence;

  @Field({
    description: 'Online communities apply to this organisation (makes COMMUNITY_MANAGEMENT applicable).',
  })
  @IsBoolean()
  communityApplicable!: boolean;
}
