import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { addMember, createApiKey, createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';

/**
 * OWASP API1/API3/API5: every Query and Mutation field has an explicit entry saying which callers may use it,
 * and every entry is exercised for every kind of caller. A new operation without an entry fails this test.
 */
type Caller = 'anonymous' | 'VIEWER' | 'CONTRIBUTOR' | 'ADMIN' | 'OWNER' | 'CONSULTANT';
const CALLERS: Caller[] = ['anonymous', 'VIEWER', 'CONTRIBUTOR', 'ADMIN', 'OWNER', 'CONSULTANT'];
const MEMBERS: Caller[] = ['VIEWER', 'CONTRIBUTOR', 'ADMIN', 'OWNER', 'CONSULTANT'];
const EDITORS: Caller[] = ['CONTRIBUTOR', 'ADMIN', 'OWNER', 'CONSULTANT'];
const EVERYONE: Caller[] = CALLERS;

interface Entry {
  allow: Caller[];
  /** A call with well-formed arguments: allowed callers may still get NOT_FOUND or BAD_USER_INPUT. */
  call: () => { query: string; variables?: Record<string, unknown> };
  /** The call ends the caller's sessions: each signed-in caller makes it with a fresh account of its own. */
  fresh?: boolean;
}

const id = () => randomUUID();
const MATRIX: Record<string, Entry> = {
  // accounts
  'Mutation.signUp': {
    allow: EVERYONE,
    call: () => ({
      query: `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
      variables: { i: { email: `${id()}@example.test`, password: 'matrix password', name: 'M' } },
    }),
  },
  'Mutation.logIn': {
    allow: EVERYONE,
    call: () => ({ query: `mutation($e: String!) { logIn(email: $e, password: "correct horse battery") { token } }`, variables: { e: loginEmail } }),
  },
  'Query.me': { allow: MEMBERS, call: () => ({ query: `{ me { id } }` }) },
  // tenants and memberships
  'Query.myTenants': { allow: MEMBERS, call: () => ({ query: `{ myTenants { totalCount } }` }) },
  'Mutation.createTenant': {
    allow: MEMBERS,
    call: () => ({
      query: `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
      variables: { i: { name: 'Matrix', profile: DEFAULT_PROFILE } },
    }),
  },
  'Query.tenant': { allow: MEMBERS, call: () => ({ query: `{ tenant { id } }` }) },
  'Mutation.updateTenantProfile': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({
      query: `mutation($i: TenantProfileInput!) { updateTenantProfile(input: $i) { id } }`,
      variables: { i: DEFAULT_PROFILE },
    }),
  },
  'Mutation.addMembership': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation { addMembership(input: { email: "nobody-${id()}@example.test", role: VIEWER }) }` }),
  },
  'Mutation.removeMembership': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation($id: ID!) { removeMembership(userId: $id) }`, variables: { id: id() } }),
  },
  'Query.auditTrail': { allow: ['ADMIN', 'OWNER'], call: () => ({ query: `{ auditTrail { totalCount } }` }) },
  // teams
  'Query.teams': { allow: MEMBERS, call: () => ({ query: `{ teams { id } }` }) },
  'Query.team': { allow: MEMBERS, call: () => ({ query: `query($id: ID!) { team(id: $id) { id } }`, variables: { id: id() } }) },
  'Mutation.createTeam': { allow: EDITORS, call: () => ({ query: `mutation { createTeam(input: { name: "Matrix team" }) { id } }` }) },
  'Mutation.updateTeam': {
    allow: EDITORS,
    call: () => ({ query: `mutation($id: ID!) { updateTeam(input: { id: $id, expectedVersion: 1, name: "X" }) { id } }`, variables: { id: id() } }),
  },
  'Mutation.deleteTeam': { allow: EDITORS, call: () => ({ query: `mutation($id: ID!) { deleteTeam(id: $id) }`, variables: { id: id() } }) },
  'Mutation.addTeamMember': {
    allow: EDITORS,
    call: () => ({
      query: `mutation($id: ID!) { addTeamMember(input: { teamId: $id, name: "M", department: SALES, external: false, insight: 3, experience: 3, affinity: 3 }) { id } }`,
      variables: { id: id() },
    }),
  },
  'Mutation.updateTeamMember': {
    allow: EDITORS,
    call: () => ({ query: `mutation($id: ID!) { updateTeamMember(input: { id: $id, name: "N" }) { id } }`, variables: { id: id() } }),
  },
  'Mutation.removeTeamMember': { allow: EDITORS, call: () => ({ query: `mutation($id: ID!) { removeTeamMember(id: $id) }`, variables: { id: id() } }) },
  // responsibilities
  'Mutation.assignResponsibility': {
    allow: EDITORS,
    call: () => ({ query: `mutation { assignResponsibility(input: { responsibility: TOOLING, ownerKind: AGENCY }) { responsibility } }` }),
  },
  'Mutation.unassignResponsibility': { allow: EDITORS, call: () => ({ query: `mutation { unassignResponsibility(responsibility: TOOLING) }` }) },
  // initiatives
  'Query.initiatives': { allow: MEMBERS, call: () => ({ query: `{ initiatives { totalCount } }` }) },
  'Query.initiative': { allow: MEMBERS, call: () => ({ query: `query($id: ID!) { initiative(id: $id) { id } }`, variables: { id: id() } }) },
  'Mutation.createInitiative': {
    allow: EDITORS,
    call: () => ({
      query: `mutation { createInitiative(input: { name: "I", status: ACTIVE, ownerDepartment: MARKETING, outsourcing: NONE, kpis: [] }) { id } }`,
    }),
  },
  'Mutation.updateInitiative': {
    allow: EDITORS,
    call: () => ({ query: `mutation($id: ID!) { updateInitiative(input: { id: $id, expectedVersion: 1, name: "J" }) { id } }`, variables: { id: id() } }),
  },
  'Mutation.deleteInitiative': {
    allow: EDITORS,
    call: () => ({ query: `mutation($id: ID!) { deleteInitiative(id: $id, expectedVersion: 1) }`, variables: { id: id() } }),
  },
  // assessments
  'Mutation.submitAssessment': {
    allow: EDITORS,
    call: () => ({
      query: `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`,
      variables: { i: { period: `${2000 + Math.floor(Math.random() * 26)}-Q${1 + Math.floor(Math.random() * 4)}`, answers: ANSWERS, idempotencyKey: `matrix-${id()}`, supersede: true } },
    }),
  },
  'Query.assessment': { allow: MEMBERS, call: () => ({ query: `query($id: ID!) { assessment(id: $id) { id } }`, variables: { id: id() } }) },
  'Query.assessments': { allow: MEMBERS, call: () => ({ query: `{ assessments { totalCount } }` }) },
  'Query.scorePreview': {
    allow: MEMBERS,
    call: () => ({ query: `query($a: AssessmentAnswersInput!) { scorePreview(answers: $a) { overallScore } }`, variables: { a: ANSWERS } }),
  },
  // portfolio and benchmark
  'Query.portfolio': { allow: MEMBERS, call: () => ({ query: `{ portfolio { overdueCount } }` }) },
  'Query.benchmark': { allow: MEMBERS, call: () => ({ query: `{ benchmark { sizeBand source } }` }) },
  // webhooks
  'Query.webhooks': { allow: ['ADMIN', 'OWNER', 'CONSULTANT'], call: () => ({ query: `{ webhooks { id } }` }) },
  'Query.webhookDeliveries': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`, variables: { id: id() } }),
  },
  'Mutation.registerWebhook': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `mutation { registerWebhook(input: { url: "https://127.0.0.1/hook", events: [ASSESSMENT_SCORED] }) { endpoint { id } } }` }),
  },
  'Mutation.enableWebhookEndpoint': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { id } }`, variables: { id: id() } }),
  },
  'Mutation.deleteWebhook': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `mutation($id: ID!) { deleteWebhook(id: $id) }`, variables: { id: id() } }),
  },
  // targets and the action plan (issue 17)
  'Mutation.setTarget': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `mutation { setTarget(input: { stage: STRATEGIC }) { stage } }` }),
  },
  'Mutation.createAction': {
    allow: EDITORS,
    call: () => ({ query: `mutation { createAction(input: { title: "Matrix action", move: MONITORING }) { id } }` }),
  },
  'Mutation.updateAction': {
    allow: EDITORS,
    call: () => ({ query: `mutation($id: ID!) { updateAction(input: { id: $id, expectedVersion: 1, status: DONE }) { id } }`, variables: { id: id() } }),
  },
  // campaigns
  'Query.campaign': { allow: MEMBERS, call: () => ({ query: `query($id: ID!) { campaign(id: $id) { id } }`, variables: { id: id() } }) },
  'Query.respondentCampaign': {
    allow: EVERYONE,
    call: () => ({ query: `query($t: String!) { respondentCampaign(token: $t) { period } }`, variables: { t: id() } }),
  },
  'Mutation.openCampaign': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({
      query: `mutation($i: OpenCampaignInput!) { openCampaign(input: $i) { id } }`,
      variables: { i: { period: '2025', closesAt: new Date(Date.now() + 86_400_000).toISOString(), supersede: true } },
    }),
  },
  'Mutation.inviteRespondents': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({
      query: `mutation($id: ID!) { inviteRespondents(campaignId: $id, respondents: [{ email: "m@example.test", department: HR }]) { email } }`,
      variables: { id: id() },
    }),
  },
  'Mutation.submitCampaignResponse': {
    allow: EVERYONE,
    call: () => ({
      query: `mutation($t: String!, $a: AssessmentAnswersInput!) { submitCampaignResponse(token: $t, answers: $a) }`,
      variables: { t: id(), a: ANSWERS },
    }),
  },
  'Mutation.respondToCampaign': {
    allow: MEMBERS,
    call: () => ({
      query: `mutation($id: ID!, $a: AssessmentAnswersInput!) { respondToCampaign(campaignId: $id, answers: $a, department: HR) }`,
      variables: { id: id(), a: ANSWERS },
    }),
  },
  'Mutation.closeCampaign': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `mutation($id: ID!) { closeCampaign(id: $id, expectedVersion: 1) { id } }`, variables: { id: id() } }),
  },
  'Mutation.cancelCampaign': {
    allow: ['ADMIN', 'OWNER', 'CONSULTANT'],
    call: () => ({ query: `mutation($id: ID!) { cancelCampaign(id: $id, expectedVersion: 1) { id } }`, variables: { id: id() } }),
  },
  // API keys, invitations, sessions (issue 19)
  'Query.apiKeys': { allow: ['ADMIN', 'OWNER'], call: () => ({ query: `{ apiKeys { id } }` }) },
  'Mutation.createApiKey': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation { createApiKey(name: "matrix", scopes: [READ]) { apiKey { id } } }` }),
  },
  'Mutation.revokeApiKey': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, variables: { id: id() } }),
  },
  'Query.invitations': { allow: ['ADMIN', 'OWNER'], call: () => ({ query: `{ invitations { id } }` }) },
  'Mutation.inviteMember': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation { inviteMember(email: "invitee-${id()}@example.test", role: VIEWER) { id } }` }),
  },
  'Mutation.revokeInvitation': {
    allow: ['ADMIN', 'OWNER'],
    call: () => ({ query: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, variables: { id: id() } }),
  },
  'Mutation.acceptInvitation': {
    allow: MEMBERS,
    call: () => ({ query: `mutation { acceptInvitation(token: "${'A'.repeat(43)}") { id } }` }),
  },
  'Mutation.changePassword': {
    allow: MEMBERS,
    call: () => ({ query: `mutation { changePassword(currentPassword: "not the password", newPassword: "another password") { token } }` }),
  },
  'Mutation.logOutEverywhere': { allow: MEMBERS, fresh: true, call: () => ({ query: `mutation { logOutEverywhere }` }) },
};

