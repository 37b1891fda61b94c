import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { StageEnum } from '../../graphql';
import { STAGES, type Stage } from '../../scoring';

@InputType('SetTargetInput', { description: "The organisation's target stage and date (replaces the previous one)." })
export class SetTargetInput {
  @Field(() => StageEnum, { description: 'The stage to reach.' })
  @IsIn(STAGES)
  stage!: Stage;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When to reach it; null or absent: no date.' })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}
