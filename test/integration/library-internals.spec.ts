import { Client } from 'pg';
import { DataSource, type Logger, type QueryRunner, TransactionNotStartedError } from 'typeorm';
import { statementName, usePreparedStatements } from '../../src/database/prepared-statements';
import { markTransaction, pgClientOf, sendStatements } from '../../src/database/query-runner-internals';
import { testUrls } from '../setup/test-database';

/**
 * The service reaches under typeorm's and pg's public APIs in src/database/ (query-runner-internals.ts,
 * prepared-statements.ts). These tests pin what it relies on, on the installed versions: an upgrade that changes
 * any of it fails here, not in production.
 */
describe('the library internals the service relies on', () => {
  const logged: string[] = [];
  const logger: Logger = {
    logQuery: (sql: string) => void logged.push(sql),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: testUrls().appUrl, logger, extra: { max: 2 } });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    logged.length = 0;
    runner = dataSource.createQueryRunner();
  });
  afterEach(() => runner.release());

  /** Whether the connection is inside a transaction: a transaction-local setting survives to the next statement. */
  async function inTransaction(): Promise<boolean> {
    await runner.query(`SELECT set_config('smt.probe', 'in', true)`);
    const [row] = (await runner.query(`SELECT current_setting('smt.probe', true) AS v`)) as { v: string }[];
    return row.v === 'in';
  }

  it("a postgres query runner's connect() resolves to the pg client, with query(text, values, callback)", async () => {
    const client = await pgClientOf(runner);
    expect(client).toBeInstanceOf(Client);
    expect(typeof client.query).toBe('function');
    expect(await pgClientOf(runner)).toBe(client); // the same connection for the runner's life
  });

  it("TypeORM's runner.query sends (text, values) through the client, so the wrapped client names the statement", async () => {
    usePreparedStatements(await pgClientOf(runner));
    const sql = `SELECT $1::int + 1 AS n /* library-internals */`;
    expect(await runner.query(sql, [41])).toEqual([{ n: 42 }]);
    const prepared = (await runner.query(`SELECT name, statement FROM pg_prepared_statements WHERE name = $1`, [
      statementName(sql),
    ])) as { statement: string }[];
    expect(prepared).toEqual([{ name: statementName(sql), statement: sql }]);
  });

  it('several statements go as one simple-protocol query: one result per statement, logged once', async () => {
    const results = await sendStatements(dataSource, runner, [`SELECT 1 AS a`, `SELECT 2 AS b, 3 AS c`]);
    expect(results.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2, c: 3 }]]);
    expect(logged).toEqual([`SELECT 1 AS a; SELECT 2 AS b, 3 AS c`]);
    // A single statement comes back as one result too.
    expect((await sendStatements(dataSource, runner, [`SELECT 4 AS d`])).map((r) => r.rows)).toEqual([[{ d: 4 }]]);
  });

  it('the runner keeps isTransactionActive and transactionDepth, as its own commit and rollback read them', async () => {
    const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    expect(bookkeeping).toMatchObject({ isTransactionActive: false, transactionDepth: 0 });
    await runner.startTransaction();
    expect(bookkeeping).toMatchObject({ isTransactionActive: true, transactionDepth: 1 });
    await runner.commitTransaction();
    expect(bookkeeping).toMatchObject({ isTransactionActive: false, transactionDepth: 0 });
    // Without the bookkeeping TypeORM refuses to end a transaction it did not start.
    await sendStatements(dataSource, runner, ['BEGIN']);
    await expect(runner.commitTransaction()).rejects.toBeInstanceOf(TransactionNotStartedError);
    await runner.query('ROLLBACK');
  });

  it('after a BEGIN sent past TypeORM and markTransaction(true), its commitTransaction sends COMMIT', async () => {
    await sendStatements(dataSource, runner, ['BEGIN', `SELECT 1`]);
    markTransaction(runner, true);
    expect(runner.isTransactionActive).toBe(true);
    expect(await inTransaction()).toBe(true);
    logged.length = 0;
    await runner.commitTransaction();
    expect(logged).toEqual(['COMMIT']);
    expect(runner.isTransactionActive).toBe(false);
    expect(await inTransaction()).toBe(false);
  });

  it('after a COMMIT sent past TypeORM and markTransaction(false), the runner knows no transaction is open', async () => {
    await runner.startTransaction();
    await sendStatements(dataSource, runner, [`SELECT 1`, 'COMMIT']);
    markTransaction(runner, false);
    expect(await inTransaction()).toBe(false);
    await expect(runner.rollbackTransaction()).rejects.toBeInstanceOf(TransactionNotStartedError);
    await runner.startTransaction(); // a fresh BEGIN, not a savepoint
    expect(logged.at(-1)).toMatch(/^START TRANSACTION|^BEGIN/);
    await runner.rollbackTransaction();
  });
});
