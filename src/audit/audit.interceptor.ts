import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { map, type Observable } from 'rxjs';
import { AuditService } from './audit.service';
import { beginAuditRecord } from './audit-record';

/**
 * Writes an audit row after every successful GraphQL mutation, inside the same transaction: a mutation that
 * is rolled back leaves no audit row, and an acknowledged one always has its row.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    const record = beginAuditRecord(info.fieldName);
    return next.handle().pipe(
      map((result: unknown) => {
        if (record && !record.unchanged) {
          this.audit.record(record.operation, record.targetId !== undefined ? record.targetId : targetOf(args, result));
        }
        return result;
      }),
    );
  }
}

function targetOf(args: Record<string, unknown>, result: unknown): string | null {
  const input = args.input as Record<string, unknown> | undefined;
  const candidates = [args.id, input?.id, (result as { id?: unknown } | null)?.id, args.userId, input?.responsibility, args.responsibility];
  const found = candidates.find((c) => typeof c === 'string' && c.length > 0);
  return typeof found === 'string' ? found : null;
}
