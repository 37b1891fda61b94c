import type { Client } from 'pg';
import { quarterOf } from '../../src/peer-benchmark/release-mechanism';
import {
  addMember,
  createTenant,
  DEFAULT_PROFILE,
  signUp,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { insertAssessment, insertSuperseding, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

const BENCHMARK = `{ benchmark { sizeBand peerCount percentile source minimumPeers ownScore quarter
  release { p25 p50 p75 releasedAt epsilon }
  survey { source year respondents satisfaction { highlySatisfied satisfied somewhat notAtAll }
           measured { followersLikes sales } setUp { dedicatedTeam onTopOfOtherDuties hybridWithAgency fullyOutsourced }
           teamSize { onePerson } departments { marketing legal salesMentioned }
           managementSupport { verySupportive } selfRated { advanced intermediate beginner } } } }`;

const DAY = 86_400_000;

interface Release {
  p25: number;
  p50: number;
  p75: number;
  releasedAt: string;
  epsilon: number;
}

/** The answer without the tenant's own score (which it knows anyway). */
const withoutOwnScore = ({ ownScore: _own, ...rest }: Record<string, unknown>) => rest;

/**
 * domain.md "Benchmark": daily differentially private releases per size band over the eligible tenants (two
 * current assessments submitted 60+ days apart). The 1000+ band is used by this file alone; other files' tenants
 * are never eligible there (checked first). The attack of issue 13 item 2 is rerun: an account owning the filler
 * tenants moves its own score and reads the benchmark.
 */
describe('peer benchmark: daily differentially private releases (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let viewer: TestUser;
  let victim: TestUser;
  let attacker: TestUser;
  let subject: string;
  let victims: string;
  const fillers: string[] = [];
  let release: Release;

  async function benchmark(user: TestUser, tenant: string) {
    return ok(await t.gql(BENCHMARK, {}, { token: user.token, tenant })).benchmark;
  }

  /** Makes a tenant eligible (or not, with a gap under 60 days): two current assessments `gapDays` apart. */
  async function history(tenant: string, score: number, gapDays = 60): Promise<void> {
    const now = Date.now();
    await insertAssessment(admin, tenant, { overallScore: 40, submittedAt: new Date(now - gapDays * DAY) });
    await insertAssessment(admin, tenant, { overallScore: score, submittedAt: new Date(now) });
  }

  async function storedReleases() {
    return (
      await admin.query<{ day: string; p25: number; p50: number; p75: number; eligible_count: number }>(
        `SELECT release_day::text AS day, p25, p50, p75, eligible_count FROM benchmark_releases
          WHERE size_band = '1000+' ORDER BY release_day`,
      )
    ).rows;
  }
  const utcToday = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM tenants t
        WHERE t.employee_count >= 1000
          AND (SELECT max(a.submitted_at) - min(a.submitted_at) FROM assessments a
                WHERE a.tenant_id = t.id AND a.superseded_at IS NULL) >= interval '60 days'`,
    );
    if (rows[0].n > 0) throw new Error(`the 1000+ band already holds ${rows[0].n} eligible tenants`);

    owner = await signUp(t.gql, 'Owner');
    viewer = await signUp(t.gql, 'Viewer');
    victim = await signUp(t.gql, 'Victim');
    attacker = await signUp(t.gql, 'Attacker');
    subject = await createTenant(t.gql, owner, {
      name: 'Big Co',
      profile: { ...DEFAULT_PROFILE, employeeCount: 2500 },
    });
    await addMember(t.gql, owner, subject, viewer, 'VIEWER');
    victims = await createTenant(t.gql, victim, { profile: { ...DEFAULT_PROFILE, employeeCount: 1200 } });
    for (let i = 0; i < 9; i++) {
      fillers.push(
        await createTenant(t.gql, attacker, {
          profile: { ...DEFAULT_PROFILE, employeeCount: 1000 + i * 500 },
        }),
      );
    }
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('falls back to the 2012 survey, marked as such, while fewer than 10 tenants of the band are eligible', async () => {
    await insertAssessment(admin, subject, { overallScore: 50 });
    await history(victims, 63.37);
    for (const [i, filler] of fillers.slice(0, 8).entries()) await history(filler, 20 + i * 9);
    // Not eligible: submissions 59 days apart, both today, one only, a superseded old one, another band.
    await history(await insertTenant(admin, { employeeCount: 3000 }), 70, 59);
    await history(await insertTenant(admin, { employeeCount: 3000 }), 70, 0);
    await insertAssessment(admin, await insertTenant(admin, { employeeCount: 3000 }), { overallScore: 70 });
    const superseded = await insertTenant(admin, { employeeCount: 3000 });
    const old = await insertAssessment(admin, superseded, {
      overallScore: 40,
      submittedAt: new Date(Date.now() - 90 * DAY),
    });
    await insertAssessment(admin, superseded, { overallScore: 70 });
    await insertSuperseding(admin, superseded, old, { overallScore: 45 });
    await history(await insertTenant(admin, { employeeCount: 999 }), 70, 120);

    const answer = await benchmark(owner, subject);
    expect(answer).toMatchObject({
      sizeBand: '1000+',
      peerCount: 0,
      percentile: null,
      source: 'SURVEY_2012',
      minimumPeers: 10,
      ownScore: 50,
      release: null,
      quarter: null,
    });
    expect(answer.survey).toEqual({
      source: 'SURVEY_2012',
      year: 2012,
      respondents: 2714,
      satisfaction: { highlySatisfied: 5, satisfied: 26, somewhat: 42, notAtAll: 27 },
      measured: { followersLikes: 86, sales: 31 },
      setUp: { dedicatedTeam: 27, onTopOfOtherDuties: 65, hybridWithAgency: 5, fullyOutsourced: 3 },
      teamSize: { onePerson: 42 },
      departments: { marketing: 70, legal: 14, salesMentioned: false },
      managementSupport: { verySupportive: 38 },
      selfRated: { advanced: 13, intermediate: 64, beginner: 23 },
    });
    expect(withoutOwnScore(await benchmark(victim, victims))).toEqual(withoutOwnScore(answer));
    expect(await storedReleases()).toEqual([]);
  });

  it("publishes the day's release from the tenth eligible tenant on: quartiles on the 0.1 grid, epsilon 1, the count", async () => {
    await history(fillers[8], 95, 60); // exactly 60 days apart: eligible
    const answer = await benchmark(owner, subject);
    release = answer.release as Release;
    expect(answer).toMatchObject({
      sizeBand: '1000+',
      peerCount: 10,
      percentile: null,
      source: 'RELEASE',
      survey: null,
    });
    expect(release.epsilon).toBe(1);
    for (const p of [release.p25, release.p50, release.p75]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
      expect(Math.round(p * 10) / 10).toBe(p);
    }
    expect(release.p25).toBeLessThanOrEqual(release.p50);
    expect(release.p50).toBeLessThanOrEqual(release.p75);
    expect(answer.quarter).toBe(quarterOf(50, release));
    expect(await storedReleases()).toEqual([
      { day: utcToday(), p25: release.p25, p50: release.p50, p75: release.p75, eligible_count: 10 },
    ]);
  });

  it('is the same release for every tenant of the band and every role, each placed by its own score', async () => {
    const fresh = await createTenant(t.gql, owner, { profile: { ...DEFAULT_PROFILE, employeeCount: 1500 } });
    const answers = [
      await benchmark(owner, subject),
      await benchmark(viewer, subject),
      await benchmark(victim, victims),
      await benchmark(attacker, fillers[3]),
      await benchmark(owner, fresh),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ peerCount: 10, source: 'RELEASE', release });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toMatchObject({ ownScore: 63.37, quarter: quarterOf(63.37, release) });
    expect(answers[4]).toMatchObject({ ownScore: null, quarter: null });
  });

  it("uses the tenant's latest assessment in period order, not the last one submitted", async () => {
    await insertAssessment(admin, subject, { overallScore: 1, period: '2001' });
    expect(await benchmark(owner, subject)).toMatchObject({ ownScore: 50, quarter: quarterOf(50, release) });
  });

  it('the attack learns nothing: whatever its own score, the answer depends only on the quarter of one release', async () => {
    const probe = fillers[0];
    const { p25, p50, p75 } = release;
    const scores = [
      ...Array.from({ length: 21 }, (_, i) => i * 5),
      ...[p25, p50, p75].flatMap((p) => [p - 0.05, p, p + 0.05]).filter((s) => s >= 0 && s <= 100),
    ];
    const byQuarter = new Map<number, unknown>();
    for (const score of scores) {
      await insertAssessment(admin, probe, { overallScore: score });
      const answer = await benchmark(attacker, probe);
      expect(answer.ownScore).toBe(score);
      const rest = withoutOwnScore(answer);
      // Nothing but the release and the quarter: no per-request statistic.
      expect(rest).toEqual({
        sizeBand: '1000+',
        peerCount: 10,
        percentile: null,
        source: 'RELEASE',
        minimumPeers: 10,
        quarter: quarterOf(score, release),
        release,
        survey: null,
      });
      const seen = byQuarter.get(rest.quarter as number);
      if (seen) expect(rest).toEqual(seen);
      else byQuarter.set(rest.quarter as number, rest);
    }

    // The victim's secret score moves, five more tenants become eligible: the same answers all day.
    await insertAssessment(admin, victims, { overallScore: 5 });
    for (let i = 0; i < 5; i++) await history(await insertTenant(admin, { employeeCount: 5000 }), 80 + i);
    for (const score of [0, 50, 100]) {
      await insertAssessment(admin, probe, { overallScore: score });
      expect(withoutOwnScore(await benchmark(attacker, probe))).toEqual(
        byQuarter.get(quarterOf(score, release)),
      );
    }
    expect((await storedReleases()).map((r) => r.eligible_count)).toEqual([10]);
  });

  it('makes a new release the next day over the tenants eligible by then, the count rounded down to a multiple of 5', async () => {
    // 15 eligible now; 4 more make 19.
    for (let i = 0; i < 4; i++) await history(await insertTenant(admin, { employeeCount: 5000 }), 30 + i);
    await admin.query(
      `UPDATE benchmark_releases SET release_day = release_day - 1 WHERE size_band = '1000+'`,
    );
    const answer = await benchmark(owner, subject);
    expect(answer).toMatchObject({ source: 'RELEASE', peerCount: 15 });
    const stored = await storedReleases();
    expect(stored.map((r) => r.eligible_count)).toEqual([10, 15]);
    expect(stored[1]).toMatchObject({ day: utcToday(), p25: answer.release.p25, p50: answer.release.p50 });
    expect(new Date(answer.release.releasedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(release.releasedAt).getTime(),
    );
  });

  it('makes exactly one release under concurrent first reads of the day, and every reader gets the stored one', async () => {
    await admin.query(`DELETE FROM benchmark_releases WHERE size_band = '1000+' AND release_day = $1`, [
      utcToday(),
    ]);
    // Another process's first read, caught between its INSERT and its COMMIT: every reader finds no release, draws
    // its own and then waits on the primary key. When that one commits, all must answer with it (no error).
    const other = await adminClient();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO benchmark_releases (size_band, release_day, p25, p50, p75, epsilon, eligible_count)
         VALUES ('1000+', $1, 11.1, 22.2, 33.3, 1, 15)`,
        [utcToday()],
      );
      const readers: [TestUser, string][] = [
        [owner, subject],
        [viewer, subject],
        [victim, victims],
        [attacker, fillers[1]],
        [attacker, fillers[2]],
      ];
      const answers = Promise.all(readers.map(([user, tenant]) => benchmark(user, tenant)));
      for (let waiting = 0, polls = 0; waiting < readers.length; polls++) {
        if (polls > 400) throw new Error(`only ${waiting} readers reached the insert`);
        await new Promise((resolve) => setTimeout(resolve, 25));
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%tenant_benchmark_release%'`,
        );
        waiting = rows[0].n;
      }
      await other.query('COMMIT');
      for (const answer of await answers) {
        expect(answer).toMatchObject({
          source: 'RELEASE',
          peerCount: 15,
          release: { p25: 11.1, p50: 22.2, p75: 33.3 },
        });
      }
    } finally {
      await other.end();
    }
    expect((await storedReleases()).filter((r) => r.day === utcToday())).toHaveLength(1);
  });

  it('needs the tenant selected and a member', async () => {
    expect((await t.gql(BENCHMARK, {}, { token: owner.token })).code).toBe('BAD_USER_INPUT');
    const outsider = await signUp(t.gql, 'Outsider');
    expect((await t.gql(BENCHMARK, {}, { token: outsider.token, tenant: subject })).code).toBe('FORBIDDEN');
  });
});
