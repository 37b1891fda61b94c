import type { QueryRunner } from 'typeorm';

/**
 * How the request's transaction opens: the statements sent after BEGIN in the same round trip (literal SQL only)
 * and a check of their results, which may refuse the request. Decided by the request scope (who is asking).
 */
export interface TransactionOpening {
  /** Built when the transaction opens (so a refusal, e.g. a malformed id, happens then, before any connection). */
  statements: () => readonly string[];
  check: (results: readonly { rows: Record<string, unknown>[] }[]) => void;
  /**
   * For a read on the replica: the statements that repeat, in the replica's transaction, the settings the opening
   * made on the primary (from the primary's results). Without it the transaction always opens on the primary.
   */
  replay?: (results: readonly { rows: Record<string, unknown>[] }[]) => readonly string[];
  /** Whose earlier writes a read must see (read-your-writes); null for an anonymous request. */
  writer?: string | null;
}

/**
 * The database transaction of one request. Created when the request starts (CLS set-up) so that whatever
 * happens (a guard rejecting, a client hanging up), the connection is rolled back and returned to the pool
 * when the response closes.
 */
export class TransactionState {
  runner: QueryRunner | null = null;
  opening: Promise<QueryRunner> | null = null;
  /** How a transaction opened on first use (not by the scope itself) begins; null until the scope is known. */
  lazyOpening: TransactionOpening | null = null;
  finished = false;
  /** What the request is, once known (GraphQL: after the operation is resolved); null for REST and scripts. */
  kind: 'read' | 'write' | null = null;
  /** Where the transaction opened: 'replica' only for a read (see TenantTransaction). */
  route: 'primary' | 'replica' | null = null;
  /** The user whose transaction this is (for read-your-writes), once it opened. */
  writer: string | null = null;
  /** The response closed before the request ended its transaction (the client hung up, a guard refused). */
  abandoned = false;
  /** Literal SQL sent with COMMIT in one round trip (see TenantTransaction.beforeCommit). */
  readonly beforeCommit: string[] = [];
  /** Work that may happen only once the transaction committed, e.g. mail (see TenantTransaction.afterCommit). */
  readonly afterCommit: (() => Promise<void>)[] = [];

  /** Rolls back and releases a transaction nobody ended. */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.abandoned = true;
    const runner = this.runner ?? (this.opening ? await this.opening.catch(() => null) : null);
    if (!runner) return;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch {
      // the connection is broken: releasing it below drops it from the pool
    } finally {
      await runner.release().catch(() => undefined);
    }
  }
}
