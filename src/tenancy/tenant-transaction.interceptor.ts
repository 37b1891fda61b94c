import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { TenantTransaction } from './tenant-transaction';

/**
 * For REST handlers (exports, health): ends the request's transaction when the handler is done.
 * GraphQL operations are ended by TenantTransactionPlugin instead, after their field resolvers.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly tx: TenantTransaction) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') return next.handle();
    return next.handle().pipe(
      mergeMap((value: unknown) => from(this.tx.finish('commit').then(() => value))),
      catchError((error: Error) => from(this.tx.finish('rollback').then(() => Promise.reject(error)))),
    );
  }
}