/**
 * What an API key of each scope may call (tenancy/api-key-access.ts), written out here: a key gets FORBIDDEN for
 * everything else, whatever its scopes (memberships, keys, invitations, webhooks, account operations).
 */
type KeyScope = 'READ' | 'SUBMIT_ASSESSMENTS' | 'MANAGE_FACTS';
const KEY_ALLOW: Record<KeyScope, string[]> = {
  READ: [
    'Query.tenant', 'Query.teams', 'Query.team', 'Query.initiatives', 'Query.initiative', 'Query.assessment',
    'Query.assessments', 'Query.scorePreview', 'Query.benchmark', 'Query.campaign',
  ],
  SUBMIT_ASSESSMENTS: ['Mutation.submitAssessment', 'Query.scorePreview'],
  MANAGE_FACTS: [
    'Mutation.createTeam', 'Mutation.updateTeam', 'Mutation.deleteTeam', 'Mutation.addTeamMember',
    'Mutation.updateTeamMember', 'Mutation.removeTeamMember', 'Mutation.assignResponsibility',
    'Mutation.unassignResponsibility', 'Mutation.createInitiative', 'Mutation.updateInitiative',
    'Mutation.deleteInitiative', 'Mutation.updateTenantProfile',
  ],
};

/**
 * Object fields whose rule is narrower than the operation that reaches them (checked in their resolver: Nest runs
 * no guard on field resolvers). Reached here through `tenant`, which every member may call.
 */
