import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentRequestContext } from '../request';

let processTotal = 0;

/**
 * Counts the SQL statements (round trips) of each request, for the query-budget tests and the benchmark.
 * TypeORM reports every statement to its logger (a public interface), raw queries and transaction control
 * included; the statements the service sends past TypeORM report themselves (query-runner-internals.ts).
 */
export class SqlCounterLogger implements TypeOrmLogger {
  logQuery(): void {
    processTotal += 1;
    const context = currentRequestContext();
    if (context) context.sqlStatements += 1;
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
  return currentRequestContext()?.sqlStatements ?? 0;
}
