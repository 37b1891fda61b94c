import { Field, InputType } from '@nestjs/graphql';
import { IsName } from '../../common/validation';

@InputType('CreateTeamInput', { description: 'A new social media team (the central team or a spoke).' })
export class CreateTeamInput {
  @Field({ description: "The team's name, 1 to 100 characters, not blank." })
  @IsName(100)
  name!: string;
}
