import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, RateLimitedError, RequestAbortedError, type ErrorCode, type FieldProblem } from '../common/errors';
import { ARMOR_REJECTION } from './limits';

export interface MappedError {
  code: ErrorCode;
  message: string;
  fields: FieldProblem[];
  /** true when the cause is a defect or an outage rather than the caller's input */
  internal: boolean;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'RATE_LIMITED',
};

/** Logs an internal error with its stack; a request the client abandoned is no failure and is logged at info. */
export function logInternalError(logger: { log(message: string): void; error(message: string): void }, error: unknown): void {
  if (error instanceof RequestAbortedError) logger.log(error.message);
  else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/** Turns any thrown thing into one of the contract's codes. The one place where errors get their code. */
export function mapError(error: unknown, graphqlCode?: string): MappedError {
  if (error instanceof AppError) {
    // An AppError with INTERNAL_SERVER_ERROR is a fault of ours: logged, and its message is not the client's business.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return { code: error.code, message: internal ? 'Internal server error' : error.message, fields: error.fields, internal };
  }
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()] ?? 'INTERNAL_SERVER_ERROR';
    return { code, message: code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : error.message, fields: [], internal: code === 'INTERNAL_SERVER_ERROR' };
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: string } | undefined)?.code;
    if (pgCode === '23505') return { code: 'CONFLICT', message: 'Already exists', fields: [], internal: false };
    if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22003' || pgCode === '22001' || pgCode === '22007' || pgCode === '22008')
      return { code: 'BAD_USER_INPUT', message: 'A value is out of range or malformed', fields: [], internal: false };
    if (pgCode === '57014')
      return { code: 'INTERNAL_SERVER_ERROR', message: 'The operation took too long and was cancelled', fields: [], internal: true };
  }
  if (error instanceof Error && ARMOR_REJECTION.test(error.message)) {
    return { code: 'QUERY_TOO_COMPLEX', message: error.message.replace(/^Syntax Error: /, ''), fields: [], internal: false };
  }
  if (graphqlCode === 'GRAPHQL_PARSE_FAILED' || graphqlCode === 'GRAPHQL_VALIDATION_FAILED' || graphqlCode === 'BAD_USER_INPUT') {
    return { code: 'BAD_USER_INPUT', message: error instanceof Error ? error.message : 'Bad input', fields: [], internal: false };
  }
  if (graphqlCode === 'PERSISTED_QUERY_NOT_FOUND' || graphqlCode === 'OPERATION_RESOLUTION_FAILURE' || graphqlCode === 'BAD_REQUEST') {
    return { code: 'BAD_USER_INPUT', message: error instanceof Error ? error.message : 'Bad input', fields: [], internal: false };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', fields: [], internal: true };
}

/**
 * Extracts the offending input paths from graphql-js coercion messages such as
 * `Variable "$input" got invalid value 9 at "input.insight"; Int cannot represent ...`.
 * The leading variable or argument name is dropped so paths read like class-validator's ("insight").
 */
export function fieldsFromCoercionMessage(message: string): FieldProblem[] {
  const at = /at "([^"]+)"/.exec(message);
  const missing = /Field "([^"]+)" of required type/.exec(message);
  const unknownField = /Field "([^"]+)" is not defined by type/.exec(message);
  const argument = /Argument "([^"]+)"/.exec(message) ?? /argument "([^"]+)"/.exec(message);
  const variable = /Variable "\$([^"]+)"/.exec(message);
  const segments = at ? at[1].split('.').slice(1) : [];
  const leaf = missing?.[1] ?? unknownField?.[1];
  if (leaf) segments.push(leaf);
  const field = segments.length > 0 ? segments.join('.') : (argument?.[1] ?? variable?.[1]);
  return field ? [{ field, message }] : [];
}

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { exposeStack: boolean; onInternal: (error: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const graphqlCode = formatted.extensions?.code as string | undefined;
  const mapped = mapError(original instanceof GraphQLError ? original : original, graphqlCode);
  if (mapped.internal) options.onInternal(original);
  let fields = mapped.fields;
  if (mapped.code === 'BAD_USER_INPUT' && fields.length === 0) fields = fieldsFromCoercionMessage(formatted.message);
  const extensions: Record<string, unknown> = { code: mapped.code };
  if (mapped.code === 'BAD_USER_INPUT') {
    extensions.fields = [...new Set(fields.map((f) => f.field))];
    extensions.details = fields;
  }
  if (original instanceof RateLimitedError && original.retryAfterSeconds !== undefined)
    extensions.retryAfterSeconds = original.retryAfterSeconds;
  if (options.exposeStack && original instanceof Error) extensions.stacktrace = original.stack?.split('\n');
  const message =
    mapped.code === 'BAD_USER_INPUT' && !(original instanceof AppError) && graphqlCode ? formatted.message : mapped.message;
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}
