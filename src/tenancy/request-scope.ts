import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ForbiddenError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import {
  currentRequestContext,
  runInNewRequestContext,
  userIdOf,
  type Caller,
  type RequestContext,
  type Scope,
} from '../request';
import type { TransactionOpening } from '../request';
import type { Role } from '../common/roles';
import { membershipOpeningSql, userOpeningSql } from './opening-sql';
import { TenantTransaction } from './tenant-transaction';

export type { Scope } from '../request';

/**
 * Who is asking, and for which tenant: the one place where the tenant is set. Resolved once per request (by the
 * AccessGuard), inside the request's own transaction: its opening sets app.user_id (only while the account exists)
 * and, only when the caller is a member of the requested tenant, app.tenant_id, in the same statement that finds
 * the membership (both transaction-local), all in the transaction's first round trip.
 */
@Injectable()
export class RequestScope {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * Decides once per request who is asking and for which tenant. The tenant is taken only when the user is a
   * member of it: the membership lookup and the setting of app.tenant_id are one statement.
   */
  resolve(userId: string | null, requestedTenantId: string | null, issuedAt?: number): Promise<Scope> {
    const context = this.context();
    const caller: Caller | null = userId === null ? null : { kind: 'user', userId };
    if (context.resolvingScope) {
      return context.resolvingScope.then((scope) => {
        if (scope.caller?.kind === 'apiKey' || userIdOf(scope.caller) !== userId) {
          throw new ForbiddenError('One request cannot act for two users');
        }
        return scope;
      });
    }
    const resolving = this.resolveNew(context, caller, requestedTenantId, issuedAt);
    context.resolvingScope = resolving;
    return resolving;
  }

  /**
   * Resolves a request made with an API key (its SHA-256, hex) in the same single round trip as a user's: the key
   * is found by a SECURITY DEFINER function that returns only a live key (not revoked, not expired), and
   * app.tenant_id is set from its row in the same statement, only when x-tenant-id names no other tenant.
   * No row: UNAUTHENTICATED. Another tenant named: FORBIDDEN (and no tenant set). lastUsedAt is written with the
   * COMMIT (no round trip of its own), at most once a minute per key (its WHERE clause).
   */
  resolveApiKey(hash: string, requestedTenantId: string | null): Promise<Scope> {
    const context = this.context();
    if (context.resolvingScope) {
      return context.resolvingScope.then((scope) => {
        if (scope.caller?.kind !== 'apiKey') throw new ForbiddenError('One request cannot act for two callers');
        return scope;
      });
    }
    const resolving = this.resolveKey(context, hash, requestedTenantId);
    context.resolvingScope = resolving;
    return resolving;
  }

