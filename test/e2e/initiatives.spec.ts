import { randomUUID } from 'node:crypto';
import { addMember, createTenant, signUp, startTestApp, type TestApp } from '../helpers/app';
import {
  createInitiative,
  createInitiatives,
  INITIATIVE,
  ok,
  tenantWithRoles,
  type TenantWithRoles,
} from '../helpers/structure';

const FIELDS = `id name status ownerDepartment outsourcing satisfaction failureFactors version kpis { name kind }`;
const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!, $v: Int!) { deleteInitiative(id: $id, expectedVersion: $v) }`;
const READ = `query($id: ID!) { initiative(id: $id) { ${FIELDS} } }`;
const PAGE = `query($first: Int, $after: String, $status: InitiativeStatus, $dept: Department) {
  initiatives(first: $first, after: $after, status: $status, ownerDepartment: $dept) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const TENANT_PAGE = `query($first: Int, $after: String, $status: InitiativeStatus, $dept: Department) { tenant {
  initiatives(first: $first, after: $after, status: $status, ownerDepartment: $dept) {
    totalCount edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;

type Options = { token: string; tenant: string };

/**
 * graphql-js names list elements "kpis[0].kind" where class-validator says "kpis.0.name"; both name the same
 * field, so the tests compare them in one spelling.
 */
const fieldsOf = (res: { errors?: { extensions: { fields?: string[] } }[] }) =>
  res.errors?.[0].extensions.fields?.map((f) => f.replace(/\[(\d+)\]/g, '.$1'));

describe('initiatives (GraphQL)', () => {
  let t: TestApp;
  let org: TenantWithRoles;
  let as: Options;

  beforeAll(async () => {
    t = await startTestApp();
    org = await tenantWithRoles(t.gql);
    as = { token: org.owner.token, tenant: org.tenant };
  });
  afterAll(() => t.close());

  const read = async (id: string, options: Options = as) => ok(await t.gql(READ, { id }, options)).initiative;
  const freshTenant = async (): Promise<Options> => ({
    token: org.owner.token,
    tenant: await createTenant(t.gql, org.owner),
  });
  const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

  describe('happy paths', () => {
    it('records an initiative with its KPIs in order, trimming names', async () => {
      const res = await t.gql(
        CREATE,
        {
          input: {
            ...INITIATIVE,
            name: '  Webcare  ',
            kpis: [{ name: ' Followers ', kind: 'VANITY' }, ...INITIATIVE.kpis],
          },
        },
        as,
      );
      const created = ok(res).createInitiative;
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Webcare',
        status: 'ACTIVE',
        ownerDepartment: 'CUSTOMER_SERVICE',
        outsourcing: 'NONE',
        satisfaction: 3,
        failureFactors: ['NO_TIME'],
        version: 1,
        kpis: [{ name: 'Followers', kind: 'VANITY' }, ...INITIATIVE.kpis],
      });
      expect(await read(created.id)).toEqual(created);
    });

    it('defaults satisfaction to null and failure factors to none; accepts no KPIs', async () => {
      const input = { ...INITIATIVE, kpis: [] as unknown[] } as Record<string, unknown>;
      delete input.satisfaction;
      delete input.failureFactors;
      const created = ok(await t.gql(CREATE, { input }, as)).createInitiative;
      expect(created).toMatchObject({ satisfaction: null, failureFactors: [], kpis: [] });
      const nulls = ok(
        await t.gql(CREATE, { input: { ...input, satisfaction: null, failureFactors: null } }, as),
      );
      expect(nulls.createInitiative).toMatchObject({ satisfaction: null, failureFactors: [] });
    });

    it('updates only the fields given, replaces the KPIs and bumps the version', async () => {
      const { id } = await createInitiative(t.gql, org.owner, org.tenant);
      const res = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 1,
            status: 'COMPLETED',
            ownerDepartment: 'SALES',
            kpis: [{ name: 'Revenue', kind: 'BUSINESS' }],
            failureFactors: ['NO_BUDGET', 'NO_SKILLS'],
          },
        },
        as,
      );
      const expected = {
        ...INITIATIVE,
        id,
        status: 'COMPLETED',
        ownerDepartment: 'SALES',
        kpis: [{ name: 'Revenue', kind: 'BUSINESS' }],
        failureFactors: ['NO_BUDGET', 'NO_SKILLS'],
        version: 2,
      };
      expect(ok(res).updateInitiative).toEqual(expected);
      expect(await read(id)).toEqual(expected);

      const cleared = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 2,
            satisfaction: null,
            kpis: null,
            failureFactors: [],
            name: 'Renamed',
            outsourcing: 'FULL',
          },
        },
        as,
      );
      expect(ok(cleared).updateInitiative).toEqual({
        ...expected,
        name: 'Renamed',
        outsourcing: 'FULL',
        satisfaction: null,
        kpis: [],
        failureFactors: [],
        version: 3,
      });
      expect(await read(id)).toEqual(cleared.data.updateInitiative);
    });

    it('refuses a stale expectedVersion with VERSION_CONFLICT and changes nothing, KPIs included', async () => {
      const { id } = await createInitiative(t.gql, org.owner, org.tenant);
      ok(await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Second' } }, as));
      const before = await read(id);
      const stale = await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Third', kpis: [] } }, as);
      expect(stale.code).toBe('VERSION_CONFLICT');
      expect(await read(id)).toEqual(before);
    });

    it('deletes at the expected version only; afterwards it is NOT_FOUND', async () => {
      const { id } = await createInitiative(t.gql, org.owner, org.tenant);
      ok(await t.gql(UPDATE, { input: { id, expectedVersion: 1, satisfaction: 5 } }, as));
      expect((await t.gql(DELETE, { id, v: 1 }, as)).code).toBe('VERSION_CONFLICT');
      expect((await read(id)).version).toBe(2);
      expect(ok(await t.gql(DELETE, { id, v: 2 }, as)).deleteInitiative).toBe(true);
      expect((await t.gql(READ, { id }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(DELETE, { id, v: 2 }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE, { input: { id, expectedVersion: 2, name: 'x' } }, as)).code).toBe(
        'NOT_FOUND',
      );
    });

    it('lets a CONTRIBUTOR write and a VIEWER read', async () => {
      const contributor = { token: org.contributor.token, tenant: org.tenant };
      const created = ok(await t.gql(CREATE, { input: INITIATIVE }, contributor)).createInitiative;
      ok(
        await t.gql(
          UPDATE,
          { input: { id: created.id, expectedVersion: 1, status: 'STOPPED' } },
          contributor,
        ),
      );
      expect(await read(created.id, { token: org.viewer.token, tenant: org.tenant })).toMatchObject({
        status: 'STOPPED',
        version: 2,
      });
    });
  });

  describe('the connection', () => {
    it('pages newest first with cursors and a total count, on Query.initiatives and Tenant.initiatives', async () => {
      const options = await freshTenant();
      const made: string[] = [];
      for (let i = 0; i < 5; i++)
        made.push((await createInitiative(t.gql, org.owner, options.tenant, { name: `I${i}` })).id);
      const newestFirst = [...made].reverse();

      const first = ok(await t.gql(PAGE, { first: 2 }, options)).initiatives;
      expect(first.totalCount).toBe(5);
      expect(ids(first)).toEqual(newestFirst.slice(0, 2));
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
      const second = ok(
        await t.gql(PAGE, { first: 2, after: first.pageInfo.endCursor }, options),
      ).initiatives;
      expect(ids(second)).toEqual(newestFirst.slice(2, 4));
      const third = ok(
        await t.gql(PAGE, { first: 2, after: second.pageInfo.endCursor }, options),
      ).initiatives;
      expect(ids(third)).toEqual(newestFirst.slice(4));
      expect(third.pageInfo.hasNextPage).toBe(false);

      const viaTenant = ok(await t.gql(TENANT_PAGE, { first: 3 }, options)).tenant.initiatives;
      expect(ids(viaTenant)).toEqual(newestFirst.slice(0, 3));
      expect(viaTenant.edges[0].node.kpis).toEqual(INITIATIVE.kpis);
      const rest = ok(await t.gql(TENANT_PAGE, { after: viaTenant.pageInfo.endCursor }, options)).tenant
        .initiatives;
      expect(ids(rest)).toEqual(newestFirst.slice(3));
    });

    it('neither skips nor repeats initiatives created in the same instant', async () => {
      const options = await freshTenant();
      const made = await createInitiatives(t.gql, org.owner, options.tenant, 5);
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 3; i++) {
        const page: any = ok(await t.gql(PAGE, { first: 2, after }, options)).initiatives;
        seen.push(...ids(page));
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen)).toEqual(new Set(made));
    });

    it('filters by status and owner department, counting only the matches', async () => {
      const options = await freshTenant();
      const active = await createInitiative(t.gql, org.owner, options.tenant, {
        status: 'ACTIVE',
        ownerDepartment: 'SALES',
      });
      const stopped = await createInitiative(t.gql, org.owner, options.tenant, {
        status: 'STOPPED',
        ownerDepartment: 'SALES',
      });
      const marketing = await createInitiative(t.gql, org.owner, options.tenant, {
        status: 'ACTIVE',
        ownerDepartment: 'MARKETING',
      });
      const byStatus = ok(await t.gql(PAGE, { status: 'ACTIVE' }, options)).initiatives;
      expect(byStatus.totalCount).toBe(2);
      expect(ids(byStatus)).toEqual([marketing.id, active.id]);
      const byDept = ok(await t.gql(TENANT_PAGE, { dept: 'SALES' }, options)).tenant.initiatives;
      expect(byDept.totalCount).toBe(2);
      expect(ids(byDept)).toEqual([stopped.id, active.id]);
      const both = ok(await t.gql(PAGE, { status: 'ACTIVE', dept: 'SALES', first: 1 }, options)).initiatives;
      expect(both).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
      expect(ids(both)).toEqual([active.id]);
    });

    it.each([
      ['first', 0],
      ['first', 101],
      ['after', 'bm9wZQ'],
      ['after', Buffer.from(JSON.stringify(['yesterday', randomUUID()])).toString('base64url')],
      ['status', 'DONE'],
    ])('rejects %s = %p with BAD_USER_INPUT, on both fields', async (field, value) => {
      for (const query of [PAGE, TENANT_PAGE]) {
        const res = await t.gql(query, { [field === 'status' ? 'status' : field]: value }, as);
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual([field]);
      }
    });
  });

  describe('validation: rejected with BAD_USER_INPUT naming the field, nothing stored', () => {
    let options: Options;
    beforeAll(async () => {
      options = await freshTenant();
    });
    const kpis = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `KPI ${i}`, kind: 'ENGAGEMENT' }));

    it.each([
      ['name', { name: '' }],
      ['name', { name: '   ' }],
      ['name', { name: 'x'.repeat(201) }],
      ['kpis', { kpis: kpis(21) }],
      ['kpis.0.name', { kpis: [{ name: '', kind: 'VANITY' }] }],
      [
        'kpis.1.name',
        {
          kpis: [
            { name: 'Fine', kind: 'VANITY' },
            { name: ' ', kind: 'VANITY' },
          ],
        },
      ],
      ['kpis.0.name', { kpis: [{ name: 'x'.repeat(101), kind: 'VANITY' }] }],
      ['kpis.0.kind', { kpis: [{ name: 'Reach', kind: 'REACH' }] }],
      ['satisfaction', { satisfaction: 0 }],
      ['satisfaction', { satisfaction: 6 }],
      ['status', { status: 'DONE' }],
      ['ownerDepartment', { ownerDepartment: 'FINANCE' }],
      ['outsourcing', { outsourcing: 'ALL' }],
      ['failureFactors', { failureFactors: ['NO_TIME', 'NO_TIME'] }],
      ['failureFactors.1', { failureFactors: ['NO_TIME', 'BAD_LUCK'] }],
      ['kpis', { kpis: null }],
    ])('createInitiative: %s', async (field, change) => {
      const res = await t.gql(CREATE, { input: { ...INITIATIVE, ...change } }, options);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([`input.${field}`]);
      expect(ok(await t.gql(PAGE, {}, options)).initiatives.totalCount).toBe(0);
    });

    it('accepts exactly 20 KPIs', async () => {
      const other = await freshTenant();
      const created = ok(
        await t.gql(CREATE, { input: { ...INITIATIVE, kpis: kpis(20) } }, other),
      ).createInitiative;
      expect(created.kpis).toHaveLength(20);
      expect((await read(created.id, other)).kpis).toEqual(kpis(20));
    });

    it.each([
      ['name', { name: ' ' }],
      ['name', { name: null }],
      ['status', { status: null }],
      ['ownerDepartment', { ownerDepartment: null }],
      ['outsourcing', { outsourcing: null }],
      ['satisfaction', { satisfaction: 0 }],
      ['satisfaction', { satisfaction: 6 }],
      ['kpis', { kpis: kpis(21) }],
      ['kpis.0.name', { kpis: [{ name: ' ', kind: 'BUSINESS' }] }],
      ['failureFactors', { failureFactors: ['NO_SKILLS', 'NO_SKILLS'] }],
      ['expectedVersion', { expectedVersion: 0 }],
    ])('updateInitiative: %s', async (field, change) => {
      const other = await freshTenant();
      const { id } = await createInitiative(t.gql, org.owner, other.tenant);
      const before = await read(id, other);
      const res = await t.gql(UPDATE, { input: { id, expectedVersion: 1, ...change } }, other);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([`input.${field}`]);
      expect(await read(id, other)).toEqual(before);
    });
  });

  it.each([['not-a-uuid'], [randomUUID()]])(
    'treats the unknown id %p as NOT_FOUND for read, update and delete',
    async (id) => {
      expect((await t.gql(READ, { id }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'x' } }, as)).code).toBe(
        'NOT_FOUND',
      );
      expect((await t.gql(DELETE, { id, v: 1 }, as)).code).toBe('NOT_FOUND');
    },
  );

  it('refuses every write to a VIEWER with FORBIDDEN and changes nothing', async () => {
    const options = await freshTenant();
    const viewer = await signUp(t.gql, 'Viewer');
    await addMember(t.gql, org.owner, options.tenant, viewer, 'VIEWER');
    const { id } = await createInitiative(t.gql, org.owner, options.tenant);
    const before = await read(id, options);
    const asViewer = { token: viewer.token, tenant: options.tenant };
    expect((await t.gql(CREATE, { input: INITIATIVE }, asViewer)).code).toBe('FORBIDDEN');
    expect(
      (await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'By viewer' } }, asViewer)).code,
    ).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id, v: 1 }, asViewer)).code).toBe('FORBIDDEN');
    expect(await read(id, asViewer)).toEqual(before);
    expect(ok(await t.gql(PAGE, {}, asViewer)).initiatives.totalCount).toBe(1);
  });

  it("answers NOT_FOUND for another tenant's initiative, never lists it, and leaves it untouched", async () => {
    const ownerB = await signUp(t.gql, 'Owner B');
    const tenantB = await createTenant(t.gql, ownerB);
    const asB = { token: ownerB.token, tenant: tenantB };
    const { id } = await createInitiative(t.gql, ownerB, tenantB, { name: 'Of B' });
    const before = await read(id, asB);
    expect((await t.gql(READ, { id }, as)).code).toBe('NOT_FOUND');
    expect(
      (await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Taken', kpis: [] } }, as)).code,
    ).toBe('NOT_FOUND');
    expect((await t.gql(DELETE, { id, v: 1 }, as)).code).toBe('NOT_FOUND');
    expect(ids(ok(await t.gql(PAGE, { first: 100 }, as)).initiatives)).not.toContain(id);
    expect(await read(id, asB)).toEqual(before);
  });

  it('lets exactly one of 10 concurrent updates with the same expectedVersion win; the version ends at +1', async () => {
    const { id } = await createInitiative(t.gql, org.owner, org.tenant);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.gql(
          UPDATE,
          {
            input: {
              id,
              expectedVersion: 1,
              name: `Writer ${i}`,
              kpis: [{ name: `KPI of ${i}`, kind: 'BUSINESS' }],
            },
          },
          as,
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.code === 'VERSION_CONFLICT')).toHaveLength(9);
    const winner = winners[0].data.updateInitiative;
    expect(await read(id)).toMatchObject({ version: 2, name: winner.name, kpis: winner.kpis });
  });

  it('reads initiatives with their KPIs in the same number of SQL statements for 1 and for 50', async () => {
    const counts: Record<number, { tenant: number; query: number }> = {};
    for (const size of [1, 50]) {
      const options = await freshTenant();
      await createInitiatives(t.gql, org.owner, options.tenant, size);
      const viaTenant = await t.gql(TENANT_PAGE, { first: 50 }, options);
      const viaQuery = await t.gql(
        `{ initiatives(first: 50) { totalCount edges { node { id kpis { name kind } } } } }`,
        {},
        options,
      );
      for (const connection of [ok(viaTenant).tenant.initiatives, ok(viaQuery).initiatives]) {
        expect(connection.totalCount).toBe(size);
        expect(connection.edges).toHaveLength(size);
        for (const edge of connection.edges)
          expect(edge.node.kpis.map((k: { kind: string }) => k.kind)).toEqual(['VANITY', 'BUSINESS']);
      }
      counts[size] = { tenant: viaTenant.sqlStatements, query: viaQuery.sqlStatements };
    }
    console.info(
      `SQL statements for initiatives with KPIs: Tenant.initiatives 1 = ${counts[1].tenant}, 50 = ${counts[50].tenant}; ` +
        `Query.initiatives 1 = ${counts[1].query}, 50 = ${counts[50].query}`,
    );
    expect(counts[1].tenant).toBeGreaterThan(0);
    expect(counts[50]).toEqual(counts[1]);
  });
});
