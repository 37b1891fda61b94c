import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { GROWTH_ATTACK, PORTFOLIO_ATTACK } from '../../test/helpers/attacks';
import { workspaceOperations } from '../../test/helpers/workspace';
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

/** Every operation the workspace (web/src/api/documents.ts), the example client, docs/api.md and the benchmark send, by where it is written. */
function knownOperations(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, text] of Object.entries(workspaceOperations())) found[`workspace ${name}`] = text;
  for (const file of ['bench/lib/workloads.ts', 'bench/lib/portfolio-workload.ts']) {
    for (const [, name, text] of read(file).matchAll(/export const (Q\d_(?:QUERY|MUTATION)) = `([^`]*)`/g)) found[`bench ${name}`] = text;
  }
  for (const [, name, text] of read('examples/submit-reassessment/submit.ts').matchAll(/const (\w+) = graphql\(`([^`]*)`\)/g))
    found[`example ${name}`] = text;
  // Keyed by the operation's opening words (not its place in the file), so a new example elsewhere moves nothing.
  for (const [, text] of read('docs/api.md').matchAll(/```graphql\n([\s\S]*?)```/g)) {
    for (const definition of parse(text).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc) continue;
      const operation = text.slice(definition.loc.start, definition.loc.end);
      const words = operation.replace(/\s+/g, ' ').slice(0, 60).trim();
      let key = `docs/api.md ${words}`;
      for (let n = 2; key in found; n++) key = `docs/api.md ${words} #${n}`;
      found[key] = operation;
    }
  }
  return found;
}

