import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AppError, PoolBusyError, RequestAbortedError } from '../common/errors';
import { usePreparedStatements } from '../database';
import { markTransaction, pgClientOf, ReadReplica, sendStatements, type PgResult } from '../database';
import { currentRequestContext } from '../request';
import type { TransactionOpening, TransactionState } from '../request';
import { ReadYourWrites } from './read-your-writes';

/**
 * The connection and its commit: each request (a GraphQL operation or an HTTP call) gets one database transaction,
 * and every query of the request (resolvers, field resolvers, DataLoaders) runs on its manager. How it opens (who
 * is asking: app.user_id, app.tenant_id) is decided by the RequestScope; until it has, there is no manager, so
 * code outside a request fails closed.
 *
 * With a read replica (READ_DATABASE_URL), a request known to be a read (`markRead`: a GraphQL query) opens its
 * transaction there: the opening's statements (the user and membership checks) run on the primary first, in one
 * round trip of a short read-only transaction, and only their settings are repeated in the replica's read-only
 * transaction (`replay`), with the read-your-writes check in the same round trip. Whenever the replica cannot serve
 * (not configured, unreachable, behind the caller's last write, or the caller's last write is unknown) the read
 * opens on the primary as before. Mutations, REST handlers and scripts always run on the primary.
 */
@Injectable()
export class TenantTransaction {
  private readonly logger = new Logger('TenantTransaction');

  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: ReadReplica,
    private readonly writes: ReadYourWrites,
  ) {}

  /** Declares what the request is (before its transaction opens): reads may go to the replica. */
  markKind(kind: 'read' | 'write'): void {
    const state = currentRequestContext()?.transaction;
    if (state && !state.opening && !state.runner) state.kind = kind;
  }

  /** Where the request's transaction opened (a diagnostic), or null before it has. */
  route(): 'primary' | 'replica' | null {
    return currentRequestContext()?.transaction.route ?? null;
  }

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

  /**
   * Work that must not happen for a transaction that rolls back (mail with a link that would not work): it runs
   * after a successful COMMIT, before the response leaves, one after the other; after a rollback it is dropped.
   * It cannot fail the request any more (the data is stored): a failure is logged, without its details.
   */
  afterCommit(work: () => Promise<void>): void {
    this.state().afterCommit.push(work);
  }

  /** Ends the request's transaction: commit on success, rollback otherwise. Safe to call when none was opened. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    const state = currentRequestContext()?.transaction;
    if (!state || state.finished) return;
    state.finished = true;
    const runner = state.runner ?? (state.opening ? await state.opening.catch(() => null) : null);
    if (!runner) return;
    // A write on the primary, with a replica to read from: its WAL position after COMMIT, in the same round trip.
    const writer = state.kind === 'write' && state.route === 'primary' && this.replica.configured ? state.writer : null;
    try {
      if (outcome === 'rollback') await runner.rollbackTransaction();
      else if (state.beforeCommit.length === 0 && !writer) await runner.commitTransaction();
      else {
        // The queued statements and COMMIT as one query: an error in any of them skips the rest, COMMIT included.
        const after = writer ? ['SELECT pg_current_wal_lsn()::text AS lsn'] : [];
        const results = await sendStatements(this.dataSource, runner, [...state.beforeCommit, 'COMMIT', ...after]);
        markTransaction(runner, false);
        const lsn = writer ? results[results.length - 1]?.rows[0]?.lsn : undefined;
        if (writer && typeof lsn === 'string') await this.writes.record(writer, lsn);
      }
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    if (outcome === 'commit') await this.runAfterCommit(state.afterCommit.splice(0));
  }

  private async runAfterCommit(work: (() => Promise<void>)[]): Promise<void> {
    for (const item of work) {
      try {
        await item();
      } catch (e) {
        this.logger.error({ msg: 'work after commit failed', err: e instanceof Error ? e.name : 'unknown' });
      }
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

  /** BEGIN and the opening's statements in one round trip, on a connection of its own (on the replica for a read). */
  private async begin(opening: TransactionOpening): Promise<{ runner: QueryRunner; results: PgResult[] }> {
    const state = this.state();
    state.writer = opening.writer ?? null;
    if (state.kind === 'read' && opening.replay && this.replica.configured) {
      const onReplica = await this.beginOnReplica(opening, opening.replay);
      if (onReplica) {
        state.route = 'replica';
        return onReplica;
      }
    }
    state.route = 'primary';
    return this.beginOnPrimary(opening);
  }

  /**
   * The opening's checks on the primary (its own read-only transaction, one round trip), then the replica's
   * transaction with the same settings and the read-your-writes check (one round trip). Null: read on the primary.
   */
  private async beginOnReplica(
    opening: TransactionOpening,
    replay: NonNullable<TransactionOpening['replay']>,
  ): Promise<{ runner: QueryRunner; results: PgResult[] } | null> {
    const statements = opening.statements();
    const checker = this.dataSource.createQueryRunner();
    let results: PgResult[];
    try {
      const all = await sendStatements(this.dataSource, checker, ['BEGIN READ ONLY', ...statements, 'COMMIT']);
      results = all.slice(1, 1 + statements.length);
    } catch (e) {
      if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) throw new PoolBusyError();
      throw e;
    } finally {
      await checker.release();
    }
    opening.check(results);
    const last = await this.writes.lastWriteOf(opening.writer);
    if (last.kind === 'unknown') return null;
    const runner = await this.replica.runner();
    const source = this.replica.dataSource;
    if (!runner || !source) return null;
    try {
      usePreparedStatements(await pgClientOf(runner));
      markTransaction(runner, true);
      const settings = replay(results);
      // The LSN comes from pg_current_wal_lsn() and matched its format when stored: inlining it cannot change the SQL.
      const caughtUp =
        last.kind === 'lsn'
          ? [`SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= '${last.lsn}'::pg_lsn AS caught_up`]
          : [];
      const answers = await sendStatements(source, runner, ['BEGIN READ ONLY', ...settings, ...caughtUp]);
      if (last.kind === 'lsn' && answers[answers.length - 1]?.rows[0]?.caught_up !== true) {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
        return null;
      }
      return { runner, results };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
      this.replica.markDown(e);
      return null;
    }
  }

  private async beginOnPrimary(opening: TransactionOpening): Promise<{ runner: QueryRunner; results: PgResult[] }> {
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
