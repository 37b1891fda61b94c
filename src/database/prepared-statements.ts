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

/**
 * Makes this pg client send data statements as named statements, and send its queries one after the other
 * (idempotent; the client keeps it for its life). A request's field resolvers run in parallel on the request's
 * one connection; pg queues what they send, but queueing more than one query behind a running one is deprecated
 * (pg@9 refuses it). So promise-style queries wait here for the one before to settle, which is what pg's own queue
 * did: the same order, the same round trips. Callback-style calls and submittables (streams) go straight through.
 */
export function usePreparedStatements(client: object): void {
  const target = client as { query: QueryFn; [PREPARED]?: true };
  if (target[PREPARED]) return;
  const query = target.query;
  let tail: Promise<unknown> = Promise.resolve();
  const send = (self: unknown, config: unknown, values?: unknown, callback?: unknown): unknown => {
    if (typeof config === 'string' && typeof values !== 'function') {
      const name = statementName(config);
      if (name) return query.call(self, { name, text: config, values: values ?? undefined }, callback);
    }
    return query.call(self, config, values, callback);
  };
  target.query = function serialQuery(this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    const promiseStyle =
      callback === undefined && typeof values !== 'function' && (typeof config === 'string' || !isSubmittable(config));
    if (!promiseStyle) return send(this, config, values, callback);
    const run = tail.then(() => send(this, config, values) as Promise<unknown>);
    tail = run.catch(() => undefined);
    return run;
  };
  target[PREPARED] = true;
}

function isSubmittable(config: unknown): boolean {
  return typeof config === 'object' && config !== null && typeof (config as { submit?: unknown }).submit === 'function';
}