  private async resolveKey(context: RequestContext, hash: string, requestedTenantId: string | null): Promise<Scope> {
    const scope: Scope = { caller: null, tenantId: null, role: null };
    context.scope = scope;
    // A hex digest and a checked UUID: inlining them as literals cannot change the SQL.
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new UnauthenticatedError('Malformed API key');
    const sameTenant =
      requestedTenantId === null ? 'true' : isUuid(requestedTenantId) ? `k.tenant_id = '${requestedTenantId}'` : 'false';
    const lookup =
      `SELECT k.id, k.tenant_id, k.scopes, ` +
      `set_config('app.tenant_id', CASE WHEN ${sameTenant} THEN k.tenant_id::text ELSE '' END, true) AS tenant ` +
      `FROM api_key_caller(decode('${hash}', 'hex')) k`;
    const [, found] = await this.tx.open({
      statements: () => [`SELECT set_config('app.user_id', '', true)`, lookup],
      check: ([, key]) => {
        if (key.rows.length !== 1) throw new UnauthenticatedError('Unknown, revoked or expired API key');
        if (key.rows[0].tenant === '') throw new ForbiddenError('An API key acts in its own tenant only');
      },
    });
    const row = found.rows[0] as { id: string; tenant_id: string; scopes: string[] };
    scope.caller = { kind: 'apiKey', keyId: row.id, tenantId: row.tenant_id, scopes: row.scopes };
    scope.tenantId = row.tenant_id;
    // Services that check a member's role see a key as the least role; what a key may call is its scopes' business
    // (tenancy/api-key-access.ts, enforced by the AccessGuard).
    scope.role = 'VIEWER';
    this.tx.beforeCommit(
      `UPDATE api_keys SET last_used_at = now() WHERE tenant_id = '${row.tenant_id}' AND id = '${row.id}' ` +
        `AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    );
    return scope;
  }

  private async resolveNew(
    context: RequestContext,
    caller: Caller | null,
    requestedTenantId: string | null,
    issuedAt?: number,
  ): Promise<Scope> {
    const scope: Scope = { caller, tenantId: null, role: null };
    context.scope = scope;
    const userId = userIdOf(caller);
    const user = userStatement(userId, issuedAt);
    if (!userId || !requestedTenantId || !isUuid(requestedTenantId)) {
      this.tx.openOnFirstUse(user);
      return scope;
    }
    // Both ids are checked UUIDs (the user's by user.statements(), before anything is sent): inlining them as
    // literals cannot change the SQL.
    const membership = membershipOpeningSql(requestedTenantId, userId);
    const [, found] = await this.tx.open({
      statements: () => [...user.statements(), membership],
      check: user.check,
      // On a read replica: the settings the primary's checks made (the tenant only when the membership was found).
      replay: (results) => [
        ...(user.replay?.(results) ?? []),
        ...(results[1]?.rows.length === 1 ? [`SELECT set_config('app.tenant_id', '${requestedTenantId}', true)`] : []),
      ],
      writer: userId,
    });
    if (found.rows.length === 1) {
      scope.tenantId = requestedTenantId;
      scope.role = found.rows[0].role as Role;
    }
    return scope;
  }

  /** The resolved scope; throws when the tenancy guard has not run. */
  get current(): Scope {
    const scope = currentRequestContext()?.scope;
    if (!scope) throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
    return scope;
  }

  /** The tenant of the request; throws when none is selected. */
  get tenantId(): string {
    const { tenantId } = this.current;
    if (!tenantId) throw new AppError('INTERNAL_SERVER_ERROR', 'No tenant selected for a tenant-scoped operation');
    return tenantId;
  }

  /** The signed-in user; throws for an anonymous request. */
  get userId(): string {
    const userId = userIdOf(this.current.caller);
    if (!userId) throw new AppError('INTERNAL_SERVER_ERROR', 'No user for a user-scoped operation');
    return userId;
  }

  get role(): Role {
    const { role } = this.current;
    if (!role) throw new ForbiddenError('No role in this tenant');
    return role;
  }

  /**
   * Records the tenant that a statement of this request has just selected in the database itself, in the statement
   * that proved the right to it (a response link's token hash, a due campaign claimed by the closer): the scope
   * then agrees with app.tenant_id. No role: such a request acts for no member.
   */
  recordTenantSetByDatabase(tenantId: string): void {
    const scope = this.current;
    if (scope.tenantId !== null && scope.tenantId !== tenantId) {
      throw new ForbiddenError('One request cannot act for two tenants');
    }
    scope.tenantId = tenantId;
  }

  /** Selects a tenant inside the running transaction: only for a tenant the caller has just created. */
  async enterNewTenant(tenantId: string, role: Role): Promise<void> {
    const scope = this.current;
    const manager = await this.tx.manager();
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    scope.tenantId = tenantId;
    scope.role = role;
  }

  /**
   * Runs work outside an HTTP request (scripts, jobs, tests) in its own request context and transaction, as
   * `userId`, inside `tenantId` when the user is a member of it.
   */
  run<T>(userId: string | null, tenantId: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInNewRequestContext(async () => {
      try {
        await this.resolve(userId, tenantId);
        const result = await work(await this.tx.manager());
        await this.tx.finish('commit');
        return result;
      } catch (e) {
        await this.tx.finish('rollback');
        throw e;
      }
    });
  }

  private context(): RequestContext {
    const context = currentRequestContext();
    if (!context) throw new AppError('INTERNAL_SERVER_ERROR', 'No request context: the scope is resolved inside a request');
    return context;
  }
}

/**
 * The statement that sets app.user_id, only while the account exists and, for a token, only when the account has
 * not ended its sessions since the token was issued (users.tokens_valid_after, set by changePassword and
 * logOutEverywhere): a valid token of a deleted account or of an ended session finds no row (UNAUTHENTICATED), in
 * the same round trip.
 */
function userStatement(userId: string | null, issuedAt?: number): TransactionOpening {
  if (userId === null) {
    const anonymous = `SELECT set_config('app.user_id', '', true)`;
    return { statements: () => [anonymous], check: () => undefined, replay: () => [anonymous], writer: null };
  }
  return {
    writer: userId,
    // Runs only after check() found the account, and userId is a checked UUID by then.
    replay: () => [`SELECT set_config('app.user_id', '${userId}', true)`],
    statements: () => {
      // A checked UUID (hex digits and dashes only) and a checked finite number: inlining them cannot change the SQL.
      if (!isUuid(userId)) throw new ForbiddenError('Malformed user id');
      if (issuedAt !== undefined && !(Number.isFinite(issuedAt) && issuedAt >= 0 && issuedAt <= 1e11)) {
        throw new UnauthenticatedError('Invalid token');
      }
      return [userOpeningSql(userId, issuedAt)];
    },
    check: ([user]) => {
      if (user.rows.length === 0) throw new UnauthenticatedError('This session has ended or the account no longer exists');
    },
  };
}
