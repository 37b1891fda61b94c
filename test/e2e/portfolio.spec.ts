import type { Client } from 'pg';
import { Clock } from '../../src/common/clock';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { insertAssessment, insertMembership, insertSuperseding, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

const DAY = 86_400_000;

// All clients on one page (the tests have at most 200: the most entries(first) allows).
const PORTFOLIO = `query($filter: PortfolioFilter, $sort: PortfolioSort, $all: Int = 200) {
  portfolio(filter: $filter, sort: $sort) {
    overdueCount alertCount totalCount
    entries(first: $all) {
      tenant { id name myRole profile { reassessmentCadenceDays } }
      latestAssessment { id overallScore stage delta previous { id overallScore } }
      stage overallScore delta dueAt overdue weakestDimension scoreDropAlert
    }
  }
}`;

interface Entry {
  tenant: { id: string; name: string; myRole: string };
  latestAssessment: {
    id: string;
    overallScore: number;
    delta: number | null;
    previous: { id: string } | null;
  } | null;
  stage: string | null;
  overallScore: number | null;
  delta: number | null;
  dueAt: string;
  overdue: boolean;
  weakestDimension: string | null;
  scoreDropAlert: boolean;
}

describe('consultant portfolio (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let clock: Clock;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    clock = t.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  async function portfolio(user: TestUser, variables: Record<string, unknown> = {}) {
    const res = await t.gql(PORTFOLIO, variables, { token: user.token });
    return { ...ok(res).portfolio, sqlStatements: res.sqlStatements } as {
      entries: Entry[];
      overdueCount: number;
      alertCount: number;
      totalCount: number;
      sqlStatements: number;
    };
  }

  async function consultantWith(count: number): Promise<{ consultant: TestUser; tenants: string[] }> {
    const consultant = await signUp(t.gql, 'Consultant');
    const tenants: string[] = [];
    for (let i = 0; i < count; i++) {
      const tenant = await insertTenant(admin, { name: `Client ${String(i).padStart(3, '0')}` });
      await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
      tenants.push(tenant);
    }
    return { consultant, tenants };
  }

  describe('isolation', () => {
    it('shows every tenant where the caller is CONSULTANT and never another tenant', async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const ownerA = await signUp(t.gql, 'Owner A');
      const ownerB = await signUp(t.gql, 'Owner B');
      const a = await createTenant(t.gql, ownerA, { name: 'Alpha' });
      const b = await createTenant(t.gql, ownerB, { name: 'Bravo' });
      const c = await createTenant(t.gql, consultant, { name: 'Charlie', asConsultant: true });
      await addMember(t.gql, ownerA, a, consultant, 'CONSULTANT');
      await insertAssessment(admin, b, { overallScore: 77 });

      const { entries, totalCount } = await portfolio(consultant, { sort: 'NAME' });
      expect(entries.map((e) => e.tenant.id)).toEqual([a, c]);
      expect(totalCount).toBe(2);
      expect(entries.every((e) => e.tenant.myRole === 'CONSULTANT')).toBe(true);
      // Bravo's owner has no CONSULTANT membership: an empty portfolio, although Bravo has an assessment.
      expect((await portfolio(ownerB)).entries).toEqual([]);
    });

    it('leaves out tenants where the caller is OWNER, ADMIN, CONTRIBUTOR or VIEWER', async () => {
      const user = await signUp(t.gql, 'Many hats');
      const owner = await signUp(t.gql, 'Owner');
      const own = await createTenant(t.gql, user, { name: 'Own company' });
      await insertAssessment(admin, own, { overallScore: 40 });
      for (const role of ['ADMIN', 'CONTRIBUTOR', 'VIEWER']) {
        const tenant = await createTenant(t.gql, owner, { name: `As ${role}` });
        await addMember(t.gql, owner, tenant, user, role);
        await insertAssessment(admin, tenant, { overallScore: 40 });
      }
      const client = await createTenant(t.gql, owner, { name: 'Real client' });
      await addMember(t.gql, owner, client, user, 'CONSULTANT');

      const { entries } = await portfolio(user);
      expect(entries.map((e) => e.tenant.id)).toEqual([client]);
    });

    it('drops a tenant at once when the consultant membership is removed', async () => {
      const owner = await signUp(t.gql, 'Owner');
      const consultant = await signUp(t.gql, 'Consultant');
      const tenant = await createTenant(t.gql, owner);
      await addMember(t.gql, owner, tenant, consultant, 'CONSULTANT');
      await insertAssessment(admin, tenant, { overallScore: 55 });
      expect((await portfolio(consultant)).entries.map((e) => e.tenant.id)).toEqual([tenant]);

      const removed = await t.gql(
        `mutation($id: ID!) { removeMembership(userId: $id) }`,
        { id: consultant.id },
        { token: owner.token, tenant },
      );
      expect(ok(removed).removeMembership).toBe(true);
      expect((await portfolio(consultant)).entries).toEqual([]);
    });

    it('needs a signed-in user', async () => {
      const res = await t.gql(PORTFOLIO, {});
      expect(res.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('latest assessment, change and alert', () => {
    it('takes the current assessment submitted last, its previous current one, and the weakest dimension', async () => {
      const { consultant, tenants } = await consultantWith(1);
      const [tenant] = tenants;
      const now = Date.now();
      await insertAssessment(admin, tenant, { overallScore: 20, submittedAt: new Date(now - 300 * DAY) });
      const previous = await insertAssessment(admin, tenant, {
        overallScore: 41.5,
        submittedAt: new Date(now - 200 * DAY),
      });
      const replaced = await insertAssessment(admin, tenant, {
        overallScore: 90,
        submittedAt: new Date(now - 100 * DAY),
      });
      const latest = await insertSuperseding(admin, tenant, replaced, {
        overallScore: 52.25,
        submittedAt: new Date(now - 50 * DAY),
        dimensions: {
          TEAM_COMPOSITION: 70,
          SALES_INVOLVEMENT: 30,
          SATISFACTION: 80,
          MEASUREMENT: 12.5,
          RESPONSIBILITY_COVERAGE: 50,
          GOVERNANCE: 12.5,
        },
      });

      const [entry] = (await portfolio(consultant)).entries;
      expect(entry.latestAssessment).toEqual({
        id: latest,
        overallScore: 52.25,
        stage: 'FORMALIZED',
        delta: 52.25 - 41.5,
        previous: { id: previous, overallScore: 41.5 },
      });
      expect(entry).toMatchObject({
        stage: 'FORMALIZED',
        overallScore: 52.25,
        delta: 10.75,
        scoreDropAlert: false,
      });
      expect(entry.weakestDimension).toBe('MEASUREMENT');
    });

    it('raises the score-drop alert at a drop of exactly 10 points and not at 9.99', async () => {
      const { consultant, tenants } = await consultantWith(3);
      const [exactly10, only999, rising] = tenants;
      const earlier = new Date(Date.now() - 10 * DAY);
      for (const [tenant, before, after] of [
        [exactly10, 60, 50],
        [only999, 60, 50.01],
        [rising, 40, 55],
      ] as const) {
        await insertAssessment(admin, tenant, { overallScore: before, submittedAt: earlier });
        await insertAssessment(admin, tenant, { overallScore: after });
      }
      const result = await portfolio(consultant, { sort: 'NAME' });
      const byTenant = new Map(result.entries.map((e) => [e.tenant.id, e]));
      expect(byTenant.get(exactly10)).toMatchObject({ delta: -10, scoreDropAlert: true });
      expect(byTenant.get(only999)?.delta).toBeCloseTo(-9.99, 10);
      expect(byTenant.get(only999)?.scoreDropAlert).toBe(false);
      expect(byTenant.get(rising)).toMatchObject({ delta: 15, scoreDropAlert: false });
      expect(result.alertCount).toBe(1);
      const alerts = await portfolio(consultant, { filter: { alertsOnly: true } });
      expect(alerts.entries.map((e) => e.tenant.id)).toEqual([exactly10]);
      expect(alerts.alertCount).toBe(1);
    });

    it('computes change and alert from the previous score when the previous assessment is not asked for', async () => {
      const { consultant, tenants } = await consultantWith(2);
      const [dropped, rose] = tenants;
      const earlier = new Date(Date.now() - 10 * DAY);
      await insertAssessment(admin, dropped, { overallScore: 70.5, submittedAt: earlier });
      await insertAssessment(admin, dropped, { overallScore: 60.5 });
      await insertAssessment(admin, rose, { overallScore: 40, submittedAt: earlier });
      await insertAssessment(admin, rose, { overallScore: 41.25 });
      const res = await t.gql(
        `{ portfolio { alertCount entries { tenant { id } delta scoreDropAlert weakestDimension
             latestAssessment { overallScore delta dimensions { dimension score } } } } }`,
        {},
        { token: consultant.token },
      );
      const { alertCount, entries } = ok(res).portfolio as {
        alertCount: number;
        entries: { tenant: { id: string }; delta: number; scoreDropAlert: boolean; latestAssessment: { delta: number; dimensions: unknown[] } }[];
      };
      const byTenant = new Map(entries.map((e) => [e.tenant.id, e]));
      expect(byTenant.get(dropped)).toMatchObject({ delta: -10, scoreDropAlert: true, latestAssessment: { delta: -10 } });
      expect(byTenant.get(rose)).toMatchObject({ delta: 1.25, scoreDropAlert: false, latestAssessment: { delta: 1.25 } });
      expect(byTenant.get(rose)?.latestAssessment.dimensions).toHaveLength(7);
      expect(alertCount).toBe(1);
    });

    it("gives the latest and previous assessments in full when asked, as the tenant's own view shows them", async () => {
      const { consultant, tenants } = await consultantWith(1);
      const [tenant] = tenants;
      const previous = await insertAssessment(admin, tenant, {
        overallScore: 35,
        submittedAt: new Date(Date.now() - 30 * DAY),
      });
      const latest = await insertAssessment(admin, tenant, { overallScore: 64, dimensions: { MEASUREMENT: 20 } });
      const FULL = `fragment Full on Assessment {
        id period overallScore stage bandStage appliedCaps current
        dimensions { dimension score applicable weight rawWeight }
        findings { code severity dimension responsibility message recommendation }
        facts { teamNeeded inHouseMemberCount outsourcingShare applicableResponsibilities }
        answers { overallSatisfaction managementSupport hasPolicy policyRoleModel hasCrisisPlan hasMonitoring reportingCadence communityApplicable }
      }`;
      const viaPortfolio = ok(
        await t.gql(
          `{ portfolio { entries { latestAssessment { ...Full delta previous { ...Full } } } } } ${FULL}`,
          {},
          { token: consultant.token },
        ),
      ).portfolio as { entries: { latestAssessment: Record<string, unknown> & { previous: Record<string, unknown> } }[] };
      const own = async (id: string) =>
        ok(await t.gql(`query($id: ID!) { assessment(id: $id) { ...Full } } ${FULL}`, { id }, { token: consultant.token, tenant }))
          .assessment as Record<string, unknown>;
      const { previous: shownPrevious, delta, ...shownLatest } = viaPortfolio.entries[0].latestAssessment;
      expect(shownLatest).toEqual(await own(latest));
      expect(shownPrevious).toEqual(await own(previous));
      expect(delta).toBe(29);
      expect((shownLatest.findings as unknown[]).length).toBeGreaterThan(0);
    });

    it('shows a tenant never assessed without score, stage or change', async () => {
      const { consultant } = await consultantWith(1);
      const [entry] = (await portfolio(consultant)).entries;
      expect(entry).toMatchObject({
        latestAssessment: null,
        stage: null,
        overallScore: null,
        delta: null,
        weakestDimension: null,
        scoreDropAlert: false,
      });
    });
  });

  describe('reassessment schedule', () => {
    it('is due one cadence after the last assessment and overdue only strictly after that moment', async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const tenant = await insertTenant(admin, { cadenceDays: 30 });
      await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
      const submittedAt = new Date('2026-01-15T09:30:00.123Z');
      await insertAssessment(admin, tenant, { overallScore: 50, submittedAt });
      const due = new Date(submittedAt.getTime() + 30 * DAY);

      jest.spyOn(clock, 'now').mockReturnValue(due);
      let result = await portfolio(consultant);
      expect(result.entries[0]).toMatchObject({ dueAt: due.toISOString(), overdue: false });
      expect(result.overdueCount).toBe(0);

      jest.spyOn(clock, 'now').mockReturnValue(new Date(due.getTime() + 1));
      result = await portfolio(consultant);
      expect(result.entries[0]).toMatchObject({ dueAt: due.toISOString(), overdue: true });
      expect(result.overdueCount).toBe(1);
    });

    it('gives a tenant never assessed one cadence from its creation, then counts it overdue', async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const createdAt = new Date('2026-02-01T00:00:00.000Z');
      const tenant = await insertTenant(admin, { cadenceDays: 14, createdAt });
      await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
      const due = new Date(createdAt.getTime() + 14 * DAY);

      jest.spyOn(clock, 'now').mockReturnValue(due);
      expect((await portfolio(consultant)).entries[0]).toMatchObject({
        dueAt: due.toISOString(),
        overdue: false,
      });
      jest.spyOn(clock, 'now').mockReturnValue(new Date(due.getTime() + 1));
      expect((await portfolio(consultant)).entries[0]).toMatchObject({
        dueAt: due.toISOString(),
        overdue: true,
      });
    });

    it('sorts overdue first by default and filters by overdue and stage', async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const now = new Date('2026-06-01T00:00:00.000Z');
      const seeds = [
        { name: 'A on time', score: 70, daysAgo: 10 },
        { name: 'B long overdue', score: 30, daysAgo: 200 },
        { name: 'C just overdue', score: 45, daysAgo: 91 },
        { name: 'D due soon', score: 10, daysAgo: 80 },
      ];
      const ids: Record<string, string> = {};
      for (const seed of seeds) {
        const tenant = await insertTenant(admin, { name: seed.name, cadenceDays: 90 });
        await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
        await insertAssessment(admin, tenant, {
          overallScore: seed.score,
          submittedAt: new Date(now.getTime() - seed.daysAgo * DAY),
        });
        ids[seed.name] = tenant;
      }
      jest.spyOn(clock, 'now').mockReturnValue(now);
      const names = async (variables: Record<string, unknown>) =>
        (await portfolio(consultant, variables)).entries.map((e) => e.tenant.name);

      expect(await names({})).toEqual(['B long overdue', 'C just overdue', 'D due soon', 'A on time']);
      expect(await names({ sort: 'SCORE_ASC' })).toEqual([
        'D due soon',
        'B long overdue',
        'C just overdue',
        'A on time',
      ]);
      expect(await names({ sort: 'SCORE_DESC' })).toEqual([
        'A on time',
        'C just overdue',
        'B long overdue',
        'D due soon',
      ]);
      expect(await names({ sort: 'STAGE' })).toEqual([
        'D due soon',
        'B long overdue',
        'C just overdue',
        'A on time',
      ]);
      expect(await names({ sort: 'DUE_AT' })).toEqual([
        'B long overdue',
        'C just overdue',
        'D due soon',
        'A on time',
      ]);
      expect(await names({ filter: { overdueOnly: true } })).toEqual(['B long overdue', 'C just overdue']);
      expect(await names({ filter: { stages: ['ENGAGEMENT', 'STRATEGIC'] }, sort: 'NAME' })).toEqual([
        'A on time',
        'C just overdue',
      ]);
      const filtered = await portfolio(consultant, { filter: { stages: ['PLANNING'] } });
      expect(filtered.entries.map((e) => e.tenant.name)).toEqual(['D due soon']);
      expect(filtered).toMatchObject({ overdueCount: 2, totalCount: 4 });
    });

    it('refuses an unknown sort with BAD_USER_INPUT', async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const res = await t.gql(PORTFOLIO, { sort: 'RANDOM' }, { token: consultant.token });
      expect(res.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('cost', () => {
    it('runs the same number of SQL statements for 2 clients as for 200', async () => {
      const small = await consultantWith(2);
      const large = await signUp(t.gql, 'Busy consultant');
      // 200 clients with two assessments each, seeded in bulk.
      await admin.query(
        `WITH clients AS (
           INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
           SELECT gen_random_uuid(), 'Bulk client ' || i, 100, '{MARKETING}', 'INFORMAL', 'B2C', 1
             FROM generate_series(1, 200) i RETURNING id)
         INSERT INTO memberships (tenant_id, user_id, role) SELECT id, $1, 'CONSULTANT' FROM clients`,
        [large.id],
      );
      const { rows } = await admin.query<{ tenant_id: string }>(
        `SELECT tenant_id FROM memberships WHERE user_id = $1`,
        [large.id],
      );
      for (const tenant of [...rows.map((r) => r.tenant_id), ...small.tenants]) {
        await insertAssessment(admin, tenant, {
          overallScore: 60,
          submittedAt: new Date(Date.now() - 5 * DAY),
        });
        await insertAssessment(admin, tenant, { overallScore: 48 });
      }

      const two = await portfolio(small.consultant);
      const twoHundred = await portfolio(large);
      expect(two.entries).toHaveLength(2);
      expect(twoHundred.entries).toHaveLength(200);
      expect(twoHundred.alertCount).toBe(200);
      expect(twoHundred.entries.every((e) => e.latestAssessment?.previous?.id)).toBe(true);
      expect(Number.isFinite(two.sqlStatements)).toBe(true);
      expect(twoHundred.sqlStatements).toBe(two.sqlStatements);
      console.log(
        `portfolio SQL statements: 2 clients ${two.sqlStatements}, 200 clients ${twoHundred.sqlStatements}`,
      );
    });
  });

  describe('period order (issue 12)', () => {
    it('takes the latest period as latest, whatever was submitted last, and counts the due date from the last submission', async () => {
      const { consultant, tenants } = await consultantWith(1);
      const [tenant] = tenants;
      const now = Date.now();
      const q2 = await insertAssessment(admin, tenant, {
        period: '2026-Q2',
        overallScore: 60,
        submittedAt: new Date(now - 30 * DAY),
      });
      const q4 = await insertAssessment(admin, tenant, {
        period: '2026-Q4',
        overallScore: 45,
        submittedAt: new Date(now - 20 * DAY),
        dimensions: {
          TEAM_COMPOSITION: 70,
          SALES_INVOLVEMENT: 30,
          SATISFACTION: 80,
          MEASUREMENT: 50,
          RESPONSIBILITY_COVERAGE: 50,
          GOVERNANCE: 0.5,
        },
      });
      // Entered last, for an earlier quarter: neither the latest nor the previous of the latest.
      const lastSubmitted = new Date(now - 10 * DAY);
      const q3 = await insertAssessment(admin, tenant, {
        period: '2026-Q3',
        overallScore: 58,
        submittedAt: lastSubmitted,
        dimensions: {
          TEAM_COMPOSITION: 70,
          SALES_INVOLVEMENT: 30,
          SATISFACTION: 80,
          MEASUREMENT: 0.25,
          RESPONSIBILITY_COVERAGE: 50,
          GOVERNANCE: 90,
        },
      });
      const [entry] = (await portfolio(consultant)).entries;
      expect(entry.latestAssessment).toEqual({
        id: q4,
        overallScore: 45,
        stage: 'ENGAGEMENT',
        delta: 45 - 58,
        previous: { id: q3, overallScore: 58 },
      });
      expect(entry).toMatchObject({ delta: 45 - 58, scoreDropAlert: true });
      expect(entry.weakestDimension).toBe('GOVERNANCE');
      expect(entry.dueAt).toBe(new Date(lastSubmitted.getTime() + 90 * DAY).toISOString());
      expect(entry.latestAssessment?.id).not.toBe(q2);
    });
  });

  describe('paging (issue 13)', () => {
    const PAGE = `query($first: Int, $after: String, $sort: PortfolioSort) {
      portfolio(sort: $sort) {
        totalCount overdueCount
        pageInfo { hasNextPage endCursor }
        entries(first: $first, after: $after) { tenant { id name } overallScore }
      }
    }`;

    async function page(user: TestUser, variables: Record<string, unknown>) {
      return ok(await t.gql(PAGE, variables, { token: user.token })).portfolio as {
        totalCount: number;
        overdueCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        entries: { tenant: { id: string; name: string }; overallScore: number | null }[];
      };
    }

    it('pages 50 at a time by default, with totalCount, pageInfo and overdueCount over the whole portfolio', async () => {
      const { consultant } = await consultantWith(120);
      const first = await page(consultant, { sort: 'NAME' });
      expect(first.entries).toHaveLength(50);
      expect(first.totalCount).toBe(120);
      // Never assessed and created now: none overdue, on every page alike.
      expect(first.overdueCount).toBe(0);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const names: string[] = first.entries.map((e) => e.tenant.name);
      let after = first.pageInfo.endCursor;
      for (;;) {
        const next = await page(consultant, { sort: 'NAME', after });
        names.push(...next.entries.map((e) => e.tenant.name));
        expect(next.totalCount).toBe(120);
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      expect(names).toEqual(Array.from({ length: 120 }, (_, i) => `Client ${String(i).padStart(3, '0')}`));
    });

    it('continues after the last entry of a page by its place in the sort, even when the list changed in between', async () => {
      const { consultant, tenants } = await consultantWith(6);
      for (const [i, tenant] of tenants.entries()) await insertAssessment(admin, tenant, { overallScore: 10 + i * 10 });
      const first = await page(consultant, { sort: 'SCORE_ASC', first: 3 });
      expect(first.entries.map((e) => e.overallScore)).toEqual([10, 20, 30]);
      // Meanwhile: a client of the first page leaves, and a new one with the lowest score arrives.
      await admin.query('DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2', [tenants[0], consultant.id]);
      const newcomer = await insertTenant(admin, { name: 'Newcomer' });
      await insertMembership(admin, newcomer, consultant.id, 'CONSULTANT');
      await insertAssessment(admin, newcomer, { overallScore: 5 });
      const second = await page(consultant, { sort: 'SCORE_ASC', first: 3, after: first.pageInfo.endCursor });
      expect(second.entries.map((e) => e.overallScore)).toEqual([40, 50, 60]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('accepts first up to 200 and refuses 0, 201, a cursor of another sort and a forged cursor', async () => {
      const { consultant } = await consultantWith(3);
      expect((await page(consultant, { first: 200 })).entries).toHaveLength(3);
      for (const first of [0, 201]) {
        const res = await t.gql(PAGE, { first }, { token: consultant.token });
        expect({ first, code: res.code }).toEqual({ first, code: 'BAD_USER_INPUT' });
      }
      const byName = await page(consultant, { sort: 'NAME', first: 1 });
      const otherSort = await t.gql(PAGE, { sort: 'SCORE_ASC', after: byName.pageInfo.endCursor }, { token: consultant.token });
      expect(otherSort.code).toBe('BAD_USER_INPUT');
      expect(otherSort.errors?.[0].extensions.fields).toEqual(['after']);
      const forged = Buffer.from(JSON.stringify(['NAME', 'x', 'y', 'z', 'NOPE', 1, 0])).toString('base64url');
      const bad = await t.gql(PAGE, { sort: 'NAME', after: forged }, { token: consultant.token });
      expect(bad.code).toBe('BAD_USER_INPUT');
    });
  });
});
