import type { Client } from 'pg';
import { CampaignCloser } from '../../src/campaigns/campaign-closer';
import { getScoringModel, score, type ScoringInputs } from '../../src/scoring';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS, submitOk } from '../helpers/assessments';
import { adminClient } from '../helpers/db';
import { startTestSmtpServer } from '../helpers/smtp-server';

const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id status version minResponses } }`;
const INVITE = `mutation($id: ID!, $r: [RespondentInput!]!) {
  inviteRespondents(campaignId: $id, respondents: $r) { email department external token mailed } }`;
const RESPOND = `mutation($token: String!, $answers: AssessmentAnswersInput!) { submitCampaignResponse(token: $token, answers: $answers) }`;
const VIEW = `query($token: String!) { respondentCampaign(token: $token) { organisationName period closesAt answered open } }`;
const CLOSE = `mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { id status version assessment { id stage source } } }`;
const CANCEL = `mutation($id: ID!, $v: Int!) { cancelCampaign(id: $id, expectedVersion: $v) { id status } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) {
  id status invitedCount responseCount minResponses version
  items { item value disagreement contested responses distribution { value count } }
  departments { department responses }
  assessment { id source stage overallScore campaign { id } findings { code severity dimension item } }
} }`;

type Answers = typeof ANSWERS;
const answers = (a: Partial<Answers>): Answers => ({ ...ANSWERS, ...a });
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('campaigns (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Campaign Owner');
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  async function openCampaign(tenant: string, input: Record<string, unknown> = {}) {
    const res = await t.gql(OPEN, { input: { period: '2025-Q1', closesAt: inAWeek(), ...input } }, { token: owner.token, tenant });
    expect(res.errors).toBeUndefined();
    return res.data.openCampaign as { id: string; version: number };
  }

  async function invite(tenant: string, id: string, people: [string, string][]) {
    const res = await t.gql(
      INVITE,
      { id, r: people.map(([email, department]) => ({ email, department })) },
      { token: owner.token, tenant },
    );
    expect(res.errors).toBeUndefined();
    return (res.data.inviteRespondents as { token: string }[]).map((l) => l.token);
  }

  async function respond(token: string, a: Answers) {
    const res = await t.gql(RESPOND, { token, answers: a });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitCampaignResponse).toBe(true);
  }

  const campaign = async (tenant: string, id: string) =>
    (await t.gql(CAMPAIGN, { id }, { token: owner.token, tenant })).data.campaign;

  it('open, invite 5, 4 respond (one twice): aggregates, findings and stage as domain.md says', async () => {
    const tenant = await createTenant(t.gql, owner, { name: 'Acme Campaigns' });
    const { id, version } = await openCampaign(tenant);
    const tokens = await invite(tenant, id, [
      ['a@example.test', 'MARKETING'],
      ['b@example.test', 'MARKETING'],
      ['c@example.test', 'MARKETING'],
      ['d@example.test', 'PR'],
      ['e@example.test', 'IT'],
    ]);
    expect(tokens.every((token) => token.length >= 43)).toBe(true);

    const view = await t.gql(VIEW, { token: tokens[0] });
    expect(view.data.respondentCampaign).toEqual({
      organisationName: 'Acme Campaigns',
      period: '2025-Q1',
      closesAt: expect.any(String),
      answered: false,
      open: true,
    });

    // a answers first one way, then again: the last answer counts.
    await respond(tokens[0], answers({ overallSatisfaction: 5, hasPolicy: false }));
    await respond(tokens[1], answers({ overallSatisfaction: 4, managementSupport: 4, hasPolicy: true, policyRoleModel: 3, hasCrisisPlan: true, hasMonitoring: true, reportingCadence: 'QUARTERLY', communityApplicable: true }));
    // Two responses: below minResponses (3), nothing is shown and a manual close is refused.
    let read = await campaign(tenant, id);
    expect(read).toMatchObject({ responseCount: 2, items: [], departments: [] });
    expect((await t.gql(CLOSE, { id, v: version }, { token: owner.token, tenant })).code).toBe('CONFLICT');

    await respond(tokens[0], answers({ overallSatisfaction: 2, managementSupport: 4, hasPolicy: true, policyRoleModel: 3, hasCrisisPlan: false, hasMonitoring: true, reportingCadence: 'MONTHLY', communityApplicable: true }));
    await respond(tokens[2], answers({ overallSatisfaction: 5, managementSupport: 4, hasPolicy: false, policyRoleModel: 4, hasCrisisPlan: false, hasMonitoring: true, reportingCadence: 'WEEKLY', communityApplicable: true }));
    await respond(tokens[3], answers({ overallSatisfaction: 3, managementSupport: 3, hasPolicy: false, policyRoleModel: 2, hasCrisisPlan: true, hasMonitoring: true, reportingCadence: 'NONE', communityApplicable: true }));
    expect((await t.gql(VIEW, { token: tokens[0] })).data.respondentCampaign.answered).toBe(true);

    read = await campaign(tenant, id);
    expect(read.invitedCount).toBe(5);
    expect(read.responseCount).toBe(4);
    const byItem = Object.fromEntries(
      (read.items as { item: string; value: string; disagreement: number; contested: boolean }[]).map((i) => [
        i.item,
        [i.value, i.disagreement, i.contested],
      ]),
    );
    // By hand (domain.md): ratings median (mean of the two middle for even n), yes/no majority (tie is no),
    // cadence lower median; disagreement (max-min)/4, 2*min(yes,no)/n, rank span/4; contested from 0.5.
    expect(byItem).toEqual({
      OVERALL_SATISFACTION: ['3.5', 0.75, true], // 2,3,4,5
      MANAGEMENT_SUPPORT: ['4', 0.25, false], // 3,4,4,4
      HAS_POLICY: ['false', 1, true], // 2 yes, 2 no: a tie is no
      POLICY_ROLE_MODEL: ['3', 0.5, true], // 2,3,3,4
      HAS_CRISIS_PLAN: ['false', 1, true], // 2 yes, 2 no
      HAS_MONITORING: ['true', 0, false],
      REPORTING_CADENCE: ['QUARTERLY', 1, true], // NONE, QUARTERLY, MONTHLY, WEEKLY: index floor(3/2) = 1
      COMMUNITY_APPLICABLE: ['true', 0, false],
    });
    expect(read.items[0].distribution).toEqual([
      { value: '1', count: 0 },
      { value: '2', count: 1 },
      { value: '3', count: 1 },
      { value: '4', count: 1 },
      { value: '5', count: 1 },
    ]);
    // MARKETING has 3, PR 1: the rest would be a group of 1, so MARKETING joins it and only the whole shows.
    expect(read.departments).toEqual([{ department: 'OTHER', responses: 4 }]);

    const closed = await t.gql(CLOSE, { id, v: read.version }, { token: owner.token, tenant });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeCampaign).toMatchObject({ status: 'CLOSED', assessment: { source: 'CAMPAIGN' } });

    read = await campaign(tenant, id);
    const stored = await admin.query<{ inputs: ScoringInputs; source: string }>(
      `SELECT inputs, source FROM assessments WHERE tenant_id = $1 AND campaign_id = $2`,
      [tenant, id],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].inputs.answers).toEqual({
      overallSatisfaction: 3.5,
      managementSupport: 4,
      hasPolicy: false,
      policyRoleModel: 3,
      hasCrisisPlan: false,
      hasMonitoring: true,
      reportingCadence: 'QUARTERLY',
      communityApplicable: true,
    });
    const expected = score(stored.rows[0].inputs, getScoringModel('social-maturity/v1'));
    expect(read.assessment).toMatchObject({ source: 'CAMPAIGN', stage: expected.stage, campaign: { id } });
    expect(read.assessment.overallScore).toBeCloseTo(expected.overallScore, 9);
    const findings = read.assessment.findings as { code: string; item: string | null; severity: string }[];
    const campaignOnes = findings.filter((f) => ['RESPONDENTS_DISAGREE', 'SALES_NOT_HEARD', 'SINGLE_DEPARTMENT_VIEW', 'LOW_RESPONSE_RATE'].includes(f.code));
    expect(campaignOnes.map((f) => [f.code, f.item, f.severity])).toEqual([
      ['RESPONDENTS_DISAGREE', 'OVERALL_SATISFACTION', 'MEDIUM'],
      ['RESPONDENTS_DISAGREE', 'HAS_POLICY', 'MEDIUM'],
      ['RESPONDENTS_DISAGREE', 'POLICY_ROLE_MODEL', 'MEDIUM'],
      ['RESPONDENTS_DISAGREE', 'HAS_CRISIS_PLAN', 'MEDIUM'],
      ['RESPONDENTS_DISAGREE', 'REPORTING_CADENCE', 'MEDIUM'],
      ['SALES_NOT_HEARD', null, 'LOW'],
    ]);
    // The model's own findings are all there too.
    expect(findings.length).toBe(expected.findings.length + 6);

    // Closed: the links stop taking answers, and say so.
    const late = await t.gql(RESPOND, { token: tokens[4], answers: ANSWERS });
    expect(late.code).toBe('CONFLICT');
    expect((await t.gql(VIEW, { token: tokens[4] })).data.respondentCampaign.open).toBe(false);
  });

  it('stores a fractional aggregate exactly: answers.ratings shows 3.5 and the score is the engine’s score of it', async () => {
    const tenant = await createTenant(t.gql, owner, { name: 'Half Way Ltd' });
    const { id } = await openCampaign(tenant, { minResponses: 2 });
    const tokens = await invite(tenant, id, [
      ['h1@example.test', 'MARKETING'],
      ['h2@example.test', 'SALES'],
    ]);
    // Even n: the mean of the two middle values. 3 and 4 give 3.5; 2 and 3 give 2.5.
    await respond(tokens[0], answers({ overallSatisfaction: 3, policyRoleModel: 3, managementSupport: 2 }));
    await respond(tokens[1], answers({ overallSatisfaction: 4, policyRoleModel: 4, managementSupport: 3 }));
    const read = await campaign(tenant, id);
    const closed = await t.gql(CLOSE, { id, v: read.version }, { token: owner.token, tenant });
    expect(closed.errors).toBeUndefined();

    const res = await t.gql(
      `query($id: ID!) { campaign(id: $id) { items { item value } assessment { overallScore stage
        answers { overallSatisfaction managementSupport policyRoleModel hasPolicy hasCrisisPlan hasMonitoring reportingCadence communityApplicable
          ratings { overallSatisfaction managementSupport policyRoleModel } }
        dimensions { dimension score } findings { code } } } }`,
      { id },
      { token: owner.token, tenant },
    );
    expect(res.errors).toBeUndefined();
    const a = res.data.campaign.assessment;
    expect(a.answers.ratings).toEqual({ overallSatisfaction: 3.5, managementSupport: 2.5, policyRoleModel: 3.5 });
    // The contract's Int fields stay Int: the lower whole answer, documented; the score never uses them.
    expect([a.answers.overallSatisfaction, a.answers.managementSupport, a.answers.policyRoleModel]).toEqual([3, 2, 3]);
    const values = Object.fromEntries((res.data.campaign.items as { item: string; value: string }[]).map((i) => [i.item, i.value]));
    expect([values.OVERALL_SATISFACTION, values.MANAGEMENT_SUPPORT, values.POLICY_ROLE_MODEL]).toEqual(['3.5', '2.5', '3.5']);

    // The engine's score of the aggregate as the API shows it (ratings exact, the rest as answered) is the score.
    const stored = await admin.query<{ inputs: ScoringInputs }>(`SELECT inputs FROM assessments WHERE tenant_id = $1 AND campaign_id = $2`, [tenant, id]);
    const { ratings, ...rest } = a.answers as Record<string, unknown> & { ratings: Record<string, number> };
    const aggregate = { ...rest, ...ratings } as unknown as ScoringInputs['answers'];
    expect(stored.rows[0].inputs.answers).toEqual(aggregate);
    const expected = score({ ...stored.rows[0].inputs, answers: aggregate }, getScoringModel('social-maturity/v1'));
    expect(a.overallScore).toBe(expected.overallScore);
    expect(a.stage).toBe(expected.stage);
    // By hand: no initiatives, so SATISFACTION is (3.5 - 1) / 4 * 100; rounded to 4 it would be 75, to 3 it would be 50.
    const satisfaction = (a.dimensions as { dimension: string; score: number }[]).find((d) => d.dimension === 'SATISFACTION');
    expect(satisfaction!.score).toBe(62.5);
    // 2.5 is above the "<= 2" of WEAK_MANAGEMENT_SUPPORT: no finding, whatever the Int field shows.
    expect((a.findings as { code: string }[]).map((f) => f.code)).not.toContain('WEAK_MANAGEMENT_SUPPORT');
  });

  it('closes exactly once under 20 concurrent closeCampaign calls', async () => {
    const tenant = await createTenant(t.gql, owner);
    const { id, version } = await openCampaign(tenant, { minResponses: 1 });
    const [token] = await invite(tenant, id, [['x@example.test', 'SALES']]);
    await respond(token, ANSWERS);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(CLOSE, { id, v: version }, { token: owner.token, tenant })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data.closeCampaign.assessment.id));
    expect(ids.size).toBe(1);
    const { rows } = await admin.query(`SELECT id FROM assessments WHERE tenant_id = $1`, [tenant]);
    expect(rows).toHaveLength(1);
  });

  it('two instances whose background closers race give one assessment per due campaign; too few responses expire', async () => {
    const other = await startTestApp();
    try {
      const due: { tenant: string; id: string }[] = [];
      for (let i = 0; i < 4; i += 1) {
        const tenant = await createTenant(t.gql, owner);
        const { id } = await openCampaign(tenant, { minResponses: 1 });
        const [token] = await invite(tenant, id, [['y@example.test', 'SALES']]);
        await respond(token, ANSWERS);
        due.push({ tenant, id });
      }
      const thin = await createTenant(t.gql, owner);
      const { id: thinId } = await openCampaign(thin, { minResponses: 2 });
      const [thinToken] = await invite(thin, thinId, [['z@example.test', 'SALES']]);
      await respond(thinToken, ANSWERS);
      const ids = [...due.map((d) => d.id), thinId];
      await admin.query(`UPDATE campaigns SET closes_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [ids]);

      const [a, b] = await Promise.all([t.app.get(CampaignCloser).closeDue(), other.app.get(CampaignCloser).closeDue()]);
      expect(a + b).toBeGreaterThanOrEqual(5);
      const { rows } = await admin.query<{ id: string; status: string; assessments: number }>(
        `SELECT c.id, c.status, (SELECT count(*)::int FROM assessments s WHERE s.campaign_id = c.id) AS assessments
           FROM campaigns c WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const d of due) expect(byId.get(d.id)).toMatchObject({ status: 'CLOSED', assessments: 1 });
      expect(byId.get(thinId)).toMatchObject({ status: 'EXPIRED', assessments: 0 });
    } finally {
      await other.close();
    }
  });

  it('refuses answers to a cancelled campaign, unknown links, and another tenant’s campaign', async () => {
    const tenant = await createTenant(t.gql, owner);
    const otherTenant = await createTenant(t.gql, owner);
    const { id, version } = await openCampaign(tenant);
    const [token] = await invite(tenant, id, [['c@example.test', 'HR']]);
    expect((await t.gql(CAMPAIGN, { id }, { token: owner.token, tenant: otherTenant })).data.campaign).toBeNull();
    expect((await t.gql(CANCEL, { id, v: version + 1 }, { token: owner.token, tenant })).code).toBe('VERSION_CONFLICT');
    expect((await t.gql(CANCEL, { id, v: version }, { token: owner.token, tenant })).data.cancelCampaign.status).toBe('CANCELLED');
    expect((await t.gql(RESPOND, { token, answers: ANSWERS })).code).toBe('CONFLICT');
    const unknown = await t.gql(RESPOND, { token: 'A'.repeat(43), answers: ANSWERS });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(JSON.stringify(unknown.body)).not.toContain('A'.repeat(43));
    expect((await t.gql(VIEW, { token: 'nonsense' })).data.respondentCampaign).toBeNull();
    // One OPEN campaign per period; a period already assessed needs supersede.
    await openCampaign(otherTenant, { period: '2025-Q2' });
    const twice = await t.gql(OPEN, { input: { period: '2025-Q2', closesAt: inAWeek() } }, { token: owner.token, tenant: otherTenant });
    expect(twice.code).toBe('CONFLICT');
    await submitOk(t.gql, owner, otherTenant, { period: '2025-Q3' });
    const assessed = await t.gql(OPEN, { input: { period: '2025-Q3', closesAt: inAWeek() } }, { token: owner.token, tenant: otherTenant });
    expect(assessed.code).toBe('CONFLICT');
    const future = await t.gql(OPEN, { input: { period: '2999-Q1', closesAt: inAWeek() } }, { token: owner.token, tenant: otherTenant });
    expect(future.code).toBe('BAD_USER_INPUT');
  });

  it('rate-limits unknown response links per IP', async () => {
    const limited = await startTestApp({ RESPONSE_LINK_FAILURES_PER_IP: '3' });
    try {
      for (let i = 0; i < 3; i += 1) expect((await limited.gql(VIEW, { token: `guess-${i}` })).data.respondentCampaign).toBeNull();
      expect((await limited.gql(VIEW, { token: 'guess-4' })).code).toBe('RATE_LIMITED');
      expect((await limited.gql(RESPOND, { token: 'guess-5', answers: ANSWERS })).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('mails each respondent their link when SMTP_URL is set, and returns no token', async () => {
    const smtp = await startTestSmtpServer();
    const mailing = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://survey.example.test' });
    try {
      const tenant = await createTenant(mailing.gql, owner, { name: 'Mailed Org' });
      const opened = await mailing.gql(OPEN, { input: { period: '2025-Q1', closesAt: inAWeek() } }, { token: owner.token, tenant });
      const links = await mailing.gql(
        INVITE,
        { id: opened.data.openCampaign.id, r: [{ email: 'mailed@example.test', department: 'SALES', external: true }] },
        { token: owner.token, tenant },
      );
      expect(links.data.inviteRespondents).toEqual([
        { email: 'mailed@example.test', department: 'SALES', external: true, token: '', mailed: true },
      ]);
      const [mail] = await smtp.waitFor(1);
      expect(mail.envelopeTo).toEqual(['mailed@example.test']);
      expect(mail.subject).toContain('Mailed Org');
      const match = /https:\/\/survey\.example\.test\/respond\/([A-Za-z0-9_-]{43})/.exec(mail.text);
      expect(match).not.toBeNull();
      const view = await mailing.gql(VIEW, { token: match![1] });
      expect(view.data.respondentCampaign.organisationName).toBe('Mailed Org');
    } finally {
      await mailing.close();
      await smtp.close();
    }
  });

  it('mails no link for an invitation whose transaction rolled back, and mails after the commit', async () => {
    const smtp = await startTestSmtpServer();
    const mailing = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://survey.example.test' });
    try {
      const tenant = await createTenant(mailing.gql, owner, { name: 'Rolled Back Org' });
      const opened = await mailing.gql(OPEN, { input: { period: '2025-Q1', closesAt: inAWeek() } }, { token: owner.token, tenant });
      const id = opened.data.openCampaign.id as string;
      // Two root fields in one mutation: the second fails, so the whole operation (the invitation too) rolls back.
      const failed = await mailing.gql(
        `mutation($id: ID!) {
          invited: inviteRespondents(campaignId: $id, respondents: [{ email: "rolled.back@example.test", department: HR }]) { email mailed }
          stale: cancelCampaign(id: $id, expectedVersion: 999) { id } }`,
        { id },
        { token: owner.token, tenant },
      );
      expect(failed.code).toBe('VERSION_CONFLICT');
      // A mail sent inline would have been accepted by the SMTP server before the response was sent.
      expect(smtp.received).toEqual([]);
      expect((await mailing.gql(`query($id: ID!) { campaign(id: $id) { invitedCount } }`, { id }, { token: owner.token, tenant })).data.campaign.invitedCount).toBe(0);

      const sent = await mailing.gql(INVITE, { id, r: [{ email: 'committed@example.test', department: 'HR' }] }, { token: owner.token, tenant });
      expect(sent.errors).toBeUndefined();
      // Mailed after COMMIT but before the response: it is already there, and it is the only one.
      expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['committed@example.test']]);
    } finally {
      await mailing.close();
      await smtp.close();
    }
  });

  it('lists the tenant’s campaigns newest first, with a status filter and totals', async () => {
    const tenant = await createTenant(t.gql, owner);
    const first = await openCampaign(tenant, { period: '2025-Q1' });
    await openCampaign(tenant, { period: '2025-Q2' });
    await t.gql(CANCEL, { id: first.id, v: first.version }, { token: owner.token, tenant });
    const list = await t.gql(
      `query($s: CampaignStatus) { tenant { all: campaigns { totalCount edges { node { period } } } open: campaigns(status: $s) { totalCount } } }`,
      { s: 'OPEN' },
      { token: owner.token, tenant },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.tenant.all.totalCount).toBe(2);
    expect(list.data.tenant.all.edges.map((e: { node: { period: string } }) => e.node.period)).toEqual(['2025-Q2', '2025-Q1']);
    expect(list.data.tenant.open.totalCount).toBe(1);
  });

  it('reads campaign(id) and stores a response in constant SQL round trips (budget)', async () => {
    const sizes: number[] = [];
    const submits: number[] = [];
    for (const n of [3, 6]) {
      const tenant = await createTenant(t.gql, owner);
      const { id } = await openCampaign(tenant);
      const tokens = await invite(tenant, id, Array.from({ length: n }, (_, i) => [`r${i}@example.test`, 'MARKETING'] as [string, string]));
      for (const token of tokens) {
        const res = await t.gql(RESPOND, { token, answers: ANSWERS });
        expect(res.errors).toBeUndefined();
        submits.push(res.sqlStatements);
      }
      const read = await t.gql(CAMPAIGN, { id }, { token: owner.token, tenant });
      expect(read.data.campaign.items).toHaveLength(8);
      sizes.push(read.sqlStatements);
    }
    expect(sizes[0]).toBe(sizes[1]);
    expect(new Set(submits).size).toBe(1);
    expect(submits[0]).toBeLessThanOrEqual(4);
  });

  it('keeps one respondent’s answers out of every type that can reach responses (schema walk)', async () => {
    const res = await t.gql(`{ __schema { types { name kind fields { name type { ...T } } } } }
      fragment T on __Type { name kind ofType { name kind ofType { name kind ofType { name kind } } } }`);
    type TypeRef = { name: string | null; kind: string; ofType: TypeRef | null };
    const types = new Map<string, { name: string; fields: { name: string; type: TypeRef }[] | null }>(
      (res.data.__schema.types as { name: string; fields: { name: string; type: TypeRef }[] | null }[]).map((ty) => [ty.name, ty]),
    );
    const named = (ref: TypeRef): string => (ref.ofType ? named(ref.ofType) : ref.name!);
    // Every type reachable from what holds campaign data; Assessment is the aggregate's scored result (its own
    // answers are the aggregate), so the walk stops there.
    const roots = ['Campaign', 'RespondentView', 'RespondentLink', 'ItemAggregate', 'DepartmentAggregate'];
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const name = queue.shift()!;
      if (seen.has(name) || name === 'Assessment') continue;
      seen.add(name);
      for (const field of types.get(name)?.fields ?? []) queue.push(named(field.type));
    }
    const objects = [...seen].filter((name) => (types.get(name)?.fields ?? null) !== null);
    for (const name of objects) {
      for (const field of types.get(name)!.fields!) {
        const target = named(field.type);
        if ((types.get(target)?.fields ?? null) === null) continue; // counts and scalars carry no response
        // No field leads to a set of answers, and nothing names a single response or who gave it.
        expect({ type: name, field: field.name, target }).not.toMatchObject({ target: 'AssessmentAnswers' });
        expect({ type: name, field: field.name }).not.toMatchObject({ field: expect.stringMatching(/^(answers|response|respondents?|responses)$/i) });
      }
    }
    expect(objects).toEqual(expect.arrayContaining(['Campaign', 'ItemAggregate', 'ValueCount', 'RespondentView']));
    // The respondent's view reveals only the organisation's name, the period and the closing time (and its state).
    expect(types.get('RespondentView')!.fields!.map((f) => f.name).sort()).toEqual(['answered', 'closesAt', 'open', 'organisationName', 'period']);
  });
});
