import type { Client } from 'pg';
import request from 'supertest';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS, submitOk } from '../helpers/assessments';
import { adminClient } from '../helpers/db';
import { startTestSmtpServer } from '../helpers/smtp-server';
import { ok } from '../helpers/structure';

/** domain.md "Languages": Accept-Language chooses Dutch or English for every text the API writes. */
const DUTCH = { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' };
const GERMAN = { 'accept-language': 'de' };

const ASSESSMENT = `query($id: ID!) { assessment(id: $id) { id findings { code message recommendation } } }`;
const ROADMAP = `{ tenant { roadmap { steps { move description } } } }`;
const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id version } }`;
const INVITE = `mutation($id: ID!, $r: [RespondentInput!]!) { inviteRespondents(campaignId: $id, respondents: $r) { token } }`;
const RESPOND = `mutation($token: String!, $answers: AssessmentAnswersInput!) { submitCampaignResponse(token: $token, answers: $answers) }`;
const CLOSE = `mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { assessment { id } } }`;

type Finding = { code: string; message: string; recommendation: string };
const byCode = (findings: Finding[], code: string) => findings.find((f) => f.code === code)!;
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('languages', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Taal Eigenaar');
    tenant = await createTenant(t.gql, owner, { name: 'Oranje Transport' });
    assessmentId = (await submitOk(t.gql, owner, tenant)).id;
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  const read = async (headers: Record<string, string> = {}) =>
    ok(await t.gql(ASSESSMENT, { id: assessmentId }, { token: owner.token, tenant, headers })).assessment
      .findings as Finding[];

  it('writes finding messages and recommendations in Dutch for nl-NL, from the same stored assessment', async () => {
    const english = await read();
    const dutch = await read(DUTCH);
    expect(dutch.map((f) => f.code)).toEqual(english.map((f) => f.code));
    expect(dutch.length).toBeGreaterThan(3);
    expect(byCode(english, 'NO_CRISIS_PLAN').message).toMatch(/^There is no crisis plan for social media/);
    expect(byCode(dutch, 'NO_CRISIS_PLAN')).toEqual({
      code: 'NO_CRISIS_PLAN',
      message:
        'Er is geen crisisplan voor social media: een klacht of incident dat zich online verspreidt, krijgt een ' +
        'geïmproviseerde reactie.',
      recommendation:
        'Stel een crisisplan voor social media op (wie beslist, wie reageert, hoe snel en met welke boodschap) en ' +
        'oefen het met de eigenaar van reputatiemanagement.',
    });
    for (const [i, finding] of dutch.entries()) {
      expect(finding.message).not.toBe(english[i].message);
      expect(finding.recommendation).not.toBe(english[i].recommendation);
    }
  });

  it('writes English without the header and for a language it does not have (de)', async () => {
    const english = await read();
    expect(await read(GERMAN)).toEqual(english);
    expect(await read({ 'accept-language': 'nl;q=0.1,en;q=0.9' })).toEqual(english);
    expect(await read({ 'accept-language': 'nl-BE' })).toEqual(await read(DUTCH));
  });

  it('stores codes and numbers only: the stored result holds no text', async () => {
    const { rows } = await admin.query<{ result: { findings: Record<string, unknown>[] } }>(
      'SELECT result FROM assessments WHERE id = $1',
      [assessmentId],
    );
    expect(rows[0].result.findings.length).toBeGreaterThan(3);
    for (const finding of rows[0].result.findings) {
      expect(finding).not.toHaveProperty('message');
      expect(finding).not.toHaveProperty('recommendation');
    }
  });

  it('writes roadmap step descriptions in Dutch', async () => {
    const english = ok(await t.gql(ROADMAP, {}, { token: owner.token, tenant })).tenant.roadmap.steps as {
      move: string;
      description: string;
    }[];
    const dutch = ok(await t.gql(ROADMAP, {}, { token: owner.token, tenant, headers: DUTCH })).tenant.roadmap
      .steps as { move: string; description: string }[];
    expect(dutch.map((s) => s.move)).toEqual(english.map((s) => s.move));
    expect(dutch.length).toBeGreaterThan(0);
    for (const step of dutch) expect(step.description).toMatch(/^(Maak|Haal|Geef|Rapporteer|Stel|Leef|Schrijf|Monitor|Train) /);
    for (const [i, step] of dutch.entries()) expect(step.description).not.toBe(english[i].description);
  });

  it("writes a campaign's findings in Dutch, with its numbers as Dutch writes them", async () => {
    const campaignTenant = await createTenant(t.gql, owner, { name: 'Polder Zorg' });
    const as = { token: owner.token, tenant: campaignTenant };
    const opened = ok(await t.gql(OPEN, { input: { period: '2025-Q2', closesAt: inAWeek() } }, as)).openCampaign;
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => ({ email: `${n}@polder.test`, department: 'MARKETING' }));
    const links = ok(await t.gql(INVITE, { id: opened.id, r: people }, as)).inviteRespondents as { token: string }[];
    for (const { token } of links.slice(0, 3)) ok(await t.gql(RESPOND, { token, answers: ANSWERS }));
    const closed = ok(await t.gql(CLOSE, { id: opened.id, v: opened.version }, as)).closeCampaign;
    const read = async (headers: Record<string, string>) =>
      ok(await t.gql(ASSESSMENT, { id: closed.assessment.id }, { ...as, headers })).assessment.findings as Finding[];
    const dutch = await read(DUTCH);
    const english = await read({});
    expect(byCode(english, 'LOW_RESPONSE_RATE').message).toMatch(/^Only 3 of the 7 invited respondents answered/);
    expect(byCode(dutch, 'LOW_RESPONSE_RATE').message).toMatch(/^Maar 3 van de 7 uitgenodigde respondenten hebben geantwoord/);
    expect(byCode(dutch, 'SALES_NOT_HEARD').message).toMatch(/^Er is geen antwoord van Sales gekomen/);
  });

  it('writes error messages in Dutch; the code stays', async () => {
    const dutchAs = { token: owner.token, tenant, headers: DUTCH };
    const missing = await t.gql(
      `mutation { revokeInvitation(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      {},
      dutchAs,
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.errors![0].message).toBe('Openstaande uitnodiging niet gevonden');

    const past = await t.gql(OPEN, { input: { period: '2024-Q1', closesAt: '2020-01-01T00:00:00Z' } }, dutchAs);
    expect(past.code).toBe('BAD_USER_INPUT');
    expect(past.errors![0].message).toBe('Ongeldige input.closesAt: moet in de toekomst liggen');
    expect(past.body.errors![0].extensions).toMatchObject({
      fields: ['input.closesAt'],
      details: [{ field: 'input.closesAt', message: 'moet in de toekomst liggen' }],
    });

    const english = await t.gql(OPEN, { input: { period: '2024-Q1', closesAt: '2020-01-01T00:00:00Z' } }, { token: owner.token, tenant });
    expect(english.errors![0].message).toBe('Invalid input.closesAt: must be in the future');

    const unauthenticated = await t.gql(`{ me { id } }`, {}, { headers: DUTCH });
    const unauthenticatedEn = await t.gql(`{ me { id } }`, {}, {});
    expect([unauthenticated.code, unauthenticatedEn.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(unauthenticated.errors![0].message).not.toBe(unauthenticatedEn.errors![0].message);
  });

  it('writes the JSON export in the request language', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/exports/assessments/${assessmentId}.json`)
      .set('authorization', `Bearer ${owner.token}`)
      .set('x-tenant-id', tenant)
      .set(DUTCH);
    expect(res.status).toBe(200);
    const report = JSON.parse(res.text) as { findings: Finding[] };
    expect(byCode(report.findings, 'NO_CRISIS_PLAN').message).toMatch(/^Er is geen crisisplan/);
    const refused = await request(t.app.getHttpServer()).get(`/exports/assessments/${assessmentId}.json`).set(DUTCH);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/^(Inloggen is nodig|Het token ontbreekt, is ongeldig of is verlopen)$/), fields: [] } });
  });
});

describe('languages of mail', () => {
  it('invites in Dutch when the inviter asked in Dutch, in English otherwise', async () => {
    const smtp = await startTestSmtpServer();
    const mailing = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://app.example.test' });
    try {
      const owner = await signUp(mailing.gql, 'Mail Eigenaar');
      const tenant = await createTenant(mailing.gql, owner, { name: 'Gouda Bank' });
      const invite = (email: string, headers: Record<string, string>) =>
        mailing.gql(`mutation($e: String!) { inviteMember(email: $e, role: ADMIN) { id } }`, { e: email }, { token: owner.token, tenant, headers });
      ok(await invite('nieuw@gouda.test', DUTCH));
      ok(await invite('new@gouda.test', {}));
      const mails = await smtp.waitFor(2);
      const dutch = mails.find((m) => m.envelopeTo.includes('nieuw@gouda.test'))!;
      const english = mails.find((m) => m.envelopeTo.includes('new@gouda.test'))!;
      expect(dutch.subject).toBe('Uitnodiging voor Gouda Bank op Social Maturity');
      expect(dutch.text).toContain('Je bent uitgenodigd om als beheerder lid te worden van Gouda Bank.');
      expect(dutch.text).toMatch(/tot \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d{2}:\d{2} UTC/);
      expect(dutch.text).toMatch(/https:\/\/app\.example\.test\/invitations\/[A-Za-z0-9_-]{43}/);
      expect(english.subject).toBe('You are invited to Gouda Bank on Social Maturity');
      expect(english.text).toContain('You are invited to join Gouda Bank as administrator.');
    } finally {
      await mailing.close();
      await smtp.close();
    }
  });
});
