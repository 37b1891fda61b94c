import { statementName, usePreparedStatements } from './prepared-statements';

describe('prepared statements', () => {
  it('names single data statements by their text, the same name for the same text', () => {
    const a = statementName('SELECT a.id FROM assessments a WHERE a.id = $1');
    expect(a).toMatch(/^smt_[0-9a-f]{24}$/);
    expect(statementName('SELECT a.id FROM assessments a WHERE a.id = $1')).toBe(a);
    expect(statementName('SELECT a.id FROM assessments a WHERE a.id = $2')).not.toBe(a);
    expect(statementName('  with x AS (SELECT 1) SELECT * FROM x')).not.toBeNull();
    expect(statementName('INSERT INTO t (a) VALUES ($1)')).not.toBeNull();
  });

  it('leaves transaction control and multi-statement strings unnamed', () => {
    for (const sql of ['BEGIN', 'COMMIT', 'ROLLBACK', 'START TRANSACTION', 'SAVEPOINT s', 'BEGIN; SELECT 1', 'SELECT 1; SELECT 2']) {
      expect(statementName(sql)).toBeNull();
    }
  });

  it('sends named queries through the client, once wrapped, and leaves other calls as they were', async () => {
    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => Promise.resolve(calls.push(args)) };
    usePreparedStatements(client);
    usePreparedStatements(client); // idempotent: wraps once
    await client.query('SELECT $1::int AS n', [1]);
    await client.query('COMMIT');
    await client.query({ text: 'SELECT 1' });
    expect(calls[0][0]).toEqual({ name: statementName('SELECT $1::int AS n'), text: 'SELECT $1::int AS n', values: [1] });
    expect(calls[1][0]).toBe('COMMIT');
    expect(calls[2][0]).toEqual({ text: 'SELECT 1' });
    expect(calls).toHaveLength(3);
  });

  it('sends promise-style queries one after the other, in call order, a failure not holding back the next', async () => {
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const client = {
      query: async (sql: unknown) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        const text = typeof sql === 'string' ? sql : (sql as { text: string }).text;
        order.push(text);
        if (text === 'SELECT fail') throw new Error('failed');
        return { rows: [] };
      },
    };
    usePreparedStatements(client);
    const sent = ['SELECT 1', 'SELECT fail', 'SELECT 2', 'COMMIT'].map((sql) => client.query(sql));
    const outcomes = await Promise.allSettled(sent);
    expect(most).toBe(1);
    expect(order).toEqual(['SELECT 1', 'SELECT fail', 'SELECT 2', 'COMMIT']);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('lets callback-style calls and submittables (streams) through at once', () => {
    const calls: unknown[] = [];
    const client = { query: (config: unknown) => calls.push(config) };
    usePreparedStatements(client);
    const stream = { submit: () => undefined };
    client.query(stream);
    expect(calls).toEqual([stream]);
  });
});
