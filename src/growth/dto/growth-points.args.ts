import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const DEFAULT_GROWTH_POINTS = 20;
export const MAX_GROWTH_POINTS = 100;

@ArgsType()
export class GrowthPointsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_GROWTH_POINTS,
    description: `How many of the latest periods, 1 to ${MAX_GROWTH_POINTS}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_GROWTH_POINTS)
  last: number = DEFAULT_GROWTH_POINTS;
}