/** The costs of the operations of knownOperations(): a change of the estimate or of a client shows here. */
const KNOWN_COSTS: Record<string, number> = {
  'bench Q1_QUERY': 183,
  'bench Q2_QUERY': 2452,
  'bench Q3_MUTATION': 121,
  'bench Q4_QUERY': 572,
  'bench Q5_MUTATION': 1,
  'docs/api.md mutation { # Authorization: Bearer <owner\'s token>, x-tenant': 5,
  'docs/api.md mutation { acceptInvitation(token: "<token>") { id name myRo': 4,
  'docs/api.md mutation { addTeamMember(input: { teamId: "…", name: "Anouk': 2,
  'docs/api.md mutation { assignResponsibility(input: { responsibility: CHA': 5,
  'docs/api.md mutation { assignResponsibility(input: { responsibility: CON': 2,
  'docs/api.md mutation { assignResponsibility(input: { responsibility: TOO': 2,
  'docs/api.md mutation { closeCampaign(id: "<campaign id>", expectedVersio': 65,
  'docs/api.md mutation { createAction(input: { title: "Give Sales ownershi': 6,
  'docs/api.md mutation { createInitiative(input: { name: "Social selling p': 3,
  'docs/api.md mutation { createTeam(input: { name: "Social media team" })': 3,
  'docs/api.md mutation { createTenant(input: { name: "Oranje Transport" as': 4,
  'docs/api.md mutation { deleteWebhook(id: "…") }': 1,
  'docs/api.md mutation { enableWebhookEndpoint(id: "…") { id status } }': 3,
  'docs/api.md mutation { inviteMember(email: "ines@example.com", role: CON': 6,
  'docs/api.md mutation { inviteRespondents(campaignId: "<campaign id>", re': 800,
  'docs/api.md mutation { logIn(email: "consultant@demo.example", password:': 5,
  'docs/api.md mutation { openCampaign(input: { period: "2026-Q3", closesAt': 4,
  'docs/api.md mutation { registerWebhook(input: { url: "https://hooks.exam': 5,
  'docs/api.md mutation { removeMembership(userId: "<Ines\'s user id>") }': 1,
  'docs/api.md mutation { removeTeamMember(id: "…") }': 1,
  'docs/api.md mutation { respondToCampaign(campaignId: "<campaign id>", de': 1,
  'docs/api.md mutation { revokeInvitation(id: "<invitation id>") { revoked': 2,
  'docs/api.md mutation { setTarget(input: { stage: STRATEGIC, dueAt: "2027': 3,
  'docs/api.md mutation { signUp(input: { email: "ines@example.com", passwo': 5,
  'docs/api.md mutation { submitAssessment(input: { period: "2026-Q4" # YYY': 187,
  'docs/api.md mutation { submitCampaignResponse(token: "<token>", answers:': 1,
  'docs/api.md mutation { unassignResponsibility(responsibility: TOOLING) }': 1,
  'docs/api.md mutation { updateAction(input: { id: "<action id>", expected': 3,
  'docs/api.md mutation { updateInitiative(input: { id: "…", expectedVersio': 2,
  'docs/api.md mutation { updateTeamMember(input: { id: "…", experience: 4': 3,
  'docs/api.md mutation { updateTenantProfile(input: { employeeCount: 640,': 3,
  'docs/api.md mutation($input: SubmitAssessmentInput!) { # Authorization:': 5,
  'docs/api.md query { assessment(id: "…") { period overallScore facts { te': 9,
  'docs/api.md query { assessments(first: 10) { totalCount edges { node { i': 80,
  'docs/api.md query { auditTrail(first: 20) { edges { node { occurredAt us': 160,
  'docs/api.md query { benchmark { sizeBand source peerCount quarter ownSco': 15,
  'docs/api.md query { campaign(id: "<campaign id>") { answeredByMe respons': 3,
  'docs/api.md query { campaign(id: "<campaign id>") { status invitedCount': 164,
  'docs/api.md query { invitations { id email role createdAt expiresAt acce': 160,
  'docs/api.md query { me { id email name } }': 4,
  'docs/api.md query { myTenants(first: 20) { totalCount edges { cursor nod': 220,
  'docs/api.md query { portfolio(sort: OVERDUE_FIRST, filter: { overdueOnly': 707,
  'docs/api.md query { respondentCampaign(token: "<token>") { organisationN': 6,
  'docs/api.md query { scorePreview(answers: { overallSatisfaction: 3, mana': 99,
  'docs/api.md query { tenant { actions(first: 20, status: OPEN) { totalCou': 201,
  'docs/api.md query { tenant { growth { totalPoints # all current assessme': 167,
  'docs/api.md query { tenant { id name myRole profile { employeeCount depa': 12,
  'docs/api.md query { tenant { latestAssessment { period overallScore stag': 6,
  'docs/api.md query { tenant { latestAssessment { stage appliedCaps outloo': 13,
  'docs/api.md query { tenant { members(first: 20) { totalCount edges { nod': 261,
  'docs/api.md query { tenant { target { stage dueAt } roadmap { targetStag': 91,
  'docs/api.md query { tenant { teams { name version members { name departm': 8435,
  'docs/api.md query { webhookDeliveries(endpointId: "…", first: 20) { tota': 1760,
  'docs/api.md query { webhooks { id url events status disabledAt disabledR': 260,
  'example SubmitReassessment': 109,
  'workspace AcceptInvitation': 4,
  'workspace Actions': 4865,
  'workspace AddTeamMember': 9,
  'workspace ApiKeys': 90,
  'workspace AssignResponsibility': 8,
  'workspace Campaign': 745,
  'workspace Campaigns': 705,
  'workspace CancelCampaign': 5,
  'workspace ChangePassword': 6,
  'workspace CloseCampaign': 9,
  'workspace CreateAction': 8,
  'workspace CreateApiKey': 11,
  'workspace CreateInitiative': 70,
  'workspace CreateTeam': 4,
  'workspace CreateTenant': 4,
  'workspace DeleteInitiative': 1,
  'workspace DeleteTeam': 1,
  'workspace Initiative': 70,
  'workspace Initiatives': 3800,
  'workspace Invitations': 160,
  'workspace InviteMember': 9,
  'workspace InviteRespondents': 1200,
  'workspace LogIn': 6,
  'workspace LogOutEverywhere': 1,
  'workspace Members': 1003,
  'workspace MyTenants': 700,
  'workspace OpenCampaign': 9,
  'workspace Portfolio': 857,
  'workspace RemoveMembership': 1,
  'workspace RemoveTeamMember': 1,
  'workspace RespondToCampaign': 1,
  'workspace RespondentCampaign': 6,
  'workspace Responsibilities': 5138,
  'workspace RevokeApiKey': 3,
  'workspace RevokeInvitation': 3,
  'workspace Roadmap': 3156,
  'workspace ScorePreview': 38,
  'workspace SetTarget': 3,
  'workspace SignUp': 6,
  'workspace SubmitAssessment': 5,
  'workspace SubmitCampaignResponse': 1,
  'workspace Teams': 9085,
  'workspace TenantOverview': 551,
  'workspace TenantProfile': 12,
  'workspace UnassignResponsibility': 1,
  'workspace UpdateAction': 15,
  'workspace UpdateInitiative': 70,
  'workspace UpdateTeam': 4,
  'workspace UpdateTeamMember': 9,
  'workspace UpdateTenantProfile': 10,
};

/** The default of MAX_QUERY_COST (config.ts). */
const DEFAULT_MAX_COST = loadConfig({}).queryLimits.maxCost;

const FINDINGS = 'findings { code severity dimension responsibility message recommendation }';

describe('query cost estimate', () => {
  it('knows the expected length of every list of objects that takes no first/last argument', () => {
    const unlisted = unboundedListFields(SCHEMA).filter((field) => !(field in LIST_ESTIMATES));
    expect(unlisted).toEqual([]);
  });

  it('gives every operation of the workspace, the example client, docs/api.md and the benchmark its known cost, under the default maximum', () => {
    const costs = Object.fromEntries(Object.entries(knownOperations()).map(([name, query]) => [name, cost(query)]));
    if (process.env.UPDATE_COSTS === '1') writeFileSync(process.env.UPDATE_COSTS_FILE ?? '/dev/stdout', JSON.stringify(costs, null, 2));
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
