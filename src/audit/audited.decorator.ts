import { SetMetadata } from '@nestjs/common';

export const AUDIT_TARGET = 'smt:audit-target';

/** How a mutation names the object it changed, from its GraphQL arguments and its result (null: none). */
export type AuditTargetOf = (args: Record<string, unknown>, result: unknown) => string | null;

function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * States the audit target of a GraphQL mutation, beside its @Mutation: the AuditInterceptor writes it into the
 * mutation's audit row and guesses nothing. Every root mutation carries one (src/audit/audited.spec.ts). A
 * service that knows better at run time states it with setAuditTarget (audit-record.ts), which wins.
 */
export const Audited = {
  /** The `id` of the result (a created object). */
  result: () => SetMetadata<string, AuditTargetOf>(AUDIT_TARGET, (_args, result) => idOrNull((result as { id?: unknown } | null)?.id)),
  /** A top-level argument, e.g. `id` of a delete. */
  arg: (name: string) => SetMetadata<string, AuditTargetOf>(AUDIT_TARGET, (args) => idOrNull(args[name])),
  /** A field of the `input` argument, e.g. `input.id` of an update. */
  input: (name: string) =>
    SetMetadata<string, AuditTargetOf>(AUDIT_TARGET, (args) => idOrNull((args.input as Record<string, unknown> | undefined)?.[name])),
  /** No single object (the tenant itself, an account operation). */
  none: () => SetMetadata<string, AuditTargetOf>(AUDIT_TARGET, () => null),
};