const FIELD_MATRIX: Record<string, Entry> = {
  'Tenant.members': { allow: ['ADMIN', 'OWNER'], call: () => ({ query: `{ tenant { members { totalCount } } }` }) },
};

let loginEmail = '';

function rootFields(schema: GraphQLSchema): string[] {
  return [
    ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
  ].sort();
}

describe('authorization matrix', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Caller, 'anonymous'>, TestUser>;
  let tenant: string;
  const keys = {} as Record<KeyScope, string>;

  beforeAll(async () => {
    t = await startTestApp();
    users.OWNER = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, users.OWNER);
    for (const role of ['VIEWER', 'CONTRIBUTOR', 'ADMIN', 'CONSULTANT'] as const) {
      users[role] = await signUp(t.gql, role);
      await addMember(t.gql, users.OWNER, tenant, users[role], role);
    }
    loginEmail = users.VIEWER.email;
    for (const scope of Object.keys(KEY_ALLOW) as KeyScope[]) {
      keys[scope] = (await createApiKey(t.gql, users.OWNER, tenant, [scope])).secret;
    }
  });
  afterAll(() => t.close());

  it('has an entry for every Query and Mutation field, and no entry for a field that is gone', () => {
    const fields = rootFields(t.app.get(GraphQLSchemaHost).schema);
    expect(Object.keys(MATRIX).sort()).toEqual(fields);
  });

  it('never lets an input type carry a tenant id, a score or a stage', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const forbidden = /^(tenantId|tenant|tenant_id|overallScore|score|scores|stage|dimensions|findings|submittedBy|submittedAt|version|myRole|ownerId|userRole)$/;
    const offending: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        // A target stage is the organisation's choice (setTarget, contract), not a computed stage.
        const chosen = type.name === 'SetTargetInput' && field.name === 'stage';
        if (forbidden.test(field.name) && !chosen) offending.push(`${type.name}.${field.name}`);
        if (field.name === 'role' && type.name !== 'AddMembershipInput') offending.push(`${type.name}.role`);
        if (getNamedType(field.type).name === 'Role' && type.name !== 'AddMembershipInput') offending.push(`${type.name}.${field.name}`);
      }
    }
    expect(offending).toEqual([]);
  });

  const cases = [...Object.keys(MATRIX), ...Object.keys(FIELD_MATRIX)].flatMap((field) =>
    CALLERS.map((caller) => [field, caller] as const),
  );
  it.each(cases)('%s as %s', async (field, caller) => {
    const entry = MATRIX[field] ?? FIELD_MATRIX[field];
    const { query, variables } = entry.call();
    const token = caller === 'anonymous' ? undefined : entry.fresh ? (await signUp(t.gql, 'Fresh')).token : users[caller].token;
    const res = await t.gql(query, variables ?? {}, { token, tenant });
    const code = res.code;
    if (entry.allow.includes(caller)) {
      expect({ field, caller, code }).not.toEqual({ field, caller, code: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/) });
      expect(code === undefined || ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'VERSION_CONFLICT'].includes(code)).toBe(true);
    } else {
      expect({ field, caller, code }).toEqual({ field, caller, code: caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
    }
  });

  const keyCases = Object.keys(MATRIX).flatMap((field) => (Object.keys(KEY_ALLOW) as KeyScope[]).map((scope) => [field, scope] as const));
  it.each(keyCases)('%s with an API key of scope %s', async (field, scope) => {
    const { query, variables } = MATRIX[field].call();
    const res = await t.gql(query, variables ?? {}, { headers: { authorization: `Bearer ${keys[scope]}` } });
    const code = res.code;
    if (KEY_ALLOW[scope].includes(field)) {
      expect(code === undefined || ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'VERSION_CONFLICT'].includes(code)).toBe(true);
    } else {
      expect({ field, scope, code }).toEqual({ field, scope, code: 'FORBIDDEN' });
    }
  });

  it('Tenant.members is FORBIDDEN to an API key of any scope (it lists memberships)', async () => {
    for (const scope of Object.keys(KEY_ALLOW) as KeyScope[]) {
      const res = await t.gql(`{ tenant { members { totalCount } } }`, {}, { headers: { authorization: `Bearer ${keys[scope]}` } });
      expect({ scope, code: res.code }).toEqual({ scope, code: 'FORBIDDEN' });
    }
  });
});
