import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  CURRENT_MODEL_VERSION,
  RESPONSIBILITIES,
  campaignFindings,
  getScoringModel,
  score,
  type ScoringInputs,
} from '../../src/scoring';
import { CATALOGUES } from '../../src/i18n';
import { answersFixture } from '../../src/scoring/scoring.fixtures';
import {
  createApiKey,
  createTenant,
  signUp,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { newKey, seedFacts } from '../helpers/assessments';
import { insertMembership } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

const DUTCH = 'nl-NL,nl;q=0.9,en;q=0.8';
const ARTIFACTS = path.resolve('test-artifacts/reports');
const A4 = { width: 595.28, height: 841.89 };
const DAY = 86_400_000;

/** pdftotext and pdftoppm (poppler-utils), installed when missing as the browser tier installs Chromium. */
function ensurePoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return;
  } catch {
    const root = os.userInfo().uid === 0;
    const command = 'apt-get update && apt-get install -y poppler-utils';
    execFileSync(root ? 'bash' : 'sudo', root ? ['-c', command] : ['bash', '-c', command], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    });
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'smt-reports-'));

function pdfFile(pdf: Buffer): string {
  const file = path.join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's text, lines joined by spaces (words a line break parted meet again). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-raw', pdfFile(pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, page by page (pdftotext -bbox), and the pages' sizes. */
function pdfWords(pdf: Buffer): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdfFile(pdf), '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  for (const line of html.split('\n')) {
    const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (page) pages.push({ width: Number(page[1]), height: Number(page[2]) });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
      line,
    );
    if (word) {
      words.push({
        page: pages.length,
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: word[5],
      });
    }
  }
  return { pages, words };
}

