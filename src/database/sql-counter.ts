import { ClsServiceManager } from 'nestjs-cls';
import type { Logger as TypeOrmLogger } from 'typeorm';

const SQL_COUNT_KEY = 'smt:sql-count';
let processTotal = 0;

/**
 * Counts the SQL statements (round trips) of each request, for the query-budget tests and the benchmark.
 * TypeORM reports every statement to its logger, raw queries and transaction control included.
 */
export class SqlCounterLogger implements TypeOrmLogger {
  logQuery(): void {
    processTotal += 1;
    const cls = ClsServiceManager.getClsService();
    if (!cls.isActive()) return;
    cls.set(SQL_COUNT_KEY, (cls.get<number | undefined>(SQL_COUNT_KEY) ?? 0) + 1);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Statements run by this process so far (all requests): for tests that prove nothing ran. */
export function sqlStatementsOfProcess(): number {
  return processTotal;
}

/** Statements run so far by the current request. */
export function sqlStatementsOfRequest(): number {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? (cls.get<number | undefined>(SQL_COUNT_KEY) ?? 0) : 0;
}
