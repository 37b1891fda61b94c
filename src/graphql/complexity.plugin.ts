import type { ApolloServerPlugin } from '@apollo/server';
import { type FormattedExecutionResult, GraphQLError, type GraphQLFormattedError, OperationTypeNode } from 'graphql';
import { AppError } from '../common/errors';
import { estimateCost } from './complexity';

export interface QueryLimits {
  /** The highest estimated cost (complexity.ts) accepted. */
  maxCost: number;
  /** The largest response body, in bytes of UTF-8, sent. */
  maxResponseBytes: number;
}

/** A request over the cost or response-size limit; `details` go to the error's extensions. */
export class QueryTooComplexError extends AppError {
  constructor(
    message: string,
    readonly details: Record<string, number>,
  ) {
    super('QUERY_TOO_COMPLEX', message);
  }
}

/** The extensions a formatted QUERY_TOO_COMPLEX error carries besides its code (cost and maxCost, ...). */
export function queryLimitDetails(error: unknown): Record<string, number> | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof QueryTooComplexError ? original.details : undefined;
}

/** Apollo's own serialisation of a single result (runHttpQuery's orderExecutionResultFields + prettyJSONStringify). */
function serialise(result: FormattedExecutionResult): string {
  return JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + '\n';
}

function utf8Bytes(text: string, limit: number): number {
  // A UTF-16 unit is 1 to 3 bytes of UTF-8: only a text between limit/3 and limit units needs counting.
  return text.length * 3 <= limit || text.length > limit ? text.length : Buffer.byteLength(text, 'utf8');
}

interface Serialised {
  text: string;
  errors: FormattedExecutionResult['errors'];
  extensions: FormattedExecutionResult['extensions'];
}

/**
 * The cost limit and the response-size ceiling of every GraphQL request.
 *
 * - Cost: once the operation is resolved (validation passed, before any guard or resolver and so before any SQL),
 *   the estimate of complexity.ts (cached per document, argument values per request) is compared with maxCost.
 * - Size: each response with data is serialised once, in willSendResponse, and measured; the text is handed to
 *   Apollo through `stringifyResult` so it is not serialised again. An oversized response is replaced by a
 *   QUERY_TOO_COMPLEX error (HTTP 400). A mutation is measured before the transaction plugin (registered after this
 *   one) decides, and the error makes it roll back, so a client is never told "refused" for a stored change; a query
 *   is measured once its COMMIT is on the wire, overlapping the round trip instead of lengthening the transaction.
 */
export function queryLimitsPlugin(limits: QueryLimits): {
  plugin: ApolloServerPlugin;
  stringifyResult: (value: FormattedExecutionResult) => string;
} {
  const serialised = new WeakMap<object, Serialised>();

  const tooLarge = (bytes: number): GraphQLFormattedError => ({
    message: `The response would be ${bytes} bytes, above the maximum of ${limits.maxResponseBytes}: ask for fewer items or fields`,
    extensions: { code: 'QUERY_TOO_COMPLEX', responseBytes: bytes, maxResponseBytes: limits.maxResponseBytes },
  });

  const plugin: ApolloServerPlugin = {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ document, schema, operation, request }) => {
          if (!operation) return Promise.resolve();
          const cost = estimateCost(document, schema, operation, request.variables);
          if (cost > limits.maxCost) {
            const details = { cost, maxCost: limits.maxCost };
            throw new GraphQLError(
              `Query cost ${cost} is above the maximum of ${limits.maxCost}: ask for smaller pages (first/last), fewer aliases or fewer nested lists`,
              {
                originalError: new QueryTooComplexError(`Query cost ${cost} is above the maximum of ${limits.maxCost}`, details),
                extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
              },
            );
          }
          return Promise.resolve();
        },
        willSendResponse: async (ctx) => {
          const mutation = ctx.operation?.operation === OperationTypeNode.MUTATION;
          // A query's transaction only reads: let its COMMIT go out first (setImmediate runs after the microtasks
          // that send it). A mutation must be measured now, before the transaction plugin reads ctx.errors.
          if (!mutation) await new Promise<void>((resolve) => setImmediate(resolve));
          const { body } = ctx.response;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          // Without data, a response is a few errors: small, and serialised by Apollo as usual.
          if (!result.data) return;
          const text = serialise(result);
          const bytes = utf8Bytes(text, limits.maxResponseBytes);
          if (bytes <= limits.maxResponseBytes) {
            serialised.set(result.data, { text, errors: result.errors, extensions: result.extensions });
            return;
          }
          const error = tooLarge(bytes);
          ctx.response.body = { kind: 'single', singleResult: { errors: [error] } };
          ctx.response.http.status = 400;
          // The transaction plugin rolls a mutation back when the request has errors.
          if (mutation) {
            (ctx as { errors?: readonly GraphQLError[] }).errors = [
              new GraphQLError(error.message, { extensions: error.extensions }),
            ];
          }
        },
      }),
  };

  const stringifyResult = (value: FormattedExecutionResult): string => {
    const known = value.data ? serialised.get(value.data) : undefined;
    if (known && known.errors === value.errors && known.extensions === value.extensions) {
      serialised.delete(value.data as object);
      return known.text;
    }
    // Not measured (no data) or changed after measuring (e.g. a failed commit replaced it): serialise now.
    return serialise(value);
  };

  return { plugin, stringifyResult };
}
