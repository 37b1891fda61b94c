import { addMember, createTenant, signUp, type Gql, type GqlResponse, type TestUser } from './app';

/** Fixtures for teams, responsibilities and initiatives, all made through the GraphQL API. */

export interface TenantWithRoles {
  tenant: string;
  owner: TestUser;
  contributor: TestUser;
  viewer: TestUser;
}

/** A new tenant with an OWNER, a CONTRIBUTOR and a VIEWER. */
export async function tenantWithRoles(gql: Gql): Promise<TenantWithRoles> {
  const owner = await signUp(gql, 'Owner');
  const tenant = await createTenant(gql, owner);
  const contributor = await signUp(gql, 'Contributor');
  const viewer = await signUp(gql, 'Viewer');
  await addMember(gql, owner, tenant, contributor, 'CONTRIBUTOR');
  await addMember(gql, owner, tenant, viewer, 'VIEWER');
  return { tenant, owner, contributor, viewer };
}

export function ok<T>(res: GqlResponse<T>): T {
  if (res.errors) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export const MEMBER = {
  name: 'Mia',
  department: 'MARKETING',
  external: false,
  insight: 4,
  experience: 3,
  affinity: 5,
};

export async function createTeam(
  gql: Gql,
  user: TestUser,
  tenant: string,
  name = 'Central team',
): Promise<string> {
  const res = await gql(
    `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
    { input: { name } },
    {
      token: user.token,
      tenant,
    },
  );
  return ok(res).createTeam.id;
}

export async function addTeamMember(
  gql: Gql,
  user: TestUser,
  tenant: string,
  teamId: string,
  fields: Partial<typeof MEMBER> = {},
): Promise<string> {
  const res = await gql(
    `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`,
    { input: { ...MEMBER, ...fields, teamId } },
    { token: user.token, tenant },
  );
  return ok(res).addTeamMember.id;
}

/** Runs aliased mutations in batches that stay within the document limits (15 aliases, 2000 tokens). */
async function batched(
  gql: Gql,
  user: TestUser,
  tenant: string,
  fields: string[],
): Promise<Record<string, any>> {
  const data: Record<string, any> = {};
  for (let i = 0; i < fields.length; i += ALIASES_PER_REQUEST) {
    const batch = fields.slice(i, i + ALIASES_PER_REQUEST);
    Object.assign(data, ok(await gql(`mutation { ${batch.join(' ')} }`, {}, { token: user.token, tenant })));
  }
  return data;
}
const ALIASES_PER_REQUEST = 10;

/** Many teams with `membersEach` members each, made with aliased mutations. Returns the team ids. */
export async function createTeamsWithMembers(
  gql: Gql,
  user: TestUser,
  tenant: string,
  count: number,
  membersEach: number,
): Promise<string[]> {
  const teams = await batched(
    gql,
    user,
    tenant,
    Array.from({ length: count }, (_, i) => `t${i}: createTeam(input: { name: "Team ${i}" }) { id }`),
  );
  const ids: string[] = Array.from({ length: count }, (_, i) => teams[`t${i}`].id);
  const additions = ids.flatMap((id, i) =>
    Array.from(
      { length: membersEach },
      (_, j) =>
        `m${i}_${j}: addTeamMember(input: { teamId: "${id}", name: "Member ${i}.${j}", department: SALES, external: false, insight: 3, experience: 3, affinity: 3 }) { id }`,
    ),
  );
  await batched(gql, user, tenant, additions);
  return ids;
}

export const INITIATIVE = {
  name: 'Customer care on social',
  status: 'ACTIVE',
  ownerDepartment: 'CUSTOMER_SERVICE',
  outsourcing: 'NONE',
  kpis: [
    { name: 'Response time', kind: 'ENGAGEMENT' },
    { name: 'Leads', kind: 'BUSINESS' },
  ],
  satisfaction: 3,
  failureFactors: ['NO_TIME'],
};

export async function createInitiative(
  gql: Gql,
  user: TestUser,
  tenant: string,
  fields: Partial<Record<keyof typeof INITIATIVE, unknown>> = {},
): Promise<{ id: string; version: number }> {
  const res = await gql(
    `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id version } }`,
    { input: { ...INITIATIVE, ...fields } },
    { token: user.token, tenant },
  );
  return ok(res).createInitiative;
}

/**
 * Many initiatives, each with two KPIs, made with aliased mutations (up to 10 share one request, and so one
 * created_at). Returns their ids in creation order.
 */
export async function createInitiatives(
  gql: Gql,
  user: TestUser,
  tenant: string,
  count: number,
): Promise<string[]> {
  const created = await batched(
    gql,
    user,
    tenant,
    Array.from(
      { length: count },
      (_, i) =>
        `i${i}: createInitiative(input: { name: "Initiative ${i}", status: ACTIVE, ownerDepartment: MARKETING, outsourcing: NONE, kpis: [{ name: "Reach ${i}", kind: VANITY }, { name: "Sales ${i}", kind: BUSINESS }] }) { id }`,
    ),
  );
  return Array.from({ length: count }, (_, i) => created[`i${i}`].id);
}
