import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { EXPLANATION_FIELDS } from '../assessments';
import { perFieldNode } from '../graphql';
import type { ClientAssessmentsProjection } from '../assessments';
import { DEFAULT_PORTFOLIO_PAGE } from './portfolio-page';

/**
 * What of the clients' assessments a portfolio request needs from the database (consultant_portfolio()'s
 * arguments). The dimension scores of the latest assessment and the previous score are always read: the weakest
 * dimension, the change and the alerts are computed from them for every entry, asked for or not.
 */
export type PortfolioProjection = ClientAssessmentsProjection;

/** Dashboards and the CSV export: scores, stages, dates and the weakest dimension. */
export const SUMMARY_PROJECTION: PortfolioProjection = Object.freeze({
  latestDetail: false,
  latestAnswers: false,
  previousDetail: false,
});

const DETAIL_FIELDS = new Set<string>(EXPLANATION_FIELDS);

/**
 * The projection of `Query.portfolio` from its selection set: fragments, aliases and @skip/@include are resolved
 * (graphql-parse-resolve-info), and every occurrence of `entries { latestAssessment { ... } }` counts.
 */
export function portfolioProjection(info: GraphQLResolveInfo): PortfolioProjection {
  return portfolioSelection(info).projection;
}

/** What portfolioSelection reads of a selection (read-only: it may be shared by the requests of one document). */
export interface PortfolioSelection {
  readonly projection: PortfolioProjection;
  readonly entriesAsked: readonly { readonly first: number; readonly after: string | null }[];
}

/**
 * The projection, and the arguments of every `entries` of the selection (for pageInfo), from one parse: once per
 * field node of a document without variables (bench Q2, the dashboard's repeated query: the parse was ~20 KB a
 * request).
 */
export const portfolioSelection = perFieldNode(parseSelection);

function parseSelection(info: GraphQLResolveInfo): PortfolioSelection {
  const portfolio = parseResolveInfo(info) as ResolveTree | null | undefined;
  const entriesAsked = fieldsNamed(portfolio, 'Portfolio', 'entries').map((entry) => {
    const { first, after } = entry.args as { first?: unknown; after?: unknown };
    return {
      first: typeof first === 'number' ? first : DEFAULT_PORTFOLIO_PAGE,
      after: typeof after === 'string' ? after : null,
    };
  });
  return Object.freeze({
    projection: Object.freeze(projectionOf(portfolio)),
    entriesAsked: Object.freeze(entriesAsked),
  });
}

function projectionOf(portfolio: ResolveTree | null | undefined): PortfolioProjection {
  const latest = fieldsNamed(portfolio, 'Portfolio', 'entries').flatMap((entry) =>
    fieldsNamed(entry, 'PortfolioEntry', 'latestAssessment'),
  );
  const asked = new Set(
    latest.flatMap((a) => Object.values(a.fieldsByTypeName.Assessment ?? {}).map((f) => f.name)),
  );
  return {
    latestDetail: [...asked].some((name) => DETAIL_FIELDS.has(name)),
    latestAnswers: asked.has('answers'),
    previousDetail: asked.has('previous'),
  };
}

function fieldsNamed(tree: ResolveTree | null | undefined, typeName: string, field: string): ResolveTree[] {
  if (!tree) return [];
  return Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((f) => f.name === field);
}
