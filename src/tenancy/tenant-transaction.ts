import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AppError, ForbiddenError, PoolBusyError, RequestAbortedError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import { usePreparedStatements } from '../database/prepared-statements';
import { SCOPE_KEY, TX_KEY, type RequestScope } from './request-scope';
import type { Role } from './roles';
import { TransactionState } from './transaction-state';

/** The pg client under a TypeORM query runner, and one result of a multi-statement query. */
interface PgClient {
  query(sql: string): Promise<unknown>;
}
interface PgResult {
  rows: { role?: string }[];
}

/**
 * The one place where the tenant is set. Each request (a GraphQL operation or an HTTP call) gets one database
 * transaction that first sets app.user_id and then, only when the user is a member, app.tenant_id (both
 * transaction-local). Every query of the request (resolvers, field resolvers, DataLoaders) runs on its
 * manager. Without a resolved scope there is no manager: code outside a request fails closed.
 */
@Injectable()
export class TenantTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cls: ClsService,
  ) {}

  /**
   * Decides once per request who is asking and for which tenant. The tenant is taken only when the user is a
   * member of it: the membership lookup and the setting of app.tenant_id are one statement.
   */
  resolveScope(userId: string | null, requestedTenantId: string | null): Promise<RequestScope> {
    const cached = this.cls.get<Promise<RequestScope> | undefined>(SCOPE_KEY);
    if (cached) {
      return cached.then((scope) => {
        if (scope.userId !== userId) throw new ForbiddenError('One request cannot act for two users');
        return scope;
      });
    }
    const resolving = this.resolve(userId, requestedTenantId);
    this.cls.set(SCOPE_KEY, resolving);
    return resolving;
  }

  private async resolve(userId: string | null, requestedTenantId: string | null): Promise<RequestScope> {
    const scope: RequestScope = { userId, tenantId: null, role: null };
    this.cls.set(`${SCOPE_KEY}:resolved`, scope);
    if (!userId || !requestedTenantId || !isUuid(requestedTenantId)) return scope;
    const role = await this.openWithTenant(userId, requestedTenantId);
    if (role) {
      scope.tenantId = requestedTenantId;
      scope.role = role;
    }
    return scope;
  }

  get scope(): RequestScope {
    const scope = this.cls.isActive() ? this.cls.get<RequestScope | undefined>(`${SCOPE_KEY}:resolved`) : undefined;
    if (!scope) throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
    return scope;
  }

  /** The tenant of the request; throws when none is selected. */
  get tenantId(): string {
    const { tenantId } = this.scope;
    if (!tenantId) throw new AppError('INTERNAL_SERVER_ERROR', 'No tenant selected for a tenant-scoped operation');
    return tenantId;
  }

  get userId(): string {
    const { userId } = this.scope;
    if (!userId) throw new AppError('INTERNAL_SERVER_ERROR', 'No user for a user-scoped operation');
    return userId;
  }

  get role(): Role {
    const { role } = this.scope;
    if (!role) throw new ForbiddenError('No role in this tenant');
    return role;
  }

  /** The request's transaction, opened on first use. */
  async manager(): Promise<EntityManager> {
    const runner = await this.runner();
    return runner.manager;
  }

  /**
   * Queues statements that run just before COMMIT, in the same round trip (one simple-protocol query), so a
   * write that only has to be part of the commit (the audit row) costs no round trip of its own. Literal SQL
   * only: every value escaped with pg's escapeLiteral. They run only if the transaction commits, and a failure
   * among them fails the commit (the transaction is then rolled back whole).
   */
  beforeCommit(sql: string): void {
    this.state().beforeCommit.push(sql);
  }

  /** Selects a tenant inside the running transaction: only for a tenant the caller has just created. */
  async enterNewTenant(tenantId: string, role: Role): Promise<void> {
    const scope = this.scope;
    const runner = await this.runner();
    await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    scope.tenantId = tenantId;
    scope.role = role;
  }

  private state(): TransactionState {
    let state = this.cls.get<TransactionState | undefined>(TX_KEY);
    if (!state) {
      state = new TransactionState();
      this.cls.set(TX_KEY, state);
    }
    if (state.abandoned) throw new RequestAbortedError();
    if (state.finished) throw new AppError('INTERNAL_SERVER_ERROR', 'The request transaction has already ended');
    return state;
  }

  private async runner(): Promise<QueryRunner> {
    const { userId } = this.scope;
    const state = this.state();
    if (state.runner) return state.runner;
    const opening = (state.opening ??= this.open(userId, null).then(({ runner }) => runner));
    state.runner = await opening;
    return state.runner;
  }

  /**
   * Opens the request's transaction as `userId`, inside `tenantId` when the user is a member of it. Returns the
   * role, or null for a non-member (the transaction is then open with no tenant).
   */
  private async openWithTenant(userId: string, tenantId: string): Promise<Role | null> {
    const state = this.state();
    if (state.opening || state.runner) {
      throw new AppError('INTERNAL_SERVER_ERROR', 'The tenant is chosen before the request runs any query');
    }
    const opened = this.open(userId, tenantId);
    state.opening = opened.then(({ runner }) => runner);
    // Awaited below through `opened`; whoever awaits `opening` later (finish, abandon) sees the failure too.
    state.opening.catch(() => undefined);
    const { runner, role } = await opened;
    state.runner = runner;
    return role;
  }

  /**
   * Starts the transaction in ONE round trip: BEGIN, app.user_id and, with a tenant, the membership lookup that
   * sets app.tenant_id in the same statement (so the tenant is set only when the membership row exists; it reads
   * memberships under the user just set). Sent as one simple-protocol query (several statements, no parameters):
   * both ids are checked UUIDs (hex digits and dashes only), so inlining them as literals cannot change the SQL.
   */
  private async open(userId: string | null, tenantId: string | null): Promise<{ runner: QueryRunner; role: Role | null }> {
    if (userId !== null && !isUuid(userId)) throw new ForbiddenError('Malformed user id');
    if (tenantId !== null && (userId === null || !isUuid(tenantId))) throw new ForbiddenError('Malformed tenant id');
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PgClient;
      usePreparedStatements(client);
      // The user is set only while the account exists: a valid token of a deleted account finds no row
      // (UNAUTHENTICATED below), in the same round trip.
      const statements = [
        `BEGIN`,
        userId === null
          ? `SELECT set_config('app.user_id', '', true)`
          : `SELECT set_config('app.user_id', u.id::text, true) FROM users u WHERE u.id = '${userId}'`,
      ];
      if (tenantId !== null) {
        statements.push(
          `SELECT m.role, set_config('app.tenant_id', m.tenant_id::text, true) ` +
            `FROM memberships m WHERE m.tenant_id = '${tenantId}' AND m.user_id = '${userId}'`,
        );
      }
      const sql = statements.join('; ');
      // Counted as one statement (one round trip), like every query TypeORM sends itself.
      this.dataSource.logger.logQuery(sql, [], runner);
      markTransaction(runner, true);
      const results = (await client.query(sql)) as PgResult[];
      if (userId !== null && results[1].rows.length === 0) throw new UnauthenticatedError('This account no longer exists');
      const rows = tenantId !== null ? results[2].rows : [];
      return { runner, role: rows.length === 1 ? (rows[0].role as Role) : null };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) throw new PoolBusyError();
      throw e;
    }
  }

  /** Ends the request's transaction: commit on success, rollback otherwise. Safe to call when none was opened. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    if (!this.cls.isActive()) return;
    const state = this.cls.get<TransactionState | undefined>(TX_KEY);
    if (!state || state.finished) return;
    state.finished = true;
    const runner = state.runner ?? (state.opening ? await state.opening.catch(() => null) : null);
    if (!runner) return;
    try {
      if (outcome === 'rollback') await runner.rollbackTransaction();
      else if (state.beforeCommit.length === 0) await runner.commitTransaction();
      else await this.commitWith(runner, state.beforeCommit);
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /** The queued statements and COMMIT as one query: an error in any of them skips the rest, COMMIT included. */
  private async commitWith(runner: QueryRunner, statements: readonly string[]): Promise<void> {
    const client = (await runner.connect()) as PgClient;
    const sql = [...statements, 'COMMIT'].join('; ');
    this.dataSource.logger.logQuery(sql, [], runner);
    await client.query(sql);
    markTransaction(runner, false);
  }

  /**
   * Runs work outside an HTTP request (scripts, jobs, tests) in its own transaction, as `userId`, inside
   * `tenantId` when the user is a member of it.
   */
  async run<T>(userId: string | null, tenantId: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'override' }, async () => {
      this.cls.set(TX_KEY, new TransactionState());
      try {
        await this.resolveScope(userId, tenantId);
        const result = await work(await this.manager());
        await this.finish('commit');
        return result;
      } catch (e) {
        await this.finish('rollback');
        throw e;
      }
    });
  }
}

/**
 * TypeORM's bookkeeping for a transaction it did not start or end itself (BEGIN and COMMIT sent with other
 * statements in one query), so that its own commit and rollback keep working as usual.
 */
function markTransaction(runner: QueryRunner, active: boolean): void {
  const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  bookkeeping.isTransactionActive = active;
  bookkeeping.transactionDepth = active ? 1 : 0;
}
