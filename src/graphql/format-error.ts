import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { INTERNAL, mapKnownError, type MappedError } from '../common/error-mapping';
import { isError, RateLimitedError, ThrownValue, type FieldProblem } from '../common/errors';
import { errorMessage, fieldMessage } from '../i18n';
import { requestLanguage } from '../request';
import { inputErrorNote, normaliseInputPath } from './input-edges.plugin';
import { ARMOR_REJECTION } from './limits';

export { logInternalError, mapDatabaseError, type MappedError } from '../common/error-mapping';

/** GraphQL's own errors about the document or its variables: the message is for the client. */
const GRAPHQL_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Turns any thrown thing into one of the contract's codes: common/error-mapping.ts, plus GraphQL's own errors. */
export function mapError(error: unknown, graphqlCode?: string): MappedError {
  if (error instanceof ThrownValue) return mapError(error.thrown, graphqlCode);
  const known = mapKnownError(error);
  if (known) return known;
  if (isError(error) && ARMOR_REJECTION.test(error.message)) {
    return { code: 'QUERY_TOO_COMPLEX', message: error.message.replace(/^Syntax Error: /, ''), fields: [], internal: false };
  }
  if (graphqlCode && GRAPHQL_INPUT_CODES.has(graphqlCode) && (error === undefined || error instanceof GraphQLError)) {
    return { code: 'BAD_USER_INPUT', message: error instanceof Error ? error.message : 'Bad input', fields: [], internal: false };
  }
  return INTERNAL;
}

/**
 * Extracts the offending input path from graphql-js and plugin messages such as
 * `Variable "$input" got invalid value 9 at "input.insight"; Int cannot represent ...` (a fallback: the input-edges
 * plugin names the path from the document when it saw the error).
 */
export function fieldsFromCoercionMessage(message: string): FieldProblem[] {
  const at = / at "([^"]+)"/.exec(message);
  const missing = /Field "(?:[^".]+\.)?([^".]+)" of required type/.exec(message);
  const unknownField = /Field "([^"]+)" is not defined by type/.exec(message);
  const argument = /Argument "([^"]+)"/.exec(message) ?? /argument "([^"]+)"/.exec(message);
  const variable = /Variable "\$([^"]+)"/.exec(message);
  const leaf = missing?.[1] ?? unknownField?.[1];
  const base = at?.[1] ?? variable?.[1];
  const field = base ? (leaf ? `${base}.${leaf}` : base) : argument?.[1];
  return field ? [{ field, message }] : [];
}

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { exposeStack: boolean; onInternal: (error: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const graphqlCode = formatted.extensions?.code as string | undefined;
  const mapped = mapError(original, graphqlCode);
  if (mapped.internal) options.onInternal(original);
  const note = inputErrorNote(error);
  let fields = note?.fields ?? mapped.fields;
  if (mapped.code === 'BAD_USER_INPUT' && fields.length === 0) fields = fieldsFromCoercionMessage(formatted.message);
  const language = requestLanguage();
  fields = fields.map((f) => ({ field: normaliseInputPath(f.field), message: fieldMessage(language, f.message) }));
  const extensions: Record<string, unknown> = { code: mapped.code };
  if (mapped.code === 'BAD_USER_INPUT') {
    extensions.fields = [...new Set(fields.map((f) => f.field))];
    extensions.details = fields;
    if (note?.allowed) extensions.allowed = note.allowed;
  }
  if (original instanceof RateLimitedError && original.retryAfterSeconds !== undefined)
    extensions.retryAfterSeconds = original.retryAfterSeconds;
  if (options.exposeStack && original instanceof Error) extensions.stacktrace = original.stack?.split('\n');
  // GraphQL's own message about the document is the client's; anything else says only what mapError says.
  const ownMessage = mapped.code === 'BAD_USER_INPUT' && original instanceof GraphQLError && graphqlCode !== undefined;
  // Our messages in the request's language (Accept-Language); GraphQL's own about the document stay as graphql-js writes them.
  let message = ownMessage ? formatted.message : errorMessage(language, mapped.code, mapped.message);
  if (note?.allowed) message = `${message} Allowed values: ${note.allowed.join(', ')}.`;
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}
