import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/app';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA_FILE = path.join(ROOT, 'schema.gql');
const CONTRACT_COPY = path.join(ROOT, 'docs/api-contract.graphql');
const SHARED_CONTRACT = path.resolve(ROOT, '../shared/docs/api-contract.graphql');

/**
 * Parts of the shared contract not served yet, each named by the open issue that brings it. The list may only
 * shrink: an entry that is no longer a problem fails the test until it is removed here.
 */
const PENDING_CONTRACT: Record<number, string[]> = {};

/** Descriptions still missing (none): anything undocumented fails the test. */
const PENDING_DESCRIPTIONS = new Set<string>([]);

/**
 * The committed schema.gql is the API as served: a change to it must be deliberate (UPDATE_SCHEMA=1 npm test --
 * --testPathPatterns schema rewrites it). And the served schema must stay a superset of the public contract.
 */
describe('GraphQL schema', () => {
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    t = await startTestApp();
    printed = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
  });
  afterAll(() => t.close());

  it('matches the committed schema.gql (no unintended change)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, `${printed}\n`);
    expect(`${printed}\n`).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('keeps the copy of the contract identical to the shared one', () => {
    if (!existsSync(SHARED_CONTRACT)) return; // a clone without shared/ beside it checks the copy alone
    expect(readFileSync(CONTRACT_COPY, 'utf8')).toBe(readFileSync(SHARED_CONTRACT, 'utf8'));
  });

  it('is a superset of the public contract (but the parts pending in open issues): every type, field, argument and enum value, with the same types', () => {
    const contract = buildSchema(readFileSync(CONTRACT_COPY, 'utf8'));
    const served = t.app.get(GraphQLSchemaHost).schema;
    const problems: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const ours = served.getType(type.name);
      if (!ours) {
        problems.push(`missing type ${type.name}`);
        continue;
      }
      if (kind(ours) !== kind(type))
        problems.push(`${type.name} is a ${kind(ours)}, the contract says ${kind(type)}`);
      if (isEnumType(type) && isEnumType(ours)) {
        for (const v of type.getValues())
          if (!ours.getValue(v.name)) problems.push(`missing enum value ${type.name}.${v.name}`);
      }
      if (
        (isObjectType(type) || isInputObjectType(type)) &&
        (isObjectType(ours) || isInputObjectType(ours))
      ) {
        const ourFields = ours.getFields() as Record<
          string,
          GraphQLField<unknown, unknown> | GraphQLInputField
        >;
        for (const field of Object.values(type.getFields()) as (
          GraphQLField<unknown, unknown> | GraphQLInputField
        )[]) {
          const mine = ourFields[field.name];
          if (!mine) {
            problems.push(`missing field ${type.name}.${field.name}`);
            continue;
          }
          if (String(mine.type) !== String(field.type))
            problems.push(
              `${type.name}.${field.name} is ${String(mine.type)}, the contract says ${String(field.type)}`,
            );
          if ('args' in field && 'args' in mine) {
            for (const arg of field.args) {
              const ourArg = mine.args.find((a) => a.name === arg.name);
              if (!ourArg) problems.push(`missing argument ${type.name}.${field.name}(${arg.name})`);
              else if (String(ourArg.type) !== String(arg.type))
                problems.push(
                  `${type.name}.${field.name}(${arg.name}) is ${String(ourArg.type)}, the contract says ${String(arg.type)}`,
                );
              else if (arg.defaultValue !== undefined && ourArg.defaultValue !== arg.defaultValue)
                problems.push(
                  `${type.name}.${field.name}(${arg.name}) defaults to ${JSON.stringify(ourArg.defaultValue)}, not ${JSON.stringify(arg.defaultValue)}`,
                );
            }
            for (const ourArg of mine.args) {
              if (
                String(ourArg.type).endsWith('!') &&
                ourArg.defaultValue === undefined &&
                !field.args.some((a) => a.name === ourArg.name)
              )
                problems.push(`${type.name}.${field.name} adds a required argument ${ourArg.name}`);
            }
          }
        }
        if (isInputObjectType(ours)) {
          for (const f of Object.values(ours.getFields())) {
            if (String(f.type).endsWith('!') && f.defaultValue === undefined && !(f.name in type.getFields()))
              problems.push(`input ${type.name} adds a required field ${f.name}`);
          }
        }
      }
    }
    const pending = new Set(Object.values(PENDING_CONTRACT).flat());
    expect(problems.filter((problem) => !pending.has(problem))).toEqual([]);
    expect([...pending].filter((entry) => !problems.includes(entry))).toEqual([]);
  });

  it('describes every type, field, argument and enum value in the domain words', () => {
    const served = t.app.get(GraphQLSchemaHost).schema;
    expect(undocumented(served).filter((name) => !PENDING_DESCRIPTIONS.has(name))).toEqual([]);
  });

  it('serves the Apollo Sandbox landing page in development only', async () => {
    const landing = (app: TestApp) =>
      request(app.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    const here = await landing(t);
    expect(here.headers['content-type']).not.toMatch(/text\/html/);
    const development = await startTestApp({ NODE_ENV: 'development' });
    try {
      const sandbox = await landing(development);
      expect(sandbox.status).toBe(200);
      expect(sandbox.headers['content-type']).toMatch(/text\/html/);
      expect(sandbox.text).toMatch(/sandbox/i);
    } finally {
      await development.close();
    }
  });
});

/**
 * Every named type (but the root types and scalars), field, argument, input field and enum value without a
 * description, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`.
 */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isScalarType(type)) continue;
    if (!type.description && !roots.has(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()) as (
        GraphQLField<unknown, unknown> | GraphQLInputField
      )[]) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ('args' in field)
          for (const arg of field.args)
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

function kind(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isInterfaceType(type)) return 'interface';
  if (isScalarType(type)) return 'scalar';
  return 'other';
}
