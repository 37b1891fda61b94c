import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PORTFOLIO_PAGE, MAX_PORTFOLIO_PAGE } from '../portfolio-page';

@ArgsType()
export class PortfolioEntriesArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PORTFOLIO_PAGE,
    description: `Page size, 1 to ${MAX_PORTFOLIO_PAGE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PORTFOLIO_PAGE)
  first: number = DEFAULT_PORTFOLIO_PAGE;

  @Field(() => String, { nullable: true, description: 'The pageInfo.endCursor of the previous page (same sort).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string | null;
}
