import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLInputType, isInputObjectType, isListType, isNonNullType, type GraphQLSchema } from 'graphql';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';

/**
 * Issue 13 item 8: an id that is no UUID is an id that does not exist. For every operation that takes an ID (as an
 * argument or inside its input), a malformed id gets exactly the answer an unknown UUID gets (NOT_FOUND, or null
 * for a nullable lookup), never BAD_USER_INPUT with PostgreSQL's words, never INTERNAL_SERVER_ERROR. The table has
 * an entry for every ID position of the schema: a new one without an entry fails the first test.
 */
type Call = (id: string | null) => { query: string; variables: Record<string, unknown> };

const TEAM_MEMBER = { name: 'M', department: 'SALES', external: false, insight: 3, experience: 3, affinity: 3 };
const SWEEP: Record<string, Call> = {
  'Query.team(id)': (id) => ({ query: `query($id: ID!) { team(id: $id) { id } }`, variables: { id } }),
  'Query.initiative(id)': (id) => ({ query: `query($id: ID!) { initiative(id: $id) { id } }`, variables: { id } }),
  'Query.assessment(id)': (id) => ({ query: `query($id: ID!) { assessment(id: $id) { id } }`, variables: { id } }),
  'Query.webhookDeliveries(endpointId)': (id) => ({
    query: `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`,
    variables: { id },
  }),
  'Mutation.removeMembership(userId)': (id) => ({ query: `mutation($id: ID!) { removeMembership(userId: $id) }`, variables: { id } }),
  'Mutation.updateTeam(input.id)': (id) => ({
    query: `mutation($i: UpdateTeamInput!) { updateTeam(input: $i) { id } }`,
    variables: { i: { id, expectedVersion: 1, name: 'X' } },
  }),
  'Mutation.deleteTeam(id)': (id) => ({ query: `mutation($id: ID!) { deleteTeam(id: $id) }`, variables: { id } }),
  'Mutation.addTeamMember(input.teamId)': (id) => ({
    query: `mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { id } }`,
    variables: { i: { teamId: id, ...TEAM_MEMBER } },
  }),
  'Mutation.updateTeamMember(input.id)': (id) => ({
    query: `mutation($i: UpdateTeamMemberInput!) { updateTeamMember(input: $i) { id } }`,
    variables: { i: { id, name: 'N' } },
  }),
  'Mutation.removeTeamMember(id)': (id) => ({ query: `mutation($id: ID!) { removeTeamMember(id: $id) }`, variables: { id } }),
  'Mutation.assignResponsibility(input.memberId)': (id) => ({
    query: `mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { responsibility } }`,
    variables: { i: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId: id } },
  }),
  'Mutation.updateInitiative(input.id)': (id) => ({
    query: `mutation($i: UpdateInitiativeInput!) { updateInitiative(input: $i) { id } }`,
    variables: { i: { id, expectedVersion: 1, name: 'J' } },
  }),
  'Mutation.deleteInitiative(id)': (id) => ({
    query: `mutation($id: ID!) { deleteInitiative(id: $id, expectedVersion: 1) }`,
    variables: { id },
  }),
  'Mutation.enableWebhookEndpoint(id)': (id) => ({
    query: `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { id } }`,
    variables: { id },
  }),
  'Mutation.deleteWebhook(id)': (id) => ({ query: `mutation($id: ID!) { deleteWebhook(id: $id) }`, variables: { id } }),
  'Mutation.revokeApiKey(id)': (id) => ({ query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, variables: { id } }),
  'Mutation.revokeInvitation(id)': (id) => ({
    query: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`,
    variables: { id },
  }),
  'Mutation.updateAction(input.id)': (id) => ({
    query: `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`,
    variables: { i: { id, expectedVersion: 1, status: 'DONE' } },
  }),
  'Mutation.createAction(input.ownerMemberId)': (id) => ({
    query: `mutation($i: CreateActionInput!) { createAction(input: $i) { title } }`,
    variables: { i: { title: 'Sweep', ownerMemberId: id } },
  }),
  'Mutation.updateAction(input.ownerMemberId)': (id) => ({
    query: `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`,
    variables: { i: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, ownerMemberId: id } },
  }),
  'Query.campaign(id)': (id) => ({ query: `query($id: ID!) { campaign(id: $id) { id } }`, variables: { id } }),
  'Mutation.inviteRespondents(campaignId)': (id) => ({
    query: `mutation($id: ID!) { inviteRespondents(campaignId: $id, respondents: [{ email: "s@example.test", department: HR }]) { email } }`,
    variables: { id },
  }),
  'Mutation.respondToCampaign(campaignId)': (id) => ({
    query: `mutation($id: ID!, $a: AssessmentAnswersInput!) { respondToCampaign(campaignId: $id, answers: $a, department: HR) }`,
    variables: { id, a: ANSWERS },
  }),
  'Mutation.closeCampaign(id)': (id) => ({ query: `mutation($id: ID!) { closeCampaign(id: $id, expectedVersion: 1) { id } }`, variables: { id } }),
  'Mutation.cancelCampaign(id)': (id) => ({ query: `mutation($id: ID!) { cancelCampaign(id: $id, expectedVersion: 1) { id } }`, variables: { id } }),
};

/** The positions where the ID may be left out. */
const OPTIONAL = new Set([
  'Mutation.assignResponsibility(input.memberId)',
  'Mutation.createAction(input.ownerMemberId)',
  'Mutation.updateAction(input.ownerMemberId)',
]);

/** Ids that are no UUID, or nearly one. */
const MALFORMED_IDS = [
  'not-a-uuid',
  '',
  '1',
  '-1',
  '2147483648',
  '3f1c2a7e-8b9d-4c1e-9f00-123456789abg',
  '3f1c2a7e-8b9d-4c1e-9f00-123456789abc ',
  ' 3f1c2a7e-8b9d-4c1e-9f00-123456789abc',
  '{3f1c2a7e-8b9d-4c1e-9f00-123456789abc}',
  '3f1c2a7e8b9d4c1e9f00123456789abc',
  '3F1C2A7E-8B9D-4C1E-9F00-123456789ABC-0',
  "' OR '1'='1",
  'x'.repeat(10_000),
];

/** Every position of the schema where an operation takes an ID: `Mutation.updateTeam(input.id)`. */
function idPositions(schema: GraphQLSchema): string[] {
  const positions: string[] = [];
  const walk = (type: GraphQLInputType, path: string, root: string, seen: Set<string>) => {
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    if (isListType(unwrapped)) return walk(unwrapped.ofType, path, root, seen);
    const named = getNamedType(unwrapped);
    if (named.name === 'ID') positions.push(`${root}(${path})`);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const field of Object.values(named.getFields())) walk(field.type, `${path}.${field.name}`, root, new Set([...seen, named.name]));
    }
  };
  for (const [kind, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type!.getFields())) {
      for (const arg of field.args) walk(arg.type, arg.name, `${kind}.${field.name}`, new Set());
    }
  }
  return positions.sort();
}

describe('a malformed id is an unknown id, for every operation that takes one', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t.gql, 'Sweep owner');
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(() => t.close());

  it('has an entry for every ID the schema takes, and none for an ID that is gone', () => {
    expect(Object.keys(SWEEP).sort()).toEqual(idPositions(t.app.get(GraphQLSchemaHost).schema));
  });

  const answer = async (call: Call, id: string | null) => {
    const { query, variables } = call(id);
    const res = await t.gql(query, variables, { token: owner.token, tenant });
    const error = res.errors?.[0];
    return {
      status: res.status,
      code: error?.extensions.code ?? null,
      message: (id ? error?.message.split(id).join('<id>') : error?.message) ?? null,
      data: res.body.data ?? null,
    };
  };

  it.each(Object.keys(SWEEP))('%s: every malformed id gets the answer of an unknown UUID', async (position) => {
    const call = SWEEP[position];
    const unknown = await answer(call, randomUUID());
    expect(unknown.code === null || ['NOT_FOUND', 'VERSION_CONFLICT'].includes(unknown.code)).toBe(true);
    for (const id of MALFORMED_IDS) {
      const malformed = await answer(call, id);
      // An empty string where the id is optional (assignResponsibility's memberId) is taken for no id at all.
      const expected = id === '' && OPTIONAL.has(position) ? await answer(call, null) : unknown;
      expect({ position, id: id.slice(0, 60), ...malformed }).toEqual({ position, id: id.slice(0, 60), ...expected });
      expect(JSON.stringify(malformed)).not.toMatch(/syntax|relation|violates|uuid|constraint|SQLSTATE|Internal server error/i);
    }
  });
});
