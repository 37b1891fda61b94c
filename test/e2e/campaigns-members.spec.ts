import type { Client } from 'pg';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';
import { adminClient } from '../helpers/db';

/**
 * Tenant members answer a campaign with their own login (domain.md "Campaigns"): any member role, one response per
 * member (the last counts), the same response as their invitation's link, and never shown on its own.
 */
const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id version } }`;
const INVITE = `mutation($id: ID!, $r: [RespondentInput!]!) { inviteRespondents(campaignId: $id, respondents: $r) { token } }`;
const LINK = `mutation($token: String!, $answers: AssessmentAnswersInput!) { submitCampaignResponse(token: $token, answers: $answers) }`;
const MEMBER = `mutation($id: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {
  respondToCampaign(campaignId: $id, answers: $answers, department: $department) }`;
const READ = `query($id: ID!) { campaign(id: $id) { invitedCount responseCount answeredByMe version
  items { item value responses distribution { value count } } departments { department responses } } }`;
const CLOSE = `mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { status } }`;

type Answers = typeof ANSWERS;
const answers = (a: Partial<Answers>): Answers => ({ ...ANSWERS, ...a });
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const valueOf = (read: { items: { item: string; value: string }[] }, item: string) => read.items.find((i) => i.item === item)?.value;

describe('campaigns: members respond with their own login', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Member Campaign Owner');
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  async function open(tenant: string, minResponses = 1) {
    const res = await t.gql(OPEN, { input: { period: '2025-Q1', closesAt: inAWeek(), minResponses } }, { token: owner.token, tenant });
    expect(res.errors).toBeUndefined();
    return res.data.openCampaign as { id: string; version: number };
  }

  async function asMember(user: TestUser, tenant: string, id: string, a: Answers, department = 'MARKETING') {
    return t.gql(MEMBER, { id, answers: a, department }, { token: user.token, tenant });
  }

  const read = async (user: TestUser, tenant: string, id: string) => {
    const res = await t.gql(READ, { id }, { token: user.token, tenant });
    expect(res.errors).toBeUndefined();
    return res.data.campaign;
  };

  it('lets every member role answer without a link; one response each, the last counts', async () => {
    const tenant = await createTenant(t.gql, owner);
    const { id } = await open(tenant);
    const members: TestUser[] = [];
    for (const role of ['VIEWER', 'CONTRIBUTOR', 'ADMIN', 'CONSULTANT']) {
      const member = await signUp(t.gql, `A ${role}`);
      await addMember(t.gql, owner, tenant, member, role);
      members.push(member);
    }
    expect((await read(members[0], tenant, id)).answeredByMe).toBe(false);

    for (const member of [owner, ...members]) {
      const res = await asMember(member, tenant, id, answers({ overallSatisfaction: 2 }), 'SALES');
      expect(res.errors).toBeUndefined();
      expect(res.data.respondToCampaign).toBe(true);
    }
    // The viewer changes their mind twice: still one response, and their last answer is the one aggregated.
    for (const v of [5, 1, 4]) expect((await asMember(members[0], tenant, id, answers({ overallSatisfaction: v }), 'HR')).errors).toBeUndefined();

    const seen = await read(members[0], tenant, id);
    expect(seen).toMatchObject({ responseCount: 5, invitedCount: 5, answeredByMe: true });
    const satisfaction = seen.items.find((i: { item: string }) => i.item === 'OVERALL_SATISFACTION');
    expect(satisfaction).toMatchObject({
      value: '2',
      responses: 5,
      distribution: [
        { value: '1', count: 0 },
        { value: '2', count: 4 },
        { value: '3', count: 0 },
        { value: '4', count: 1 },
        { value: '5', count: 0 },
      ],
    });
    // SALES has 4 responses, HR the viewer's 1: a group of 1 would show beside the whole, so only the whole shows.
    expect(seen.departments).toEqual([{ department: 'OTHER', responses: 5 }]);
    const stored = await admin.query<{ n: number; linked: number }>(
      `SELECT count(*)::int AS n, count(user_id)::int AS linked FROM campaign_respondents WHERE campaign_id = $1`,
      [id],
    );
    expect(stored.rows[0]).toEqual({ n: 5, linked: 5 });
  });

  it('answers as the member’s invitation: link and login replace one response, never add a second', async () => {
    const tenant = await createTenant(t.gql, owner);
    const member = await signUp(t.gql, 'Invited Member');
    await addMember(t.gql, owner, tenant, member, 'CONTRIBUTOR');
    const { id } = await open(tenant);
    // Invited with the address in other letter case: still their invitation.
    const links = await t.gql(INVITE, { id, r: [{ email: member.email.toUpperCase(), department: 'PR' }] }, { token: owner.token, tenant });
    expect(links.errors).toBeUndefined();
    const token = links.data.inviteRespondents[0].token as string;

    expect((await t.gql(LINK, { token, answers: answers({ overallSatisfaction: 1 }) })).errors).toBeUndefined();
    expect((await read(member, tenant, id)).answeredByMe).toBe(true);
    expect((await asMember(member, tenant, id, answers({ overallSatisfaction: 5 }), 'PR')).errors).toBeUndefined();
    let seen = await read(owner, tenant, id);
    expect(seen).toMatchObject({ invitedCount: 1, responseCount: 1, answeredByMe: false });
    expect(valueOf(seen, 'OVERALL_SATISFACTION')).toBe('5');
    // And back through the link: still one, the last counts.
    expect((await t.gql(LINK, { token, answers: answers({ overallSatisfaction: 3 }) })).errors).toBeUndefined();
    seen = await read(owner, tenant, id);
    expect(seen).toMatchObject({ invitedCount: 1, responseCount: 1 });
    expect(valueOf(seen, 'OVERALL_SATISFACTION')).toBe('3');
  });

  it('links a member who answered first to a later invitation of their email, keeping one response', async () => {
    const tenant = await createTenant(t.gql, owner);
    const member = await signUp(t.gql, 'Early Member');
    await addMember(t.gql, owner, tenant, member, 'VIEWER');
    const { id } = await open(tenant);
    expect((await asMember(member, tenant, id, answers({ overallSatisfaction: 2 }))).errors).toBeUndefined();
    const links = await t.gql(INVITE, { id, r: [{ email: member.email, department: 'IT' }] }, { token: owner.token, tenant });
    expect(links.errors).toBeUndefined();
    expect((await t.gql(LINK, { token: links.data.inviteRespondents[0].token, answers: answers({ overallSatisfaction: 4 }) })).errors).toBeUndefined();
    const seen = await read(owner, tenant, id);
    expect(seen).toMatchObject({ invitedCount: 1, responseCount: 1 });
    expect(valueOf(seen, 'OVERALL_SATISFACTION')).toBe('4');
  });

  it('refuses a closed campaign (CONFLICT), another tenant’s (NOT_FOUND), a non-member and an anonymous caller', async () => {
    const tenant = await createTenant(t.gql, owner);
    const other = await createTenant(t.gql, owner);
    const stranger = await signUp(t.gql, 'Stranger');
    const { id } = await open(tenant);
    expect((await asMember(owner, other, id, ANSWERS)).code).toBe('NOT_FOUND');
    expect((await asMember(owner, tenant, 'not-a-uuid', ANSWERS)).code).toBe('NOT_FOUND');
    expect((await asMember(stranger, tenant, id, ANSWERS)).code).toBe('FORBIDDEN');
    expect((await t.gql(MEMBER, { id, answers: ANSWERS, department: 'IT' }, { tenant })).code).toBe('UNAUTHENTICATED');
    const bad = await asMember(owner, tenant, id, answers({ overallSatisfaction: 9 }));
    expect(bad.code).toBe('BAD_USER_INPUT');

    expect((await asMember(owner, tenant, id, ANSWERS)).errors).toBeUndefined();
    const { version } = await read(owner, tenant, id);
    expect((await t.gql(CLOSE, { id, v: version }, { token: owner.token, tenant })).data.closeCampaign.status).toBe('CLOSED');
    expect((await asMember(owner, tenant, id, ANSWERS)).code).toBe('CONFLICT');
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM campaign_responses WHERE campaign_id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it('never shows a member’s answers: not in the response, the campaign below minResponses, nor the audit trail', async () => {
    const tenant = await createTenant(t.gql, owner);
    const member = await signUp(t.gql, 'Quiet Member');
    await addMember(t.gql, owner, tenant, member, 'CONTRIBUTOR');
    const { id } = await open(tenant, 3);
    const res = await asMember(member, tenant, id, answers({ reportingCadence: 'WEEKLY' }));
    expect(res.body).toEqual({ data: { respondToCampaign: true } });
    // One response of the three needed: nothing of it is shown, to the owner nor to the member.
    for (const who of [owner, member]) expect(await read(who, tenant, id)).toMatchObject({ responseCount: 1, items: [], departments: [] });
    const audit = await admin.query<{ row: string }>(
      `SELECT row_to_json(e)::text AS row FROM audit_events e WHERE e.tenant_id = $1 AND e.operation = 'respondToCampaign'`,
      [tenant],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].row).toContain(id);
    expect(audit.rows[0].row).not.toContain('WEEKLY');
  });
});