/** Every page as a PNG at 100 dpi in test-artifacts/reports (look at them). */
function renderPages(pdf: Buffer, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`)))
    rmSync(path.join(ARTIFACTS, old));
  execFileSync('pdftoppm', ['-r', '100', '-png', pdfFile(pdf), path.join(ARTIFACTS, name)]);
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** The layout checks: every word inside the page and its margins, and no two words on top of each other. */
function expectLaidOut(pdf: Buffer): { pages: number; words: number } {
  const { pages, words } = pdfWords(pdf);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page.width).toBeCloseTo(A4.width, 0);
    expect(page.height).toBeCloseTo(A4.height, 0);
  }
  const margin = { side: 50, top: 28, bottom: 28 };
  const outside = words.filter(
    (w) =>
      w.xMin < margin.side ||
      w.xMax > A4.width - margin.side ||
      w.yMin < margin.top ||
      w.yMax > A4.height - margin.bottom,
  );
  expect(outside).toEqual([]);
  const overlaps: string[] = [];
  for (let p = 1; p <= pages.length; p++) {
    const onPage = words.filter((w) => w.page === p);
    for (let i = 0; i < onPage.length; i++) {
      for (let j = i + 1; j < onPage.length; j++) {
        const a = onPage[i];
        const b = onPage[j];
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        // Boxes of neighbouring lines touch; words over one another overlap in both directions by more.
        if (dx > 1.5 && dy > 2.5) overlaps.push(`page ${p}: "${a.text}" / "${b.text}"`);
      }
    }
  }
  expect(overlaps).toEqual([]);
  // No empty page: each has words beyond its header and footer.
  for (let p = 1; p <= pages.length; p++) {
    const body = words.filter((w) => w.page === p && w.yMin > 60 && w.yMax < A4.height - 60);
    expect({ page: p, words: body.length > 5 }).toEqual({ page: p, words: true });
  }
  return { pages: pages.length, words: words.length };
}

const BAD_ANSWERS = answersFixture({
  overallSatisfaction: 1,
  managementSupport: 1,
  hasPolicy: false,
  policyRoleModel: 1,
  hasCrisisPlan: false,
  hasMonitoring: false,
  reportingCadence: 'NONE',
  communityApplicable: true,
});

const PROFILE = {
  employeeCount: 320,
  departments: ['MARKETING', 'SALES', 'PR', 'IT', 'HR', 'CUSTOMER_SERVICE', 'LEGAL'],
  culture: 'HIERARCHICAL',
  market: 'B2B',
  locations: 3,
};

const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id stage overallScore } }`;
const FINDINGS = `query($id: ID!) { assessment(id: $id) { stage findings { code severity message recommendation } } }`;

describe('reports over HTTP', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;
  let assessment: string;
  const organisation = 'Brouwerij De Hiërarchie';

  const server = () => t.app.getHttpServer();
  function get(url: string, options: { token?: string; tenant?: string; language?: string } = {}) {
    let req = request(server()).get(url);
    if (options.token) req = req.set('authorization', `Bearer ${options.token}`);
    if (options.tenant) req = req.set('x-tenant-id', options.tenant);
    if (options.language) req = req.set('accept-language', options.language);
    return req.buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  }

  beforeAll(async () => {
    ensurePoppler();
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner, { name: organisation, profile: PROFILE });
    const as = { token: owner.token, tenant };
    const members = await seedFacts(admin, tenant, {
      teams: [
        {
          name: 'Social Media team',
          members: [
            {
              name: 'Anouk de Vries',
              department: 'MARKETING',
              external: false,
              insight: 3,
              experience: 2,
              affinity: 4,
            },
            {
              name: 'Joël Bakker',
              department: 'MARKETING',
              external: false,
              insight: 2,
              experience: 2,
              affinity: 3,
            },
          ],
        },
      ],
      owners: [{ responsibility: 'REPUTATION_MANAGEMENT', ownerKind: 'AGENCY' }],
      initiatives: [
        {
          name: 'Campagne "Proef de lente"',
          status: 'ACTIVE',
          ownerDepartment: 'MARKETING',
          outsourcing: 'PARTIAL',
          satisfaction: 2,
          failureFactors: ['NO_STRATEGY', 'NO_TIME'],
          kpis: [{ name: 'Volgers', kind: 'VANITY' }],
        },
        {
          name: 'Klantenpanel online',
          status: 'ACTIVE',
          ownerDepartment: 'PR',
          outsourcing: 'NONE',
          satisfaction: 2,
          failureFactors: ['NO_STRATEGY', 'NO_TIME'],
          kpis: [{ name: 'Likes', kind: 'VANITY' }],
        },
      ],
    });
    const earlier = ok(
      await t.gql(
        SUBMIT,
        {
          input: {
            period: '2025-Q3',
            answers: { ...BAD_ANSWERS, overallSatisfaction: 2 },
            idempotencyKey: newKey(),
          },
        },
        as,
      ),
    ).submitAssessment;
    await admin.query('UPDATE assessments SET submitted_at = $2 WHERE id = $1', [
      earlier.id,
      new Date(Date.now() - 120 * DAY),
    ]);
    assessment = ok(
      await t.gql(
        SUBMIT,
        {
          input: {
            period: '2025-Q4',
            answers: { ...BAD_ANSWERS, hasPolicy: true, managementSupport: 3 },
            idempotencyKey: newKey(),
          },
        },
        as,
      ),
    ).submitAssessment.id;
    ok(await t.gql(`mutation { setTarget(input: { stage: FORMALIZED }) { stage } }`, {}, as));
    const action = `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`;
    ok(
      await t.gql(
        action,
        {
          i: {
            title: 'Crisisplan opstellen met Communicatie en Juridische zaken',
            move: 'CRISIS_PLAN',
            ownerMemberId: members['Anouk de Vries'],
            dueAt: new Date(Date.now() - 10 * DAY).toISOString(),
          },
        },
        as,
      ),
    );
    ok(
      await t.gql(
        action,
        {
          i: {
            title: 'Monitoring inrichten',
            move: 'MONITORING',
            ownerDepartment: 'PR',
            dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
          },
        },
        as,
      ),
    );
    ok(await t.gql(action, { i: { title: 'Sales aan tafel bij het Social Media team' } }, as));
  });

  afterAll(async () => {
    await admin?.end();
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('GET /reports/assessments/<id>.pdf', () => {
    it('is an A4 PDF named after the organisation and period, with its organisation, stage, findings and recommendations in English', async () => {
      const graphql = ok(
        await t.gql(FINDINGS, { id: assessment }, { token: owner.token, tenant }),
      ).assessment;
      const res = await get(`/reports/assessments/${assessment}.pdf`, { token: owner.token, tenant });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="brouwerij-de-hierarchie-2025-q4-report.pdf"',
      );
      const pdf = res.body as Buffer;
      expect(renderPages(pdf, 'assessment-en').length).toBeGreaterThan(2);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(organisation);
      expect(text).toContain('2025-Q4');
      const stageName = {
        PLANNING: 'Planning',
        PRESENCE: 'Presence',
        ENGAGEMENT: 'Engagement',
        FORMALIZED: 'Formalized',
        STRATEGIC: 'Strategic',
        CONVERGED: 'Converged',
      }[graphql.stage as string];
      expect(text).toContain(`${organisation} is at the ${stageName} stage in 2025-Q4`);
      for (const label of [
        'Summary',
        'The dimensions',
        'Findings and recommendations',
        'Roadmap to Formalized',
        'Action plan',
        'Benchmark',
        'Methodology',
        'social-maturity/v1',
      ]) {
        expect(text).toContain(label);
      }
      expect(graphql.findings.length).toBeGreaterThan(5);
      for (const finding of graphql.findings) {
        expect(text).toContain(finding.message.replace(/\s+/g, ' '));
        expect(text).toContain(finding.recommendation.replace(/\s+/g, ' '));
      }
      // The open actions with their owner, the overdue one marked; the survey figures marked as such.
      expect(text).toContain('Crisisplan opstellen met Communicatie en Juridische zaken');
      expect(text).toContain('Anouk de Vries');
      expect(text).toContain('overdue');
      expect(text).toContain('Survey figures (2012), not peers');
      expectLaidOut(pdf);
    });

    it("writes the report's own labels in Dutch for Accept-Language nl-NL", async () => {
      const res = await get(`/reports/assessments/${assessment}.pdf`, {
        token: owner.token,
        tenant,
        language: DUTCH,
      });
      expect(res.status).toBe(200);
      renderPages(res.body as Buffer, 'assessment-nl');
      const text = pdfText(res.body as Buffer);
      for (const label of [
        'Samenvatting',
        'De dimensies',
        'Bevindingen en aanbevelingen',
        'Routekaart naar Geformaliseerd',
        'Actieplan',
        'Werkwijze',
        'Aanbeveling'.toUpperCase(),
        'Pagina 1 van',
      ]) {
        expect(text).toContain(label);
      }
      expect(text).toContain(`${organisation} zit in 2025-Q4 in de fase`);
      expect(text).toContain('Cijfers uit het onderzoek van 2012, geen vergelijkingsgroep');
      expect(text).not.toContain('Findings and recommendations');
      expectLaidOut(res.body as Buffer);
    });

    it(
      'shows the finding texts in Dutch, as the API returns them for the same Accept-Language',
      async () => {
        const headers = { 'accept-language': DUTCH };
        const dutch = ok(
          await t.gql(FINDINGS, { id: assessment }, { token: owner.token, tenant, headers }),
        ).assessment;
        const english = ok(
          await t.gql(FINDINGS, { id: assessment }, { token: owner.token, tenant }),
        ).assessment;
        expect(dutch.findings[0].message).not.toBe(english.findings[0].message);
        const text = pdfText(
          (
            await get(`/reports/assessments/${assessment}.pdf`, {
              token: owner.token,
              tenant,
              language: DUTCH,
            })
          ).body as Buffer,
        );
        expect(text).toContain(dutch.findings[0].message.replace(/\s+/g, ' '));
        expect(text).toContain(dutch.findings[0].recommendation.replace(/\s+/g, ' '));
        expect(text).not.toContain(english.findings[0].message.replace(/\s+/g, ' '));
      },
    );

    it("answers 404 NOT_FOUND for another tenant's assessment, an unknown and a malformed id", async () => {
      const otherOwner = await signUp(t.gql, 'Owner of B');
      const b = await createTenant(t.gql, otherOwner, { name: 'Tenant B' });
      const theirs = ok(
        await t.gql(
          SUBMIT,
          { input: { period: '2025-Q4', answers: BAD_ANSWERS, idempotencyKey: newKey() } },
          { token: otherOwner.token, tenant: b },
        ),
      ).submitAssessment.id;
      for (const id of [theirs, randomUUID(), 'not-a-uuid']) {
        for (const format of ['pdf', 'html']) {
          const res = await request(server())
            .get(`/reports/assessments/${id}.${format}`)
            .set('authorization', `Bearer ${owner.token}`)
            .set('x-tenant-id', tenant);
          expect(res.status).toBe(404);
          expect(res.body).toEqual({
            error: { code: 'NOT_FOUND', message: 'Assessment not found', fields: [] },
          });
          expect(res.headers['content-disposition']).toBeUndefined();
        }
      }
      // B's member gets it; a member of A naming B's tenant is refused.
      expect(
        (await get(`/reports/assessments/${theirs}.pdf`, { token: otherOwner.token, tenant: b })).status,
      ).toBe(200);
      expect(
        (await get(`/reports/assessments/${theirs}.pdf`, { token: owner.token, tenant: b })).status,
      ).toBe(403);
    });

    it('needs a token (401) and the tenant header (400); an API key with READ may download it', async () => {
      expect((await get(`/reports/assessments/${assessment}.pdf`, { tenant })).status).toBe(401);
      const noHeader = await request(server())
        .get(`/reports/assessments/${assessment}.pdf`)
        .set('authorization', `Bearer ${owner.token}`);
      expect(noHeader.status).toBe(400);
      expect(noHeader.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['x-tenant-id'] });
      const key = await createApiKey(t.gql, owner, tenant, ['READ']);
      const res = await get(`/reports/assessments/${assessment}.pdf`, { token: key.secret, tenant });
      expect(res.status).toBe(200);
      const submitOnly = await createApiKey(t.gql, owner, tenant, ['SUBMIT_ASSESSMENTS']);
      expect(
        (await get(`/reports/assessments/${assessment}.pdf`, { token: submitOnly.secret, tenant })).status,
      ).toBe(403);
    });
  });

  describe('GET /reports/assessments/<id>.html', () => {
    it('is a self-contained printable page with the same content, every value escaped', async () => {
      const hostileOwner = await signUp(t.gql, 'Hostile');
      const hostile = await createTenant(t.gql, hostileOwner, { name: '<script>alert("x")</script> & Co' });
      const id = ok(
        await t.gql(
          SUBMIT,
          { input: { period: '2025-Q4', answers: BAD_ANSWERS, idempotencyKey: newKey() } },
          { token: hostileOwner.token, tenant: hostile },
        ),
      ).submitAssessment.id;
      const res = await request(server())
        .get(`/reports/assessments/${id}.html`)
        .set('authorization', `Bearer ${hostileOwner.token}`)
        .set('x-tenant-id', hostile);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-disposition']).toBe(
        'inline; filename="script-alert-x-script-co-2025-q4-report.html"',
      );
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(res.text).not.toMatch(/<link|<img|src=|href="http/);
      expect(res.text).toContain('@page { size: A4');
      expect((res.text.match(/<svg/g) ?? []).length).toBe(2);

      const html = await request(server())
        .get(`/reports/assessments/${assessment}.html`)
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-tenant-id', tenant)
        .set('accept-language', DUTCH);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(path.join(ARTIFACTS, 'assessment-nl.html'), html.text);
      expect(html.text).toContain('<html lang="nl">');
      for (const label of ['Samenvatting', 'Bevindingen en aanbevelingen', 'Werkwijze', organisation])
        expect(html.text).toContain(label);
    });
  });

  describe('a report with every finding and a long roadmap', () => {
    it('lays out: every word inside the page and its margins, no words over one another, no empty page', async () => {
      const worstOwner = await signUp(t.gql, 'Worst');
      const worst = await createTenant(t.gql, worstOwner, {
        name: 'Gemeente Zuidwest-Friesland, afdeling Communicatie en Dienstverlening',
        profile: PROFILE,
      });
      const as = { token: worstOwner.token, tenant: worst };
      const id = ok(
        await t.gql(
          SUBMIT,
          { input: { period: '2026-Q1', answers: BAD_ANSWERS, idempotencyKey: newKey() } },
          as,
        ),
      ).submitAssessment.id;
      ok(await t.gql(`mutation { setTarget(input: { stage: CONVERGED }) { stage } }`, {}, as));
      // Every finding the model and the campaigns know, stored on the assessment (scored with the engine).
      const { rows } = await admin.query<{ result: { findings: unknown[] } }>(
        'SELECT result FROM assessments WHERE id = $1',
        [id],
      );
      const result = rows[0].result;
      result.findings = everyFinding();
      await admin.query('UPDATE assessments SET result = $2 WHERE id = $1', [id, JSON.stringify(result)]);
      for (let i = 0; i < 14; i++) {
        ok(
          await t.gql(
            `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
            {
              i: {
                title:
                  `Actie ${i + 1}: ${'een lange omschrijving van wat er moet gebeuren, door wie en waarom '.repeat(1 + (i % 3))}`
                    .trim()
                    .slice(0, 200),
                ownerDepartment: 'MARKETING',
                dueAt: new Date(Date.now() + (i - 5) * DAY).toISOString(),
              },
            },
            as,
          ),
        );
      }
      const roadmap = ok(await t.gql(`{ tenant { roadmap { steps { description } } } }`, {}, as)).tenant
        .roadmap;
      expect(roadmap.steps.length).toBeGreaterThanOrEqual(8);
      for (const [name, language] of [
        ['worst-en', 'en'],
        ['worst-nl', DUTCH],
      ] as const) {
        // The texts as the API writes them in this language: the report must hold every one of them.
        const headers = { 'accept-language': language };
        const written = ok(
          await t.gql(
            `query($id: ID!) { assessment(id: $id) { findings { message } } tenant { roadmap { steps { description } } } }`,
            { id },
            { ...as, headers },
          ),
        );
        expect(written.assessment.findings).toHaveLength(result.findings.length);
        const res = await get(`/reports/assessments/${id}.pdf`, { ...as, language });
        expect(res.status).toBe(200);
        const pdf = res.body as Buffer;
        renderPages(pdf, name);
        const laidOut = expectLaidOut(pdf);
        expect(laidOut.pages).toBeGreaterThan(4);
        const text = pdfText(pdf);
        for (const finding of written.assessment.findings as { message: string }[])
          expect(text).toContain(finding.message.replace(/\s+/g, ' '));
        for (const step of written.tenant.roadmap.steps as { description: string }[])
          expect(text).toContain(step.description.replace(/\s+/g, ' '));
      }
    });
  });

  describe('a report of an assessment made by a campaign', () => {
    it('shows the participation and the contested items, in English and in Dutch', async () => {
      const as = { token: owner.token, tenant: await createTenant(t.gql, owner, { name: 'Campagne BV', profile: PROFILE }) };
      const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const opened = ok(
        await t.gql(
          `mutation($i: OpenCampaignInput!) { openCampaign(input: $i) { id version } }`,
          { i: { period: '2025-Q1', closesAt, minResponses: 3 } },
          as,
        ),
      ).openCampaign;
      const people = ['a', 'b', 'c', 'd', 'e'].map((x, i) => ({
        email: `${x}@campagne.example`,
        department: (['MARKETING', 'SALES', 'PR', 'MARKETING', 'SALES'] as const)[i],
      }));
      const links = ok(
        await t.gql(
          `mutation($id: ID!, $r: [RespondentInput!]!) { inviteRespondents(campaignId: $id, respondents: $r) { token } }`,
          { id: opened.id, r: people },
          as,
        ),
      ).inviteRespondents as { token: string }[];
      // Four of five answer; they split 1-5 on satisfaction and 2-2 on having a policy: both contested.
      const given = [
        { overallSatisfaction: 1, hasPolicy: true },
        { overallSatisfaction: 5, hasPolicy: false },
        { overallSatisfaction: 1, hasPolicy: true },
        { overallSatisfaction: 5, hasPolicy: false },
      ];
      for (const [i, a] of given.entries()) {
        const res = await t.gql(
          `mutation($t: String!, $a: AssessmentAnswersInput!) { submitCampaignResponse(token: $t, answers: $a) }`,
          { t: links[i].token, a: { ...answersFixture(), ...a } },
        );
        expect(res.errors).toBeUndefined();
      }
      const closed = ok(
        await t.gql(
          `mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { assessment { id } items { item contested } } }`,
          { id: opened.id, v: opened.version },
          as,
        ),
      ).closeCampaign;
      const contested = (closed.items as { item: string; contested: boolean }[]).filter((i) => i.contested).map((i) => i.item);
      expect(contested).toEqual(expect.arrayContaining(['OVERALL_SATISFACTION', 'HAS_POLICY']));
      for (const [language, catalogue, name] of [
        ['en', CATALOGUES.en, 'campaign-en'],
        [DUTCH, CATALOGUES.nl, 'campaign-nl'],
      ] as const) {
        const res = await get(`/reports/assessments/${closed.assessment.id}.pdf`, { ...as, language });
        expect(res.status).toBe(200);
        renderPages(res.body as Buffer, name);
        const text = pdfText(res.body as Buffer);
        const report = (catalogue as { report: { campaign: Record<string, string> } }).report.campaign;
        expect(text).toContain(report.title);
        expect(text).toContain(report.contested);
        // "4 of 5 invited respondents answered (80%) ..." in the language's own words and number format.
        expect(text).toMatch(language === 'en' ? /4 of 5 invited respondents answered \(80\s?%\)/ : /4 van de 5/);
        expect(text).not.toContain(report.noContested);
      }
    });
  });

  describe('GET /reports/portfolio.pdf', () => {
    it("holds the consultant's own clients only: stage distribution, overdue, drops and open actions", async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const outsider = await signUp(t.gql, 'Outsider');
      const mine = await createTenant(t.gql, consultant, { name: 'Klant Één', asConsultant: true });
      const second = await createTenant(t.gql, consultant, { name: 'Bakkerij Müller', asConsultant: true });
      const notMine = await createTenant(t.gql, outsider, { name: 'Not My Client NV', asConsultant: true });
      await insertMembership(admin, tenant, consultant.id, 'VIEWER');
      for (const [client, user, score] of [
        [mine, consultant, 3],
        [second, consultant, 1],
        [notMine, outsider, 2],
      ] as const) {
        ok(
          await t.gql(
            SUBMIT,
            {
              input: {
                period: '2025-Q4',
                answers: { ...BAD_ANSWERS, overallSatisfaction: score },
                idempotencyKey: newKey(),
              },
            },
            { token: user.token, tenant: client },
          ),
        );
      }
      await admin.query(
        `UPDATE assessments SET submitted_at = now() - interval '200 days' WHERE tenant_id = $1`,
        [second],
      );
      ok(
        await t.gql(
          `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
          { i: { title: 'Beleid schrijven', dueAt: new Date(Date.now() - DAY).toISOString() } },
          { token: consultant.token, tenant: mine },
        ),
      );

      const res = await get('/reports/portfolio.pdf', { token: consultant.token, language: DUTCH });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="portfolio-\d{4}-\d{2}-\d{2}-report\.pdf"$/,
      );
      const pdf = res.body as Buffer;
      renderPages(pdf, 'portfolio-nl');
      const text = pdfText(pdf);
      for (const expected of [
        'Klant Één',
        'Bakkerij Müller',
        'Portefeuillerapport',
        'Verdeling over de fasen',
        'Te laat voor een nieuwe meting',
        'Openstaande acties',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toContain('Bakkerij Müller: had op');
      expect(text).toContain('Klant Één: 1 open, waarvan 1 over de streefdatum');
      // Neither another consultant's client nor a tenant the caller is only a VIEWER of.
      expect(text).not.toContain('Not My Client');
      expect(text).not.toContain(organisation);
      expectLaidOut(pdf);

      const english = pdfText(
        (await get('/reports/portfolio.pdf', { token: consultant.token })).body as Buffer,
      );
      expect(english).toContain('Portfolio report');
      expect(english).toContain('Stage distribution');
    });

    it('needs a token (401) and is not for API keys', async () => {
      expect((await get('/reports/portfolio.pdf')).status).toBe(401);
      const key = await createApiKey(t.gql, owner, tenant, ['READ']);
      expect((await get('/reports/portfolio.pdf', { token: key.secret, tenant })).status).toBe(403);
    });
  });
});

