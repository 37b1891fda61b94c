import type { FieldNode, GraphQLResolveInfo } from 'graphql';

/**
 * What a resolver reads of its own selection (a projection, a count), worked out once per field node of a document
 * without variables: Apollo keeps one parsed document per query text, so a repeated query (the dashboard's, the
 * benchmark's) parses its selection once instead of per request. With variables (they may decide @skip/@include
 * and the arguments) or several field nodes merged, `read` runs every time. The result may be shared by the
 * requests of one document: it must not be changed.
 */
export function perFieldNode<T>(read: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const known = new WeakMap<FieldNode, T>();
  return (info) => {
    const cacheable = info.fieldNodes.length === 1 && !info.operation.variableDefinitions?.length;
    if (!cacheable) return read(info);
    const node = info.fieldNodes[0];
    if (known.has(node)) return known.get(node)!;
    const value = read(info);
    known.set(node, value);
    return value;
  };
}
