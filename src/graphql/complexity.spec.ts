import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { GROWTH_ATTACK, PORTFOLIO_ATTACK } from '../../test/helpers/attacks';
import { loadConfig } from '../config/config';
import { estimateCost, LIST_ESTIMATES, unboundedListFields } from './complexity';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const SCHEMA = buildSchema(read('schema.gql'));

function cost(query: string, variables: Record<string, unknown> = {}, schema: GraphQLSchema = SCHEMA): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return estimateCost(document, schema, operation, variables);
}

/** Every operation the dashboard, the example client, docs/api.md and the benchmark send, by where it is written. */
function knownOperations(): Record<string, string> {
  const found: Record<string, string> = {};
  const dashboard = read('public/dashboard/api.js');
  const constants = new Map<string, string>();
  for (const [, name, text] of dashboard.matchAll(/const (\w+) = \/\* GraphQL \*\/ `([^`]*)`/g)) constants.set(name, text);
  for (const [name, text] of constants) {
    const expanded = text.replace(/\$\{(\w+)\}/g, (_, inner: string) => constants.get(inner) ?? '');
    if (/^\s*(query|mutation)/.test(expanded)) found[`dashboard ${name}`] = expanded;
  }
  for (const file of ['bench/lib/workloads.ts', 'bench/lib/portfolio-workload.ts']) {
    for (const [, name, text] of read(file).matchAll(/export const (Q\d_(?:QUERY|MUTATION)) = `([^`]*)`/g)) found[`bench ${name}`] = text;
  }
  for (const [, name, text] of read('examples/submit-reassessment/submit.ts').matchAll(/const (\w+) = graphql\(`([^`]*)`\)/g))
    found[`example ${name}`] = text;
  let block = 0;
  for (const [, text] of read('docs/api.md').matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const document = parse(text);
    let op = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc) continue;
      found[`docs/api.md block ${block} operation ${op++}`] = text.slice(definition.loc.start, definition.loc.end);
    }
    block++;
  }
  return found;
}

/** The costs of the operations of knownOperations(): a change of the estimate or of a client shows here. */
const KNOWN_COSTS: Record<string, number> = {
  'dashboard LOG_IN': 6,
  'dashboard MY_TENANTS': 700,
  'dashboard TENANT_DASHBOARD': 350,
  'dashboard PORTFOLIO': 652,
  'bench Q1_QUERY': 183,
  'bench Q3_MUTATION': 121,
  'bench Q2_QUERY': 2452,
  'example LogIn': 2,
  'example SelectedTenant': 3,
  'example SubmitReassessment': 109,
  'docs/api.md block 0 operation 0': 5,
  'docs/api.md block 0 operation 1': 5,
  'docs/api.md block 0 operation 2': 4,
  'docs/api.md block 1 operation 0': 4,
  'docs/api.md block 1 operation 1': 220,
  'docs/api.md block 2 operation 0': 12,
  'docs/api.md block 2 operation 1': 3,
  'docs/api.md block 2 operation 2': 1,
  'docs/api.md block 2 operation 3': 1,
  'docs/api.md block 3 operation 0': 3,
  'docs/api.md block 3 operation 1': 2,
  'docs/api.md block 3 operation 2': 3,
  'docs/api.md block 3 operation 3': 1,
  'docs/api.md block 3 operation 4': 5,
  'docs/api.md block 3 operation 5': 2,
  'docs/api.md block 3 operation 6': 2,
  'docs/api.md block 3 operation 7': 1,
  'docs/api.md block 3 operation 8': 3,
  'docs/api.md block 3 operation 9': 2,
  'docs/api.md block 3 operation 10': 8435,
  'docs/api.md block 4 operation 0': 99,
  'docs/api.md block 4 operation 1': 187,
  'docs/api.md block 4 operation 2': 80,
  'docs/api.md block 4 operation 3': 9,
  'docs/api.md block 4 operation 4': 6,
  'docs/api.md block 5 operation 0': 146,
  'docs/api.md block 6 operation 0': 704,
  'docs/api.md block 7 operation 0': 10,
  'docs/api.md block 8 operation 0': 5,
  'docs/api.md block 8 operation 1': 260,
  'docs/api.md block 8 operation 2': 1760,
  'docs/api.md block 8 operation 3': 3,
  'docs/api.md block 8 operation 4': 1,
  'docs/api.md block 9 operation 0': 160,
};

/** The default of MAX_QUERY_COST (config.ts). */
const DEFAULT_MAX_COST = loadConfig({}).queryLimits.maxCost;

const FINDINGS = 'findings { code severity dimension responsibility message recommendation }';

describe('query cost estimate', () => {
  it('knows the expected length of every list of objects that takes no first/last argument', () => {
    const unlisted = unboundedListFields(SCHEMA).filter((field) => !(field in LIST_ESTIMATES));
    expect(unlisted).toEqual([]);
  });

  it('gives every operation of the dashboard, the example client, docs/api.md and the benchmark its known cost, under the default maximum', () => {
    const costs = Object.fromEntries(Object.entries(knownOperations()).map(([name, query]) => [name, cost(query)]));
    expect(costs).toEqual(KNOWN_COSTS);
    expect(Math.max(...Object.values(costs))).toBeLessThanOrEqual(DEFAULT_MAX_COST);
  });

  it('refuses the attacks of issue 13 at the default maximum', () => {
    // per point: id 1 + findings 20 x 7 + previous (1 + 140 + previous 2) = 284; points: 20 x 285; per alias 5,702
    expect(cost(GROWTH_ATTACK)).toBe(15 * (1 + 1 + 20 * (1 + 1 + 140 + 1 + 140 + 2)));
    expect(cost(GROWTH_ATTACK)).toBeGreaterThan(DEFAULT_MAX_COST);
    expect(cost(PORTFOLIO_ATTACK)).toBeGreaterThan(DEFAULT_MAX_COST);
  });

  it('counts a leaf 1 and an object field 1 plus its selection', () => {
    expect(cost('{ me { id } }')).toBe(2);
    expect(cost('{ me { id email name } }')).toBe(4);
    expect(cost('{ tenant { profile { culture market } } }')).toBe(4);
    expect(cost('{ tenant { profile { departments } } }')).toBe(3); // a list of enums is one field
  });

  it('multiplies a list of objects by its fixed estimate', () => {
    expect(cost('{ tenant { teams { id } } }')).toBe(1 + 20 * 2);
    expect(cost('{ tenant { teams { members { id } } } }')).toBe(1 + 20 * (1 + 50 * 2));
    expect(cost('{ tenant { latestAssessment { dimensions { score } } } }')).toBe(1 + 1 + 7 * 2);
  });

  it('multiplies a connection by first: a literal, a variable, or the schema default', () => {
    expect(cost('{ myTenants(first: 5) { edges { node { id } } } }')).toBe(5 * (1 + 1 + 2));
    expect(cost('query($n: Int) { myTenants(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(7 * 4);
    expect(cost('{ myTenants { edges { node { id } } } }')).toBe(20 * 4); // first: Int = 20
    expect(cost('query($n: Int) { myTenants(first: $n) { totalCount } }')).toBe(20 * 2); // variable left out
    expect(cost('query($n: Int = 3) { myTenants(first: $n) { totalCount } }')).toBe(3 * 2);
  });

  it('reads a list argument named last (or first) once the schema has it, with its default', () => {
    const paged = buildSchema(
      read('schema.gql')
        .replace('points: [Assessment!]!', 'points(last: Int = 20): [Assessment!]!')
        .replace('entries: [PortfolioEntry!]!', 'entries(first: Int = 50, after: String): [PortfolioEntry!]!'),
    );
    expect(cost('{ tenant { growth { points { id } } } }', {}, paged)).toBe(1 + 1 + 20 * 2);
    expect(cost('{ tenant { growth { points(last: 100) { id } } } }', {}, paged)).toBe(1 + 1 + 100 * 2);
    expect(cost('query($l: Int) { tenant { growth { points(last: $l) { id } } } }', { l: 3 }, paged)).toBe(1 + 1 + 3 * 2);
    expect(cost('{ portfolio { entries(first: 200) { stage } } }', {}, paged)).toBe(1 + 200 * 2);
    expect(cost('{ portfolio { entries { stage } } }', {}, paged)).toBe(1 + 50 * 2);
    // The benchmark's Q2 over a full page of 200 clients stays under the default maximum.
    const q2 = knownOperations()['bench Q2_QUERY'].replace('entries {', 'entries(first: 200) {');
    expect(cost(q2, {}, paged)).toBeLessThan(DEFAULT_MAX_COST);
  });

  it('counts aliases separately and nested previous through every level', () => {
    expect(cost('{ a: me { id } b: me { id } c: me { id } }')).toBe(3 * 2);
    const previous = (n: number) => `{ assessment(id: "x") { ${'previous { '.repeat(n)}${FINDINGS}${' }'.repeat(n)} } }`;
    expect(cost(previous(0))).toBe(1 + 20 * 7);
    expect(cost(previous(1))).toBe(1 + 1 + 20 * 7);
    expect(cost(previous(3))).toBe(1 + 3 + 20 * 7);
  });

  it('expands named and inline fragments like the fields they stand for', () => {
    const plain = cost('{ tenant { teams { id name members { id } } } }');
    expect(cost('{ tenant { teams { ...T } } } fragment T on Team { id name members { ...M } } fragment M on TeamMember { id }')).toBe(plain);
    expect(cost('{ tenant { teams { ... on Team { id name } ... { members { id } } } } }')).toBe(plain);
    // A fragment used twice counts twice.
    expect(cost('{ a: me { ...U } b: me { ...U } } fragment U on User { id name }')).toBe(2 * 3);
  });

  it('evaluates shared fragments once: a document that doubles at each of 40 levels is estimated, not walked 2^40 times', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on User { a${i}: name ...F${i} b${i}: id ...F${i} }`);
    const query = `{ me { ...F40 } } fragment F0 on User { id } ${fragments.join(' ')}`;
    expect(cost(query)).toBeGreaterThan(2 ** 40);
  });

  it('leaves out what @skip and @include leave out, from literals and variables', () => {
    expect(cost('{ me { id } tenant @skip(if: true) { teams { id } } }')).toBe(2);
    expect(cost('{ me { id } tenant @include(if: false) { teams { id } } }')).toBe(2);
    expect(cost('query($s: Boolean!) { me { id } tenant @skip(if: $s) { teams { id } } }', { s: true })).toBe(2);
    expect(cost('query($s: Boolean!) { me { id } tenant @skip(if: $s) { teams { id } } }', { s: false })).toBe(2 + 41);
    expect(cost('query($i: Boolean!) { me { ... @include(if: $i) { id name } } }', { i: false })).toBe(1);
  });

  it('counts introspection fields once each', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(1 + 1 + 1 + 1 + 1);
    expect(cost('{ __typename }')).toBe(1);
  });
});
