import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The places where the service reaches under TypeORM's public API, in one file, each with why.
 * test/integration/library-internals.spec.ts fails if an upgrade of typeorm or pg changes any of them.
 */

/** One result of a multi-statement simple-protocol query, as pg returns it (an array of these). */
export interface PgResult {
  rows: Record<string, unknown>[];
}

interface PgClient {
  query(sql: string): Promise<PgResult | PgResult[]>;
}

/**
 * The pg client under a TypeORM postgres query runner. `connect()` resolves to it (typed `any` by TypeORM). We need
 * it for two things TypeORM cannot do: send several statements in ONE round trip (simple protocol, no parameters)
 * and send named (prepared) statements (database/prepared-statements.ts wraps its `query`).
 */
export async function pgClientOf(runner: QueryRunner): Promise<PgClient> {
  return (await runner.connect()) as PgClient;
}

/**
 * Sends several literal statements as ONE simple-protocol query (one round trip) and returns one result per
 * statement. TypeORM's own `query()` would prepare it (extended protocol), which refuses several statements. The
 * query is reported to TypeORM's logger like every query TypeORM sends itself, so the SQL counter counts it once.
 */
export async function sendStatements(dataSource: DataSource, runner: QueryRunner, statements: readonly string[]): Promise<PgResult[]> {
  const client = await pgClientOf(runner);
  const sql = statements.join('; ');
  dataSource.logger.logQuery(sql, [], runner);
  const result = await client.query(sql);
  return Array.isArray(result) ? result : [result];
}

/**
 * Writes TypeORM's bookkeeping for a transaction it did not start or end itself (BEGIN or COMMIT sent among other
 * statements by sendStatements), so that its own commitTransaction/rollbackTransaction/release keep working:
 * PostgresQueryRunner keeps `isTransactionActive` (public, but readonly in its types) and `transactionDepth`
 * (protected) and decides from them whether to send COMMIT/ROLLBACK or a savepoint.
 */
export function markTransaction(runner: QueryRunner, active: boolean): void {
  const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  bookkeeping.isTransactionActive = active;
  bookkeeping.transactionDepth = active ? 1 : 0;
}
