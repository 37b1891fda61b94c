import type { GatewayExecutor, GatewayInterface, GatewayLoadResult } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type ExecutionResult, GraphQLError, type GraphQLSchema, locatedError, type SourceLocation } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * GraphQL execution compiled per document (graphql-jit) instead of interpreted by graphql-js for every request.
 *
 * graphql-js walks the document for each request and allocates two dictionaries per field even when the field has
 * no arguments (about 780 bytes a field: Q2's 843 fields are 654 KB per request, docs/performance.md). graphql-jit
 * compiles an operation once into a function that resolves the same fields with the same resolvers (Nest's, with
 * their guards and pipes), coerces the variables and serializes the scalars, then runs that function per request.
 * A document is compiled on its second run (GRAPHQL_COMPILE_AFTER_RUNS, default 1): its first runs on graphql-js, so
 * a stream of one-off documents costs what it cost before, not a compilation each.
 *
 * Apollo Server 5 has no executor option; its documented way in is the `gateway` interface (what Apollo Gateway
 * uses): `load` hands Apollo the schema and the executor. Apollo still parses, validates (with the armor rules),
 * runs every plugin hook around execution, and formats the errors; only execution itself changes. Compiled
 * operations are kept per parsed document, which Apollo already caches per query text (its document store), so
 * a document that leaves that cache takes its compiled operations with it.
 */

let compiledOperations = 0;

/** How many operations this process has compiled (a diagnostic: the tests check the compiled path ran). */
export function compiledOperationCount(): number {
  return compiledOperations;
}

export class JitExecution implements GatewayInterface {
  private schema: GraphQLSchema | null = null;
  /** Per parsed document and operation name: the compiled operation, or how often it has run on graphql-js. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | number>>();

  /** @param compileAfterRuns runs of a document on graphql-js before it is compiled (0: compiled at once). */
  constructor(private readonly compileAfterRuns: number | null = 1) {}
  private listener: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;

  /** Nest's `transformSchema` hook: the schema Nest built, with its resolvers, before Apollo starts. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  load(): Promise<GatewayLoadResult> {
    const schema = this.schema;
    if (!schema) throw new Error('The GraphQL schema was not built before Apollo started');
    this.listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
    return Promise.resolve({ executor: this.execute });
  }

  onSchemaLoadOrUpdate(callback: (context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    this.listener = callback;
    return () => {
      this.listener = null;
    };
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private readonly execute: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? '';
    const variables = request.request.variables ?? {};
    const compiled = this.compiledFor(request.document, operationName);
    if (!compiled) {
      // Not compiled (yet): graphql-js, as Apollo would run it (a one-off query never pays for a compilation).
      return (await execute({
        schema: this.schema!,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName: request.operationName,
      })) as never;
    }
    if (!isCompiledQuery(compiled)) return withGraphQLErrors(compiled) as never;
    const result = await compiled.query(undefined, request.context, variables);
    if (result.errors?.length && !('data' in result)) {
      // jit refused the variables (its errors carry no nodes): graphql-js's coercion names the variable's
      // definition, by which Apollo answers 400 BAD_USER_INPUT and input-edges names the input path.
      const definitions = request.operation.variableDefinitions ?? [];
      const coerced = getVariableValues(this.schema!, definitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors } as never;
    }
    return withGraphQLErrors(result) as never;
  };

  /** The compiled operation, or null while the document still runs on graphql-js. */
  private compiledFor(document: DocumentNode, operationName: string): CompiledQuery | ExecutionResult | null {
    if (this.compileAfterRuns === null) return null;
    let byName = this.compiled.get(document);
    if (!byName) {
      byName = new Map();
      this.compiled.set(document, byName);
    }
    const known = byName.get(operationName) ?? 0;
    if (typeof known !== 'number') return known;
    if (known < this.compileAfterRuns) {
      byName.set(operationName, known + 1);
      return null;
    }
    const compiled = compileQuery(this.schema!, document, operationName || undefined);
    byName.set(operationName, compiled);
    compiledOperations++;
    return compiled;
  }
}

/**
 * graphql-jit's errors are its own read-only objects (message, locations, path, originalError): Apollo, its plugins
 * (graphql-armor masks messages in place) and formatError expect graphql-js's GraphQLError, whose originalError is
 * what a resolver threw (an AppError keeps its code).
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map(toGraphQLError) };
}

interface JitError {
  message: string;
  locations?: readonly SourceLocation[];
  path?: readonly (string | number)[];
  originalError?: unknown;
}

function toGraphQLError(error: JitError): GraphQLError {
  // jit's error inherits GraphQLError's prototype but is a frozen object of its own: always made anew.
  const thrown = error.originalError;
  const converted =
    thrown instanceof Error ? locatedError(thrown, undefined, error.path) : new GraphQLError(error.message, { path: error.path });
  if (error.locations?.length && !converted.locations) {
    Object.defineProperty(converted, 'locations', { value: error.locations, enumerable: true, configurable: true });
  }
  return converted;
}
