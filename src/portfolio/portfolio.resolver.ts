import { Args, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../common/errors';
import { PageInfo } from '../graphql';
import { Access } from '../tenancy';
import { PortfolioArgs } from './dto/portfolio.args';
import { PortfolioEntriesArgs } from './dto/portfolio-entries.args';
import { Portfolio, PortfolioEntry } from './portfolio.model';
import { DEFAULT_PORTFOLIO_PAGE, MAX_PORTFOLIO_PAGE, portfolioPage } from './portfolio-page';
import { portfolioSelection } from './portfolio-projection';
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
  async portfolio(@Args() args: PortfolioArgs, @Info() info: GraphQLResolveInfo): Promise<Portfolio> {
    const { projection, entriesAsked } = portfolioSelection(info);
    return { ...(await this.portfolios.portfolio(args, projection)), entriesAsked };
  }

  @ResolveField(() => [PortfolioEntry], {
    description:
      `The entries that pass the filter, in the chosen order: a page of \`first\` (1 to ${MAX_PORTFOLIO_PAGE}) ` +
      'after the cursor `after` (a pageInfo.endCursor of the same sort).',
  })
  entries(@Parent() portfolio: Portfolio, @Args() args: PortfolioEntriesArgs): PortfolioEntry[] {
    return portfolioPage(portfolio.sorted, portfolio.sort, args.first, args.after).entries;
  }

  @ResolveField(() => PageInfo, {
    description:
      'Where the page of `entries` ends and whether more follow (with entries asked for one page per request).',
  })
  pageInfo(@Parent() portfolio: Portfolio): PageInfo {
    const distinct = [...new Map(portfolio.entriesAsked.map((a) => [JSON.stringify(a), a])).values()];
    if (distinct.length > 1) {
      throw BadUserInputError.field('pageInfo', 'is ambiguous: entries is asked for with different arguments');
    }
    const page = distinct[0] ?? { first: DEFAULT_PORTFOLIO_PAGE, after: null };
    return portfolioPage(portfolio.sorted, portfolio.sort, page.first, page.after).pageInfo;
  }
}
