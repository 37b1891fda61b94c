import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config';
import { formatGraphQLError, logInternalError } from './format-error';
import { queryLimitDetails, queryLimitsPlugin } from './complexity.plugin';
import { documentSizePlugin, inputEdgesPlugin, parsingRefusalsAreClientErrors } from './input-edges.plugin';
import { armorProtection } from './limits';
import { listLimitsPlugin } from './list-limits.plugin';
import { JitExecution } from './jit-executor';

const logger = new Logger('GraphQL');

/**
 * Every response is one user's data: never stored by a cache. Apollo's cache-control plugin said so too, but it
 * wraps every field resolver to collect cache hints this API never gives (issue 7's profile: ~4% of the CPU of the
 * portfolio); it is disabled and the header set here instead.
 */
const noStore: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    }),
};

/** Apollo settings; the schema is built in memory (the committed schema.gql is checked by a test). */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const development = config.env === 'development';
  const armor = armorProtection();
  const queryLimits = queryLimitsPlugin(config.queryLimits);
  const execution = new JitExecution(config.graphqlCompileAfterRuns);
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: config.env !== 'production',
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [
      documentSizePlugin,
      ...armor.plugins.map(parsingRefusalsAreClientErrors),
      listLimitsPlugin,
      // Before the tenant transaction plugin (Nest adds @Plugin() classes after these): see complexity.plugin.ts.
      queryLimits.plugin,
      inputEdgesPlugin,
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
    ],
    stringifyResult: queryLimits.stringifyResult,
    // Execution compiled per document (jit-executor.ts): Nest's schema goes to the compiler, Apollo runs the rest.
    // Apollo's types allow a gateway only without a schema; with one, Apollo takes the gateway's (the same schema).
    ...(config.graphqlCompileAfterRuns === null
      ? {}
      : ({ transformSchema: execution.useSchema, gateway: execution } as object)),
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: (formatted, error) => {
      const result = formatGraphQLError(formatted, error, {
        exposeStack: development,
        onInternal: (e) => logInternalError(logger, e),
      });
      // QUERY_TOO_COMPLEX for the cost says by how much: extensions.cost and extensions.maxCost.
      const details = queryLimitDetails(error);
      return details ? { ...result, extensions: { ...result.extensions, ...details } } : result;
    },
  };
}
