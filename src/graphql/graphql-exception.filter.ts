import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLResolveInfo, isInputObjectType } from 'graphql';
import { AppError, BadUserInputError, ThrownValue } from '../common/errors';

/**
 * Errors thrown in GraphQL resolvers, guards and interceptors go to Apollo as they are: formatError maps them to
 * the contract's codes and logs the internal ones, once. Without this filter Nest's default handler logged every
 * one of them at error level with its stack (a wrong password or a NOT_FOUND included), and internal ones twice.
 * Other contexts (the REST exports have their own filter) keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // graphql-js treats an Error returned by a resolver as that field's error, and anything else as its value: a
    // thrown non-Error, or an Error of another realm (Node's own ECONNREFUSED inside a vm context such as Jest's),
    // is handed back wrapped, or a database outage in a guard would come out as `Tenant.id` being null.
    if (host.getType<string>() === 'graphql') {
      if (exception instanceof BadUserInputError) return withArgumentPaths(exception, GqlArgumentsHost.create(host).getInfo());
      return exception instanceof Error ? exception : new ThrownValue(exception);
    }
    if (host.getType() === 'http' && refusedGraphQLBody(exception, host)) return;
    return super.catch(exception, host);
  }
}

/**
 * A body refused before GraphQL saw it (over BODY_LIMIT_KB: 413; not JSON: 400) is still answered in GraphQL's shape
 * on /graphql, with its 4xx status: a client reads `errors[0].extensions.code` as for any other refusal.
 */
function refusedGraphQLBody(exception: unknown, host: ArgumentsHost): boolean {
  const http = host.switchToHttp();
  const req = http.getRequest<Request>();
  const res = http.getResponse<Response>();
  if (!req.path?.startsWith('/graphql') || res.headersSent) return false;
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : Number((exception as { statusCode?: unknown; status?: unknown } | null)?.statusCode ?? NaN);
  if (!(status >= 400 && status < 500)) return false;
  const type = (exception as { type?: unknown }).type;
  const message =
    status === 413 || type === 'entity.too.large'
      ? 'The request body is over the size limit'
      : 'The request body is not a GraphQL request in JSON';
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [], details: [] } }] });
  return true;
}

/**
 * A service names a field of its input as it knows it (`url`); the client sent it as `input.url`. A path whose
 * first name is no argument of the field but a field of exactly one input-object argument gets that argument
 * in front; anything else (`x-tenant-id`, `after`, `input.period`) stays as it is.
 */
export function withArgumentPaths(error: BadUserInputError, info: GraphQLResolveInfo | undefined): AppError {
  const definition = info?.parentType.getFields()[info.fieldName];
  if (!definition || error.fields.length === 0) return error;
  const argumentNames = new Set(definition.args.map((a) => a.name));
  let changed = false;
  const fields = error.fields.map((problem) => {
    const first = problem.field.split(/[.[]/, 1)[0];
    if (argumentNames.has(first)) return problem;
    const owners = definition.args.filter((a) => {
      const type = getNamedType(a.type);
      return isInputObjectType(type) && first in type.getFields();
    });
    if (owners.length !== 1) return problem;
    changed = true;
    return { ...problem, field: `${owners[0].name}.${problem.field}` };
  });
  return changed ? new BadUserInputError(error.message, fields) : error;
}
