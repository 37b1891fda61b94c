import type { Client } from 'pg';
import { Q4_QUERY, Q5_MUTATION } from '../../bench/lib/workloads';
import {
  createTenant,
  signUp,
  startTestApp,
  type GqlResponse,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';
import { insertAssessment } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

/**
 * Query budgets of the benchmark's Q4 and Q5 (issue 20; the rules are budgets.spec.ts's): SQL round trips per
 * request, transaction control included, the same for a small and for a large tenant. The queries are the
 * benchmark's own (bench/lib/workloads.ts), so the bench measures what is budgeted here.
 */
const BUDGET = {
  /**
   * Q4, the client page, once its roadmap is stored: open; the tenant; its latest assessment together with the
   * roadmap's source (whole inputs, target and stored roadmaps: one statement for both fields); the open actions
   * (page and total in one; no latest inputs, `verified` is not asked); the open campaigns (page and total in one);
   * growth's assessments (latestAssessment's delta is taken from them); COMMIT. As many as bare Apollo's.
   */
  clientPage: 7,
  /** Q5: BEGIN; the link (campaign_link, selecting its tenant); the answer (upsert); COMMIT. */
  campaignResponse: 4,
};

const OPEN_CAMPAIGN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`;
const INVITE = `mutation($id: ID!, $r: [RespondentInput!]!) { inviteRespondents(campaignId: $id, respondents: $r) { token } }`;
const CREATE_ACTION = `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`;
const UPDATE_ACTION = `mutation($input: UpdateActionInput!) { updateAction(input: $input) { id status } }`;

const DAY = 86_400_000;
const inAMonth = () => new Date(Date.now() + 30 * DAY).toISOString();

describe('query budgets of Q4 (the client page) and Q5 (a campaign response)', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  const statements = (res: GqlResponse) => {
    ok(res);
    expect(Number.isInteger(res.sqlStatements)).toBe(true);
    return res.sqlStatements;
  };

  /**
   * A tenant with `size` stored assessments, `size` open actions (and as many done), and an open campaign with
   * `size` respondents, all of whom answered. Returns the links.
   */
  async function clientOf(size: number): Promise<{ owner: TestUser; tenant: string; tokens: string[] }> {
    const owner = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    const as = { token: owner.token, tenant };
    const start = Date.now() - (size + 1) * DAY;
    for (let i = 0; i < size; i++) {
      await insertAssessment(admin, tenant, {
        overallScore: 30 + (i % 50),
        submittedAt: new Date(start + i * DAY),
      });
    }
    for (let i = 0; i < size; i++) {
      ok(await t.gql(CREATE_ACTION, { input: { title: `Open ${i}` } }, as));
      const done = ok(await t.gql(CREATE_ACTION, { input: { title: `Done ${i}` } }, as)).createAction as {
        id: string;
      };
      ok(await t.gql(UPDATE_ACTION, { input: { id: done.id, expectedVersion: 1, status: 'DONE' } }, as));
    }
    const campaign = ok(
      await t.gql(OPEN_CAMPAIGN, { input: { period: '2025-Q1', closesAt: inAMonth() } }, as),
    ).openCampaign as {
      id: string;
    };
    const respondents = Array.from({ length: size }, (_, i) => ({
      email: `r${i}@example.test`,
      department: 'MARKETING',
    }));
    const links = ok(await t.gql(INVITE, { id: campaign.id, r: respondents }, as)).inviteRespondents as {
      token: string;
    }[];
    for (const { token } of links) ok(await t.gql(Q5_MUTATION, { token, answers: ANSWERS }));
    return { owner, tenant, tokens: links.map((l) => l.token) };
  }

  it(`Q4 the client page: ${BUDGET.clientPage} round trips once its roadmap is stored, for 1 and for 30 of everything`, async () => {
    const counts: number[] = [];
    for (const size of [1, 30]) {
      const { owner, tenant } = await clientOf(size);
      const as = { token: owner.token, tenant };
      ok(await t.gql(Q4_QUERY, {}, as)); // the first read stores the roadmap
      const res = await t.gql(Q4_QUERY, {}, as);
      const page = ok(res).tenant;
      expect(page.id).toBe(tenant);
      expect(page.latestAssessment.dimensions).toHaveLength(7);
      expect(page.growth.totalPoints).toBe(size);
      expect(page.growth.points).toHaveLength(Math.min(size, 20));
      expect(page.roadmap.steps.length).toBeGreaterThanOrEqual(0);
      expect(page.actions.totalCount).toBe(size);
      expect(page.actions.edges).toHaveLength(Math.min(size, 20));
      expect(page.campaigns.edges[0].node.responseCount).toBe(size);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(BUDGET.clientPage);
  });

  it(`Q5 a campaign response, answered again: ${BUDGET.campaignResponse} round trips for 1 and for 30 respondents`, async () => {
    const counts: number[] = [];
    for (const size of [1, 30]) {
      const { tokens } = await clientOf(size);
      const res = await t.gql(Q5_MUTATION, {
        token: tokens[0],
        answers: { ...ANSWERS, overallSatisfaction: 1 },
      });
      expect(ok(res).submitCampaignResponse).toBe(true);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.campaignResponse);
  });
});
