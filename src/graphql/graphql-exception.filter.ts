import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Errors thrown in GraphQL resolvers, guards and interceptors go to Apollo as they are: formatError maps them to
 * the contract's codes and logs the internal ones, once. Without this filter Nest's default handler logged every
 * one of them at error level with its stack (a wrong password or a NOT_FOUND included), and internal ones twice.
 * Other contexts (the REST exports have their own filter) keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // graphql-js treats an Error returned by a resolver as that field's error.
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
