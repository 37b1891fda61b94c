import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { EMBEDDED_TEST_PORT } from '../setup/test-database';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const USER_TEXTS = [
  'README.md',
  // docs/api-contract.graphql is the product owner's contract, kept identical to it (test/e2e/schema.spec.ts): not ours to word.
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f !== 'api-contract.graphql')
    .map((f) => `docs/${f}`),
  'examples/submit-reassessment/README.md',
  'schema.gql',
  'web/index.html',
  'web/src/i18n/en.json',
];

/** What a user reads in a clone: links that resolve, ports as the code has them, no words from our tracker. */
describe('user documentation', () => {
  it('links to files that exist in the repository (the contract, the methodology, the API guide)', () => {
    const links = [...README.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
    expect(links).toEqual(expect.arrayContaining(['docs/api-contract.graphql', 'docs/methodology.md', 'docs/api.md']));
    for (const link of links) expect({ link, exists: existsSync(path.join(ROOT, link)) }).toEqual({ link, exists: true });
    expect(README).not.toContain('../shared');
  });

  it.each(USER_TEXTS)('%s uses no insiders\' words (tracker issues, a domain.md outside the repository)', (file) => {
    const text = read(file);
    expect(text).not.toMatch(/\bissue #?\d+/i);
    expect(text).not.toMatch(/domain\.md/);
  });

  it('documents every port the service, the tests and the bench use, as their defaults are in the code', () => {
    const port = (cells: string) => new RegExp(`^\\| ${cells} \\|`, 'm');
    expect(README).toMatch(port(String(loadConfig({}).port)));
    expect(README).toMatch(port(String(loadConfig({}).embedded.port)));
    expect(README).toMatch(port(String(EMBEDDED_TEST_PORT)));
    expect(README).toContain('`EMBEDDED_TEST_PG_PORT`');
    const faults = /FAULTS_PG_PORT \?\? (\d+)/.exec(read('test/faults/kill-restart.spec.ts'))![1];
    expect(README).toMatch(port(faults));
    const smoke = read('test/smoke/start.sh');
    const smokePorts = `${/SMOKE_PORT:-(\d+)/.exec(smoke)![1]}, ${/SMOKE_PG_PORT:-(\d+)/.exec(smoke)![1]}`;
    expect(README).toMatch(port(smokePorts));
    const bench = read('bench/run.ts');
    expect(README).toMatch(port(/BENCH_PG_PORT \?\? (\d+)/.exec(bench)![1]));
    expect(README).toContain('`BENCH_PG_PORT`');
    const contenders = [...bench.matchAll(/'http', (\d{4,5})\]/g)].map((m) => m[1]);
    expect(contenders.length).toBeGreaterThanOrEqual(3);
    expect(README).toMatch(port(contenders.join(', ')));
  });

  it("docs/api.md: its new organisation is not a demo client, and inviteMember invites the account it signed up", () => {
    const api = read('docs/api.md');
    const demoNames = [...read('scripts/demo/organisations.ts').matchAll(/\{ name: '([^']+)', employeeCount:/g)].map((m) => m[1]);
    expect(demoNames.length).toBeGreaterThanOrEqual(12);
    const created = [...api.matchAll(/createTenant\(input: \{\s*name: "([^"]+)"/g)].map((m) => m[1]);
    expect(created.length).toBeGreaterThan(0);
    for (const name of created) expect(demoNames).not.toContain(name);
    const signedUp = [...api.matchAll(/signUp\(input: \{ email: "([^"]+)"/g)].map((m) => m[1]);
    const invited = [...api.matchAll(/inviteMember\(email: "([^"]+)"/g)].map((m) => m[1]);
    expect(invited.length).toBeGreaterThan(0);
    for (const email of invited) expect(signedUp).toContain(email);
    expect(api).toContain('acceptInvitation(token:');
    // addMembership no longer adds an account at once (issue 19): the docs must not say it does.
    expect(api).not.toMatch(/`addMembership` adds an \*\*existing account\*\*/);
    expect(api).toMatch(/`addMembership` is deprecated: it no longer adds an account at once, it \*\*invites\*\*/);
  });

  it('docs/api.md: every GraphQL example is valid against schema.gql', () => {
    const schema = buildSchema(read('schema.gql'));
    const problems: string[] = [];
    for (const [, text] of read('docs/api.md').matchAll(/```graphql\n([\s\S]*?)```/g)) {
      for (const definition of parse(text).definitions) {
        for (const error of validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] })) problems.push(error.message);
      }
    }
    expect(problems).toEqual([]);
  });
});
