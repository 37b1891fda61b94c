import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AppError, PoolBusyError, RequestAbortedError } from '../common/errors';
import { usePreparedStatements } from '../database';
import { markTransaction, pgClientOf, sendStatements, type PgResult } from '../database';
import { currentRequestContext } from '../request';
import type { TransactionOpening, TransactionState } from '../request';

/**
 * The connection and its commit: each request (a GraphQL operation or an HTTP call) gets one database transaction,
 * and every query of the request (resolvers, field resolvers, DataLoaders) runs on its manager. How it opens (who
 * is asking: app.user_id, app.tenant_id) is decided by the RequestScope; until it has, there is no manager, so
 * code outside a request fails closed.
 */
@Injectable()
export class TenantTransaction {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens the transaction now, in ONE round trip: BEGIN and the opening's statements as one simple-protocol query.
   * Returns the results of the opening's statements (after its check passed). Only before any other query.
   */
  async open(opening: TransactionOpening): Promise<PgResult[]> {
    const state = this.state();
    if (state.opening || state.runner) {
      throw new AppError('INTERNAL_SERVER_ERROR', 'The tenant is chosen before the request runs any query');
    }
    const opened = this.begin(opening);
    state.opening = opened.then(({ runner }) => runner);
    // Awaited below through `opened`; whoever awaits `opening` later (finish, abandon) sees the failure too.
    state.opening.catch(() => undefined);
    const { runner, results } = await opened;
    state.runner = runner;
    return results;
  }

  /** Declares how the transaction opens when a query first needs it (a request with no tenant to look up). */
  openOnFirstUse(opening: TransactionOpening): void {
    this.state().lazyOpening = opening;
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

  /** Ends the request's transaction: commit on success, rollback otherwise. Safe to call when none was opened. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    const state = currentRequestContext()?.transaction;
    if (!state || state.finished) return;
    state.finished = true;
    const runner = state.runner ?? (state.opening ? await state.opening.catch(() => null) : null);
    if (!runner) return;
    try {
      if (outcome === 'rollback') await runner.rollbackTransaction();
      else if (state.beforeCommit.length === 0) await runner.commitTransaction();
      else {
        // The queued statements and COMMIT as one query: an error in any of them skips the rest, COMMIT included.
        await sendStatements(this.dataSource, runner, [...state.beforeCommit, 'COMMIT']);
        markTransaction(runner, false);
      }
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  private state(): TransactionState {
    const state = currentRequestContext()?.transaction;
    if (!state) throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
    if (state.abandoned) throw new RequestAbortedError();
    if (state.finished) throw new AppError('INTERNAL_SERVER_ERROR', 'The request transaction has already ended');
    return state;
  }

  private async runner(): Promise<QueryRunner> {
    const known = currentRequestContext()?.transaction;
    if (!known || (!known.lazyOpening && !known.opening && !known.runner)) {
      throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
    }
    const state = this.state();
    if (state.runner) return state.runner;
    const lazy = state.lazyOpening;
    state.opening ??= lazy ? this.begin(lazy).then(({ runner }) => runner) : null;
    if (!state.opening) throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
    state.runner = await state.opening;
    return state.runner;
  }

  /** BEGIN and the opening's statements in one round trip, on a connection of its own. */
  private async begin(opening: TransactionOpening): Promise<{ runner: QueryRunner; results: PgResult[] }> {
    const statements = ['BEGIN', ...opening.statements()];
    const runner = this.dataSource.createQueryRunner();
    try {
      usePreparedStatements(await pgClientOf(runner));
      markTransaction(runner, true);
      const [, ...results] = await sendStatements(this.dataSource, runner, statements);
      opening.check(results);
      return { runner, results };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) throw new PoolBusyError();
      throw e;
    }
  }
}
