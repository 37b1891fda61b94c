import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, valueFromAST, visit, visitWithTypeInfo } from 'graphql';
import { MAX_PAGE_SIZE } from './connection';

/**
 * Caps every list argument (`first`) at MAX_PAGE_SIZE once the operation is resolved and before it executes, so an
 * oversized page is refused before any guard or resolver runs SQL. (The argument classes validate it too.)
 */
export const listLimitsPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, schema, request }) => {
        const typeInfo = new TypeInfo(schema);
        const refused: string[] = [];
        visit(
          document,
          visitWithTypeInfo(typeInfo, {
            Argument(node) {
              const argument = typeInfo.getArgument();
              if (node.name.value !== 'first' || !argument) return;
              const value: unknown = valueFromAST(node.value, argument.type, request.variables);
              if (typeof value === 'number' && (value < 1 || value > MAX_PAGE_SIZE))
                refused.push(String(value));
            },
          }),
        );
        if (refused.length > 0) {
          throw new GraphQLError(
            `Argument "first" must be between 1 and ${MAX_PAGE_SIZE} (got ${refused.join(', ')})`,
            {
              extensions: { code: 'BAD_USER_INPUT' },
            },
          );
        }
        return Promise.resolve();
      },
    }),
};