/** One finding of every code the model and the campaigns know, scored by the engine from inputs that fire them. */
function everyFinding(): unknown[] {
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const base: ScoringInputs = {
    profile: {
      employeeCount: 320,
      departments: ['MARKETING', 'SALES', 'PR', 'IT', 'HR'],
      culture: 'HIERARCHICAL',
      market: 'B2B',
      locations: 2,
    },
    teams: [],
    responsibilities: [],
    initiatives: [],
    answers: BAD_ANSWERS,
  };
  const member = (id: string, department: 'MARKETING') => ({
    id,
    name: id,
    department,
    external: false,
    insight: 2,
    experience: 2,
    affinity: 2,
  });
  const initiative = (id: string, kpis: { name: string; kind: 'VANITY' }[]) => ({
    id,
    name: id,
    status: 'ACTIVE' as const,
    ownerDepartment: 'MARKETING' as const,
    outsourcing: 'FULL' as const,
    kpis,
    satisfaction: 1,
    failureFactors: ['NO_BUDGET', 'NO_SKILLS', 'UNCLEAR_OWNERSHIP'] as (
      'NO_BUDGET' | 'NO_SKILLS' | 'UNCLEAR_OWNERSHIP'
    )[],
  });
  const scenarios: ScoringInputs[] = [
    base,
    {
      ...base,
      profile: {
        ...base.profile,
        employeeCount: 12,
        culture: 'INFORMAL',
        departments: ['MARKETING'],
        locations: 1,
      },
    },
    {
      ...base,
      teams: [{ id: 'team', name: 'team', members: [member('a', 'MARKETING'), member('b', 'MARKETING')] }],
      responsibilities: RESPONSIBILITIES.map((responsibility) => ({
        responsibility,
        ownerKind: 'AGENCY' as const,
        memberId: null,
        department: null,
      })),
      initiatives: [
        initiative('x', [{ name: 'likes', kind: 'VANITY' }]),
        initiative('y', [{ name: 'followers', kind: 'VANITY' }]),
      ],
    },
    { ...base, initiatives: [initiative('z', [])] },
  ];
  const seen = new Map<string, unknown>();
  for (const inputs of scenarios) {
    for (const finding of score(inputs, model).findings) {
      seen.set(`${finding.code}:${finding.responsibility ?? ''}:${finding.failureFactor ?? ''}`, finding);
    }
  }
  const campaign = campaignFindings(
    {
      items: (['OVERALL_SATISFACTION', 'HAS_POLICY', 'HAS_CRISIS_PLAN', 'REPORTING_CADENCE'] as const).map(
        (item) => ({
          item,
          value: '1',
          disagreement: 0.75,
          contested: true,
          responses: 4,
          distribution: [],
        }),
      ),
      responses: [1, 2, 3, 4].map(() => ({ department: 'MARKETING', external: false, answers: BAD_ANSWERS })),
      organisationDepartments: ['MARKETING', 'SALES', 'PR'],
      invitedCount: 20,
    } as unknown as Parameters<typeof campaignFindings>[0],
  );
  const rank = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  return [...seen.values(), ...campaign].sort(
    (a, b) =>
      rank.indexOf((a as { severity: string }).severity) - rank.indexOf((b as { severity: string }).severity),
  );
}
