import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IDEMPOTENCY_KEY_PATTERN, PERIOD_PATTERN } from '../period';
import { AssessmentAnswersInput } from './assessment-answers.input';

@InputType('SubmitAssessmentInput', {
  description: 'A periodic assessment: the period, the questionnaire answers and an idempotency key.',
})
export class SubmitAssessmentInput {
  @Field({ description: 'YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY, e.g. "2026-Q4".' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'must be YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY' })
  period!: string;

  @Field(() => AssessmentAnswersInput, { description: 'The questionnaire answers.' })
  @ValidateNested()
  @Type(() => AssessmentAnswersInput)
  answers!: AssessmentAnswersInput;

  @Field({
    description:
      'Chosen by the client: any 1 to 255 characters without control characters. A replay with the same key and body returns the ' +
      'first result; the same key with another body is IDEMPOTENCY_KEY_REUSED.',
  })
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'must be 1 to 255 characters without control characters' })
  idempotencyKey!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Replace the current assessment of this period; the old one stays in history as superseded.',
  })
  @IsOptional()
  @IsBoolean()
  supersede?: boolean | null = false;
}
