import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection';

interface FirstArgument {
  node: ArgumentNode;
  type: GraphQLInputType;
  max: number;
}

/** Lists whose page may be larger than MAX_PAGE_SIZE ("Type.field": maximum), as the contract sets them. */
const FIELD_MAXIMUMS: Readonly<Record<string, number>> = { 'Portfolio.entries': 200 };

/**
 * The `first` arguments of a document, found once per parsed document: Apollo keeps one DocumentNode per query
 * text in its document cache, so a repeated operation is not walked again (issue 7: the walk with TypeInfo on every
 * request cost ~2% of the CPU of a read). Only their values, which may come from variables, are checked per request.
 */
const firstArgumentsOf = new WeakMap<DocumentNode, { schema: GraphQLSchema; found: FirstArgument[] }>();

function firstArguments(document: DocumentNode, schema: GraphQLSchema): FirstArgument[] {
  const known = firstArgumentsOf.get(document);
  if (known?.schema === schema) return known.found;
  const typeInfo = new TypeInfo(schema);
  const found: FirstArgument[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (node.name.value !== 'first' || !argument) return;
        const field = `${typeInfo.getParentType()?.name ?? ''}.${typeInfo.getFieldDef()?.name ?? ''}`;
        found.push({ node, type: argument.type, max: FIELD_MAXIMUMS[field] ?? MAX_PAGE_SIZE });
      },
    }),
  );
  firstArgumentsOf.set(document, { schema, found });
  return found;
}

/**
 * Caps every list argument (`first`) at MAX_PAGE_SIZE once the operation is resolved and before it executes, so an
 * oversized page is refused before any guard or resolver runs SQL. (The argument classes validate it too.)
 */
export const listLimitsPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, schema, request }) => {
        const refused: string[] = [];
        let max = MAX_PAGE_SIZE;
        for (const argument of firstArguments(document, schema)) {
          const value: unknown = valueFromAST(argument.node.value, argument.type, request.variables);
          if (typeof value === 'number' && (value < 1 || value > argument.max)) {
            refused.push(String(value));
            max = argument.max;
          }
        }
        if (refused.length > 0) {
          throw new GraphQLError(
            `Argument "first" must be between 1 and ${max} (got ${refused.join(', ')})`,
            // A plugin's error is a 500 unless it carries its HTTP status (the fuzz test met `first: 0`).
            { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
          );
        }
        return Promise.resolve();
      },
    }),
};
