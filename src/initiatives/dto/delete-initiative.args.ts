import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';

@ArgsType()
export class DeleteInitiativeArgs {
  @Field(() => ID, { description: 'The initiative to delete, with its KPIs.' })
  id!: string;

  @Field(() => Int, {
    description: 'The version the caller last read; another one fails with VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
