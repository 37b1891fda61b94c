import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PERIOD_PATTERN } from '../../assessments';

@InputType('OpenCampaignInput', { description: 'A campaign for one period, with its closing time.' })
export class OpenCampaignInput {
  @Field({ description: 'YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY: started, from 2000 on (as submitAssessment).' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'must be YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY' })
  period!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it closes: in the future, at most a year ahead.' })
  @IsDate()
  closesAt!: Date;

  @Field(() => Int, { nullable: true, defaultValue: 3, description: 'Responses needed to close it, 1-1000.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  minResponses?: number | null = 3;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Closing replaces the period's current assessment (without it a period already assessed is refused).",
  })
  @IsOptional()
  @IsBoolean()
  supersede?: boolean | null = false;
}
