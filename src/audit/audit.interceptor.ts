import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { map, type Observable } from 'rxjs';
import { forgetRequestReads } from '../request';
import { AuditService } from './audit.service';
import { beginAuditRecord } from './audit-record';
import { AUDIT_TARGET, type AuditTargetOf } from './audited.decorator';

/**
 * Writes an audit row after every successful GraphQL mutation, inside the same transaction: a mutation that
 * is rolled back leaves no audit row, and an acknowledged one always has its row. The target is what the mutation
 * states (@Audited, or setAuditTarget at run time); a replay that changed nothing says so (markMutationUnchanged).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    // What earlier root fields read (loaders, shared reads) may be changed by this one: its fields read afresh.
    forgetRequestReads();
    const targetOf = this.reflector.get<AuditTargetOf | undefined>(AUDIT_TARGET, context.getHandler());
    const args = gql.getArgs<Record<string, unknown>>();
    const record = beginAuditRecord(info.fieldName);
    return next.handle().pipe(
      map((result: unknown) => {
        if (record && !record.unchanged) {
          const target = record.targetId !== undefined ? record.targetId : (targetOf?.(args, result) ?? null);
          this.audit.record(record.operation, target);
        }
        return result;
      }),
    );
  }
}
