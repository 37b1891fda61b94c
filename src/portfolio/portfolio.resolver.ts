import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Access } from '../tenancy/access.decorator';
import { PortfolioArgs } from './dto/portfolio.args';
import { Portfolio } from './portfolio.model';
import { portfolioProjection } from './portfolio-projection';
import { PortfolioService } from './portfolio.service';

@Resolver(() => Portfolio)
export class PortfolioResolver {
  constructor(private readonly portfolios: PortfolioService) {}

  @Query(() => Portfolio, {
    description:
      "The caller's clients: every tenant where they are CONSULTANT, with latest score, stage, change, due date, " +
      'overdue flag, weakest dimension and score-drop alert. One SQL statement whatever the number of clients.',
  })
  @Access.user()
  portfolio(@Args() args: PortfolioArgs, @Info() info: GraphQLResolveInfo): Promise<Portfolio> {
    return this.portfolios.portfolio(args, portfolioProjection(info));
  }
}
