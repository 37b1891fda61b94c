import { createHash } from 'node:crypto';

/**
 * Named (server-side prepared) statements for the service's hot queries. Every statement a request sends is
 * otherwise planned again each time: with the row-level security policies (subqueries on memberships, the portfolio
 * flag) planning cost more than running on the benchmark (e.g. 1.8 ms planning vs 0.2 ms execution for
 * an assessment by id). A named statement is parsed and planned once per connection; PostgreSQL then reuses the
 * plan (a generic one once it is no worse than the custom ones). RLS stays exact: the policies compare with
 * current_setting() at execution time, and a cached plan is invalidated when the role or the policies change.
 *
 * Only single data statements (SELECT, INSERT, UPDATE, DELETE, WITH) are named; transaction control and
 * multi-statement strings go as before. The names are a hash of the text. A process names at most
 * MAX_NAMED_STATEMENTS distinct texts (the service's SQL is a fixed set; the cap bounds what a dynamic one could
 * cost each connection); beyond it, statements go unnamed.
 */
export const MAX_NAMED_STATEMENTS = 500;

const names = new Map<string, string>();
const DATA_STATEMENT = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const PREPARED = Symbol('smt:prepared-statements');

/** The statement name for this SQL text, or null when it stays unnamed. */
export function statementName(text: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_NAMED_STATEMENTS || !DATA_STATEMENT.test(text) || text.includes(';')) return null;
  const name = `smt_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes this pg client send data statements as named statements (idempotent; the client keeps it for its life). */
export function usePreparedStatements(client: object): void {
  const target = client as { query: QueryFn; [PREPARED]?: true };
  if (target[PREPARED]) return;
  const query = target.query;
  target.query = function preparedQuery(this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string' && typeof values !== 'function') {
      const name = statementName(config);
      if (name) return query.call(this, { name, text: config, values: values ?? undefined }, callback);
    }
    return query.call(this, config, values, callback);
  };
  target[PREPARED] = true;
}
