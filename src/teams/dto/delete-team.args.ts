import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';

@ArgsType()
export class DeleteTeamArgs {
  @Field(() => ID, { description: 'The team to delete, with its members.' })
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, delete only if the team is still at this version (else VERSION_CONFLICT).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
