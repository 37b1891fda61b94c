import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { IsName } from '../../common/validation';

@InputType('UpdateTeamInput', { description: 'Renames a team, if nobody changed it since expectedVersion.' })
export class UpdateTeamInput {
  @Field(() => ID, { description: 'The team to change.' })
  id!: string;

  @Field(() => Int, {
    description: 'The version the caller last read; another one fails with VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: "The team's new name, 1 to 100 characters, not blank." })
  @IsName(100)
  name!: string;
}
