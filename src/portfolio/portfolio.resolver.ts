import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../tenancy/access.decorator';
import { PortfolioArgs } from './dto/portfolio.args';
import { Portfolio } from './portfolio.model';
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
  portfolio(@Args() args: PortfolioArgs): Promise<Portfolio> {
    return this.portfolios.portfolio(args);
  }
}
