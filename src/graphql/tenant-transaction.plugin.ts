import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject, Logger, Module } from '@nestjs/common';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../common/errors';
import { formatGraphQLError } from './format-error';
import { TenantTransaction } from '../tenancy';
import { sqlStatementsOfRequest } from '../database';
import { APP_CONFIG, type AppConfig } from '../config';

/**
 * Queries whose resolvers write (the benchmark's first read of the day stores the day's release): never on a
 * read-only replica.
 */
const WRITING_QUERIES = new Set(['benchmark']);

/** A query whose root fields are all plain fields that store nothing may read from a replica. */
function isRead(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && !WRITING_QUERIES.has(s.name.value))
  );
}

/**
 * Marks each GraphQL operation as a read (a query: it may run on the read replica) or a write before any resolver
 * opens its transaction. Ends each GraphQL operation's transaction after every resolver (field resolvers and DataLoaders included)
 * has run and before the response leaves: a mutation with any error is rolled back whole; otherwise commit.
 * A failed commit replaces the response with an error, so a client never sees data that was not stored.
 */
@Plugin()
export class TenantTransactionPlugin implements ApolloServerPlugin {
  private readonly logger = new Logger('TenantTransaction');

  constructor(
    private readonly tx: TenantTransaction,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const tx = this.tx;
    const logger = this.logger;
    // A diagnostic for tests and benchmarks only (SQL_STATEMENTS_HEADER): it tells a caller how much work a request caused.
    const sqlHeader = this.config.sqlStatementsHeader;
    return Promise.resolve({
      didResolveOperation(ctx) {
        tx.markKind(ctx.operation && isRead(ctx.operation) ? 'read' : 'write');
        return Promise.resolve();
      },
      async willSendResponse(ctx) {
        const isMutation = ctx.operation?.operation === OperationTypeNode.MUTATION;
        const failed = (ctx.errors?.length ?? 0) > 0;
        try {
          await tx.finish(isMutation && failed ? 'rollback' : 'commit');
          if (sqlHeader) {
            ctx.response.http.headers.set('x-sql-statements', String(sqlStatementsOfRequest()));
            ctx.response.http.headers.set('x-read-from', tx.route() ?? 'none');
          }
        } catch (error) {
          logger.error(error);
          const formatted = formatGraphQLError({ message: 'Internal server error' }, error, {
            exposeStack: false,
            onInternal: () => undefined,
          });
          ctx.response.body = { kind: 'single', singleResult: { errors: [formatted] } };
          const unavailable = formatted.extensions?.code === 'SERVICE_UNAVAILABLE';
          ctx.response.http.status = unavailable ? 503 : 500;
          if (unavailable) ctx.response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      },
    });
  }
}

/** Registers the plugin with Apollo (the GraphQL module discovers @Plugin providers). */
@Module({ providers: [TenantTransactionPlugin] })
export class TenantTransactionPluginModule {}
