import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { formatGraphQLError } from './format-error';
import { armorProtection } from './limits';
import { listLimitsPlugin } from './list-limits.plugin';

const logger = new Logger('GraphQL');

/** Apollo settings; the schema is built in memory (the committed schema.gql is checked by a test). */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const development = config.env === 'development';
  const armor = armorProtection();
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
      ...(armor.plugins as NonNullable<ApolloDriverConfig['plugins']>),
      listLimitsPlugin,
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, {
        exposeStack: development,
        onInternal: (e) => logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e)),
      }),
  };
}
