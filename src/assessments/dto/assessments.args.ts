import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageArgs } from '../../graphql';

@ArgsType()
export class AssessmentsArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include assessments replaced by a later one of the same period.',
  })
  @IsOptional()
  @IsBoolean()
  includeSuperseded?: boolean | null = false;
}
